/**
 * Goods trade in 亿元 on a time axis: Qingdao in one panel, each district that reports a
 * total in its own panel with its own axis. Full years are columns; a part of a year (the
 * first half, January–November) is a line over the months it covers. Totals a source
 * published in other units (billion yuan) appear through their computed 亿元 rows, dashed.
 * Where two values exist for one year, the chart says why under the axis.
 */
import type { ChartDefinition } from '../lib/chart/types.ts';
import { isFullYear, periodLabel, pick, placeName, shortValue, SITE_YEARS, tc, valueWithTags, valueWithUnit } from './kit/chart-kit.ts';
import { disagreements, timeSpec, type TimePanel } from './kit/time-chart.ts';
import type { Dataset, SiteFigure } from '../lib/data/site-figure.ts';

const ID = 'trade-totals';

function isCityOrDistrict(data: Dataset, geo: string): boolean {
  if (geo === 'qingdao') return true;
  const p = data.places.get(geo);
  return p !== undefined && (p.kind === 'district' || p.kind === 'county-city') && p.parent === 'qingdao';
}

function places(rows: readonly SiteFigure[]): string[] {
  const geos = [...new Set(rows.map((f) => f.geo))];
  return ['qingdao', ...geos.filter((g) => g !== 'qingdao').sort()].filter((g) => geos.includes(g));
}

/** The first and last full-year totals of the city: what the text says. */
function cityEnds(rows: readonly SiteFigure[]): { first?: SiteFigure; last?: SiteFigure } {
  const city = rows.filter((f) => f.geo === 'qingdao' && isFullYear(f) && !f.derived);
  const first = city[0];
  const last = rows.filter((f) => f.geo === 'qingdao' && isFullYear(f)).at(-1);
  return { ...(first ? { first } : {}), ...(last ? { last } : {}) };
}

export const tradeTotals: ChartDefinition = {
  id: ID,
  select: (data) =>
    pick(
      data.figures,
      (f) =>
        f.indicator === 'trade-total' &&
        f.unit === 'yi-yuan' &&
        f.breakdown.length === 0 &&
        f.status === 'actual' &&
        isCityOrDistrict(data, f.geo),
    ),
  spec: (rows, cx) => {
    const range = SITE_YEARS;
    const { first, last } = cityEnds(rows);
    const panels: TimePanel[] = places(rows).map((geo) => {
      const own = rows.filter((f) => f.geo === geo);
      return {
        title: placeName(geo, cx),
        marks: own.map((f) => ({ figure: f, valueLabel: shortValue(f, cx), highlight: f === first || f === last })),
        notes: disagreements(own).map(({ published, other }) =>
          tc(cx.lang, `${ID}.twoValues`, {
            period: periodLabel(published, cx.lang),
            published: shortValue(published, cx),
            other: shortValue(other, cx),
          }),
        ),
      };
    });
    return timeSpec({ ...cx, form: 'columns', ...range, panels });
  },
  title: (rows, cx) => {
    // published full-year totals of the city, first and last
    const city = rows.filter((f) => f.geo === 'qingdao' && isFullYear(f) && !f.derived);
    const first = city[0];
    const last = city.at(-1);
    if (!first || !last || first.value === last.value) return tc(cx.lang, `${ID}.label`);
    return tc(cx.lang, `${ID}.headline.${last.value > first.value ? 'up' : 'down'}`, {
      firstPeriod: periodLabel(first, cx.lang),
      first: valueWithUnit(first, cx),
      lastPeriod: periodLabel(last, cx.lang),
      last: valueWithUnit(last, cx),
    });
  },
  describe: (rows, cx) => {
    const city = rows.filter((f) => f.geo === 'qingdao' && isFullYear(f));
    const first = city[0];
    const last = city.at(-1);
    if (!first || !last || first === last) return tc(cx.lang, `${ID}.describeNone`);
    return tc(cx.lang, `${ID}.describe`, {
      firstPeriod: periodLabel(first, cx.lang),
      first: valueWithTags(first, cx),
      lastPeriod: periodLabel(last, cx.lang),
      last: valueWithTags(last, cx),
    });
  },
};
