/**
 * Series on small invented tables: figures of one quantity join across units that convert
 * exactly (and only those), a derived figure that restates one of them is left out, places
 * and breakdowns are series of their own, and the decimal shift is exact.
 */
import { describe, expect, it } from 'vitest';
import { chartableSeries, quantityOf, seriesId, seriesOf, shiftExact, unitShift } from '../../src/lib/words/series.ts';
import type { Dataset, SiteFigure } from '../../src/lib/data/site-figure.ts';
import type { Indicator } from '../../src/lib/data/schema.ts';

const ind = (id: string, unit: string): Indicator =>
  ({ id, unit, name_zh: id, name_en: id, topic: 'trade', definition: '', definition_zh: '', undefined_terms: '' }) as Indicator;

const fig = (
  id: string,
  indicator: string,
  valueText: string,
  unit: string,
  start: string,
  end: string,
  more: Partial<SiteFigure> = {},
): SiteFigure => ({
  id,
  indicator,
  valueText,
  value: Number(valueText),
  unit,
  qualifier: 'exact',
  period_start: start,
  period_end: end,
  geo: 'qingdao',
  status: 'actual',
  breakdown: [],
  sources: ['s'],
  sourceKind: 'primary',
  quote: 'q',
  note: '',
  noteZh: '',
  derived: false,
  formula: '',
  inputs: [],
  continuityNote: '',
  ...more,
});

const indicators = new Map(
  [ind('goods', 'yi-yuan'), ind('goods-billion-yuan', 'billion-yuan'), ind('goods-billion-usd', 'billion-usd'), ind('rate', 'percent')].map(
    (i) => [i.id, i],
  ),
);

describe('shiftExact', () => {
  it('moves the decimal point of the published text', () => {
    expect(shiftExact('911.72', 1)).toBe('9117.2');
    expect(shiftExact('1.5', 4)).toBe('15000');
    expect(shiftExact('3', -2)).toBe('0.03');
    expect(shiftExact('-0.5', 1)).toBe('-5');
    expect(shiftExact('805.67', 0)).toBe('805.67');
    expect(shiftExact('0', 3)).toBe('0');
  });
  it('refuses anything but a plain decimal', () => {
    expect(() => shiftExact('1e3', 1)).toThrow(/plain decimal/u);
  });
});

describe('unitShift', () => {
  it('converts within one currency or count, a power of ten apart', () => {
    expect(unitShift('billion-yuan', 'yi-yuan')).toBe(1);
    expect(unitShift('trillion-yuan', 'yi-yuan')).toBe(4);
    expect(unitShift('wan-usd', 'yi-usd')).toBe(-4);
    expect(unitShift('percent', 'percent')).toBe(0);
  });
  it('does not convert dollars to yuan, or a unit it does not know', () => {
    expect(unitShift('billion-usd', 'yi-yuan')).toBeUndefined();
    expect(unitShift('mu', 'yi-yuan')).toBeUndefined();
  });
});

describe('seriesOf', () => {
  it('joins a quantity published in another unit, but not one in another currency', () => {
    expect(quantityOf('goods-billion-yuan', indicators)).toBe('goods');
    expect(quantityOf('goods-billion-usd', indicators)).toBe('goods-billion-usd');
    expect(quantityOf('goods', indicators)).toBe('goods');
  });

  it('draws every figure in the series unit, keeps the published one, and drops a restatement', () => {
    const figures = [
      fig('a', 'goods', '6407.0', 'yi-yuan', '2020-01-01', '2020-12-31'),
      fig('b', 'goods-billion-yuan', '911.72', 'billion-yuan', '2022-01-01', '2022-12-31'),
      // derived.csv's conversion of b: the same point again
      fig('b-yi', 'goods', '9117.2', 'yi-yuan', '2022-01-01', '2022-12-31', { derived: true, inputs: ['b'], formula: '{b} * 10' }),
      fig('c', 'goods-billion-usd', '60.55', 'billion-usd', '2023-01-01', '2023-11-30'),
      fig('d', 'goods', '100', 'yi-yuan', '2021-01-01', '2021-12-31', { geo: 'huangdao' }),
      fig('e', 'goods', '50', 'yi-yuan', '2021-01-01', '2021-12-31', { breakdown: ['partner:rcep'] }),
      fig('f', 'goods', '60', 'yi-yuan', '2022-01-01', '2022-12-31', { breakdown: ['partner:rcep'], status: 'target' }),
    ];
    const all = seriesOf({ figures, indicators });
    const main = all.find((s) => s.id === 'series-goods');
    expect(main?.points.map((p) => [p.figure.id, p.drawnText, p.converted])).toEqual([
      ['a', '6407', false],
      ['b', '9117.2', true],
    ]);
    expect(main?.indicators).toEqual(['goods', 'goods-billion-yuan']);
    expect(main?.unit).toBe('yi-yuan');
    expect(all.map((s) => s.id)).toEqual([
      'series-goods',
      'series-goods--qingdao--partner-rcep',
      'series-goods--huangdao',
      'series-goods-billion-usd',
    ]);
    // the breakdown has two periods, one of them a target: a series with a chart
    expect(chartableSeries({ figures, indicators }).map((s) => s.id)).toEqual(['series-goods', 'series-goods--qingdao--partner-rcep']);
  });

  it('names the default series by its indicator, others by place and part', () => {
    expect(seriesId('fdi-actual', 'qingdao', [])).toBe('series-fdi-actual');
    expect(seriesId('fdi-actual', 'shandong', [])).toBe('series-fdi-actual--shandong');
    expect(seriesId('fdi-actual', 'qingdao', ['sector:manufacturing'])).toBe('series-fdi-actual--qingdao--sector-manufacturing');
  });

  it('stops when two series would share an address', () => {
    const figures = [
      fig('p', 'goods', '1', 'yi-yuan', '2020-01-01', '2020-12-31', { breakdown: ['partner:rcep'] }),
      fig('q', 'goods', '2', 'yi-yuan', '2020-01-01', '2020-12-31', { breakdown: ['partner-rcep'] }),
    ];
    expect(() => seriesOf({ figures, indicators })).toThrow(/two series would share the address series-goods--qingdao--partner-rcep/u);
  });

  it('stops on a figure whose unit does not convert to its indicator’s', () => {
    const figures = [fig('x', 'goods', '1', 'billion-usd', '2020-01-01', '2020-12-31')];
    expect(() => seriesOf({ figures, indicators } as Pick<Dataset, 'figures' | 'indicators'>)).toThrow(
      /figure x is in billion-usd, which does not convert to yi-yuan/u,
    );
  });
});
