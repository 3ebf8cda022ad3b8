/**
 * Series: one quantity for one place (and one breakdown) across time, as a researcher asks
 * "how did Qingdao's FDI move". Figures join a series whatever unit a source published them
 * in, as long as the unit converts exactly: an English report's 911.72 billion yuan is the
 * same quantity as 9117.2亿元. The published value and unit stay with the figure (table,
 * tooltip, quote); only the drawing uses the converted number.
 *
 * Which indicators are the same quantity: an indicator whose id is another's id followed by
 * its own unit's id (trade-total-billion-yuan, unit billion-yuan → trade-total) is that
 * indicator published in another unit, when the two units convert exactly (same currency or
 * thing counted, a power of ten apart). trade-exports-billion-usd stays its own quantity:
 * dollars do not convert to yuan without a rate the sources do not give.
 *
 * A derived figure that only restates one figure of the same series and period in another
 * unit (derived.csv's `{x} * 10` conversions) is left out of the series: it would be the same
 * point twice.
 */
import Decimal from 'decimal.js';
import type { Dataset, SiteFigure } from '../data/site-figure.ts';

// Moving the point changes no digit; a precision far above the 15 significant digits the data
// check allows means no rounding, and the exponent limits keep toFixed() in plain notation.
const ExactDecimal = Decimal.clone({ precision: 1000, toExpPos: 9e15, toExpNeg: -9e15 });

/** Units that convert exactly: what they count and the power of ten of one unit. */
const UNIT_SCALES: Readonly<Record<string, { base: string; pow10: number }>> = {
  'yi-yuan': { base: 'yuan', pow10: 8 },
  'billion-yuan': { base: 'yuan', pow10: 9 },
  'wan-yi-yuan': { base: 'yuan', pow10: 12 },
  'trillion-yuan': { base: 'yuan', pow10: 12 },
  'wan-usd': { base: 'usd', pow10: 4 },
  'yi-usd': { base: 'usd', pow10: 8 },
  'billion-usd': { base: 'usd', pow10: 9 },
  count: { base: 'count', pow10: 0 },
  'wan-count': { base: 'count', pow10: 4 },
  person: { base: 'person', pow10: 0 },
  'wan-person': { base: 'person', pow10: 4 },
};

/** How many powers of ten lie between two units, or undefined when they do not convert exactly. */
export function unitShift(from: string, to: string): number | undefined {
  if (from === to) return 0;
  const a = UNIT_SCALES[from];
  const b = UNIT_SCALES[to];
  if (!a || !b || a.base !== b.base) return undefined;
  return a.pow10 - b.pow10;
}

/**
 * A published decimal moved by powers of ten, as text, without floating point (the exact value;
 * english-units.ts' shiftDecimal instead keeps the published significant digits, and refuses
 * a shift that cannot):
 * shiftExact('911.72', 1) → '9117.2', shiftExact('1.5', 4) → '15000', shiftExact('3', -2) → '0.03'.
 */
export function shiftExact(text: string, places: number): string {
  const plain = text.trim();
  if (!/^-?\d+(?:\.\d+)?$/u.test(plain)) throw new Error(`series: "${text}" is not a plain decimal number`);
  const out = new ExactDecimal(plain).times(new ExactDecimal(10).pow(places)).toFixed();
  return out === '-0' ? '0' : out;
}

export interface SeriesPoint {
  figure: SiteFigure;
  /** the value in the series' unit, as text (exact) and as a number (for drawing) */
  drawnText: string;
  drawn: number;
  /** published in another unit than the series' */
  converted: boolean;
}

export interface Series {
  /** unique among series and chart ids: series-<indicator>[--<place>][--<breakdown>] */
  id: string;
  /** the indicator whose unit the series is drawn in */
  indicator: string;
  /** every indicator whose figures it holds (the quantity in each unit a source used) */
  indicators: string[];
  geo: string;
  breakdown: string[];
  unit: string;
  points: SeriesPoint[];
  /** distinct periods */
  periods: number;
}

/** The indicator whose quantity this one is, in another unit (see the module comment); itself otherwise. */
export function quantityOf(id: string, indicators: Dataset['indicators']): string {
  const ind = indicators.get(id);
  if (!ind) throw new Error(`series: indicator "${id}" is not in indicators.csv`);
  const suffix = `-${ind.unit}`;
  if (!id.endsWith(suffix)) return id;
  const stem = indicators.get(id.slice(0, -suffix.length));
  if (!stem || unitShift(ind.unit, stem.unit) === undefined) return id;
  return stem.id;
}

