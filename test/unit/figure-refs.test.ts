import { describe, expect, it } from 'vitest';
import { getDataset } from '../../src/lib/data/dataset.ts';
import { figureRefs, nameIn, placeRef } from '../../src/lib/words/figure-refs.ts';

describe('figureRefs: one policy for a reference the data does not hold', () => {
  const data = getDataset();
  const real = data.figures.find((f) => f.sources.length > 0);
  if (!real) throw new Error('the dataset has no figure with a source');

  it('finds the indicator, place, unit and sources of a real figure', () => {
    const refs = figureRefs(real, data);
    expect(refs.indicator.id).toBe(real.indicator);
    expect(refs.place.id).toBe(real.geo);
    expect(refs.unit.id).toBe(real.unit);
    expect(refs.sources.map((s) => s.id)).toEqual(real.sources);
    expect(nameIn(refs.place, 'zh')).toBe(refs.place.name_zh);
  });

  it.each([
    ['indicator', { indicator: 'no-such-indicator' }, 'figure X: indicator "no-such-indicator" is not in indicators.csv'],
    ['geo', { geo: 'atlantis' }, 'figure X: geo "atlantis" is not in places.csv'],
    ['unit', { unit: 'furlongs' }, 'figure X: unit "furlongs" is not in units.csv'],
    ['source', { sources: ['nobody'] }, 'figure X: source "nobody" is not in sources.csv'],
  ])('stops on an unknown %s, naming the figure, the column and the id', (_col, change, message) => {
    expect(() => figureRefs({ ...real, id: 'X', ...change }, data)).toThrow(message);
  });

  it('holds events to the same rule', () => {
    expect(() => placeRef('atlantis', 'event ev-x', data)).toThrow('event ev-x: geo "atlantis" is not in places.csv');
  });
});
