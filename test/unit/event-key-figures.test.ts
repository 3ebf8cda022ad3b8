/** An event page's key figures: targets first, one per topic, never beside a figure of their topic, at most five. */
import { describe, expect, it } from 'vitest';
import { KEY_FIGURE_LIMIT, keyFiguresOf } from '../../src/lib/timeline/event-view.ts';

const fig = (
  id: string,
  indicator: string,
  over: Partial<{ geo: string; breakdown: string[]; derived: boolean; status: 'actual' | 'target' | 'plan'; unit: string }> = {},
) => ({
  id,
  indicator,
  geo: 'qingdao',
  breakdown: [] as string[],
  derived: false,
  status: 'actual' as 'actual' | 'target' | 'plan',
  unit: 'count',
  ...over,
});
const topics: Record<string, string> = {
  landed: 'projects',
  signed: 'projects',
  fdi: 'fdi',
  trade: 'trade',
  gdp: 'economy',
  talent: 'talent',
  parks: 'platforms',
  battles: 'structure',
};
const topicOf = (i: string) => topics[i] ?? '';

describe('keyFiguresOf', () => {
  it('puts the targets first and keeps reported figures of their topic out', () => {
    const rows = [fig('s', 'signed'), fig('f', 'fdi'), fig('t', 'landed', { status: 'target' })];
    expect(keyFiguresOf({ geo: 'qingdao', targets: ['t'] }, rows, topicOf).map((f) => f.id)).toEqual(['t', 'f']);
  });

  it('takes one city-wide published total per topic, skipping parts, other places, computed figures, ranks and structures', () => {
    const rows = [
      fig('battles', 'battles'),
      fig('fdi-hd', 'fdi', { geo: 'huangdao' }),
      fig('fdi-mfg', 'fdi', { breakdown: ['sector:manufacturing'] }),
      fig('fdi-derived', 'fdi', { derived: true }),
      fig('fdi-rank', 'fdi', { unit: 'rank' }),
      fig('fdi', 'fdi'),
      fig('fdi-2', 'fdi'),
      fig('trade', 'trade'),
    ];
    expect(keyFiguresOf({ geo: 'qingdao', targets: [] }, rows, topicOf).map((f) => f.id)).toEqual(['fdi', 'trade']);
  });

  it(`stops at ${KEY_FIGURE_LIMIT}`, () => {
    const rows = ['signed', 'fdi', 'trade', 'gdp', 'talent', 'parks'].map((i) => fig(i, i));
    expect(keyFiguresOf({ geo: 'qingdao', targets: [] }, rows, topicOf)).toHaveLength(KEY_FIGURE_LIMIT);
  });
});