/** The default series (Qingdao, no breakdown) keeps the indicator's name: series-fdi-actual. */
export function seriesId(indicator: string, geo: string, breakdown: readonly string[]): string {
  const parts = [indicator];
  if (geo !== 'qingdao' || breakdown.length > 0) parts.push(geo);
  if (breakdown.length > 0) parts.push(breakdown.join('-').replace(/[^a-z0-9-]+/gu, '-'));
  return `series-${parts.join('--')}`;
}

const periodKey = (f: Pick<SiteFigure, 'period_start' | 'period_end'>) => `${f.period_start}|${f.period_end}`;

// every chart page and indicator page asks for the series: grouped once per dataset, not per page
const grouped = new WeakMap<object, Series[]>();

/** Every series in the data, in the order of indicators.csv, then place, then breakdown. */
export function seriesOf(data: Pick<Dataset, 'figures' | 'indicators'>): Series[] {
  const hit = grouped.get(data);
  if (hit) return hit;
  const made = groupSeries(data);
  grouped.set(data, made);
  return made;
}

function groupSeries(data: Pick<Dataset, 'figures' | 'indicators'>): Series[] {
  const order = new Map([...data.indicators.keys()].map((id, i) => [id, i]));
  const groups = new Map<string, { indicator: string; geo: string; breakdown: string[]; figures: SiteFigure[] }>();
  for (const f of data.figures) {
    const indicator = quantityOf(f.indicator, data.indicators);
    const key = JSON.stringify([indicator, f.geo, f.breakdown]);
    const g = groups.get(key) ?? { indicator, geo: f.geo, breakdown: f.breakdown, figures: [] };
    g.figures.push(f);
    groups.set(key, g);
  }
  const out: Series[] = [];
  const ids = new Map<string, string>();
  for (const [key, g] of groups) {
    const ind = data.indicators.get(g.indicator);
    if (!ind) throw new Error(`series: indicator "${g.indicator}" is not in indicators.csv`);
    const inSeries = new Set(g.figures.map((f) => f.id));
    const restates = (f: SiteFigure) =>
      f.derived &&
      f.inputs.length === 1 &&
      inSeries.has(f.inputs[0] as string) &&
      periodKey(f) === periodKey(g.figures.find((x) => x.id === f.inputs[0]) as SiteFigure);
    const points = g.figures
      .filter((f) => !restates(f))
      .map((f): SeriesPoint => {
        const shift = unitShift(f.unit, ind.unit);
        if (shift === undefined)
          throw new Error(`series ${g.indicator}: figure ${f.id} is in ${f.unit}, which does not convert to ${ind.unit}`);
        const drawnText = shiftExact(f.valueText, shift);
        return { figure: f, drawnText, drawn: Number(drawnText), converted: shift !== 0 || f.unit !== ind.unit };
      })
      .sort(
        (a, b) =>
          a.figure.period_start.localeCompare(b.figure.period_start) ||
          a.figure.period_end.localeCompare(b.figure.period_end) ||
          Number(a.figure.derived) - Number(b.figure.derived) ||
          a.figure.id.localeCompare(b.figure.id),
      );
    const id = seriesId(g.indicator, g.geo, g.breakdown);
    const clash = ids.get(id);
    if (clash !== undefined)
      throw new Error(`series: two series would share the address ${id}: ${clash} and ${key} (indicator, place, breakdown)`);
    ids.set(id, key);
    out.push({
      id,
      indicator: g.indicator,
      indicators: [...new Set(points.map((p) => p.figure.indicator))],
      geo: g.geo,
      breakdown: g.breakdown,
      unit: ind.unit,
      points,
      periods: new Set(points.map((p) => periodKey(p.figure))).size,
    });
  }
  const rank = (s: Series) => order.get(s.indicator) ?? 0;
  return out.sort(
    (a, b) =>
      rank(a) - rank(b) ||
      Number(a.geo !== 'qingdao') - Number(b.geo !== 'qingdao') ||
      a.geo.localeCompare(b.geo) ||
      a.breakdown.length - b.breakdown.length ||
      a.breakdown.join().localeCompare(b.breakdown.join()),
  );
}

/** Series with figures for two or more periods: these get a chart. */
const chartable = new WeakMap<object, Series[]>();

export function chartableSeries(data: Pick<Dataset, 'figures' | 'indicators'>): Series[] {
  const hit = chartable.get(data);
  if (hit) return hit;
  const made = seriesOf(data).filter((s) => s.periods >= 2);
  chartable.set(data, made);
  return made;
}
