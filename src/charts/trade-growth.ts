/**
 * Growth of goods trade. Qingdao's rates over time in one panel (a rate for part of a year is
 * a line over its months ending in a dot, so it is not read as a year); then, for each period
 * that has rates for the province, the country or the districts, the places side by side as
 * sorted bars on one scale, so rates are compared only with rates of the same period.
 * Computed rates (national and provincial ones implied by a gap in percentage points) are
 * dashed.
 */
import type { ChartDefinition } from '../lib/chart/types.ts';
import type { SiteFigure } from '../lib/data/site-figure.ts';
import { isFullYear, periodLabel, pick, placeName, shortValue, SITE_YEARS, tc, valueWithTags, valueWithUnit } from './kit/chart-kit.ts';
import { disagreements, timeSpec, type BarPanel, type TimePanel } from './kit/time-chart.ts';
import type { Dataset } from '../lib/data/site-figure.ts';

const ID = 'trade-growth';
const ORDER = ['qingdao', 'shandong', 'china'];

function isQingdaoDistrict(data: Dataset, geo: string): boolean {
  const p = data.places.get(geo);
  return p !== undefined && (p.kind === 'district' || p.kind === 'county-city') && p.parent === 'qingdao';
}

const samePeriod = (a: SiteFigure, b: SiteFigure) => a.period_start === b.period_start && a.period_end === b.period_end;

export const tradeGrowth: ChartDefinition = {
  id: ID,
  select: (data) =>
    pick(
      data.figures,
      (f) =>
        f.indicator === 'trade-total-yoy' &&
        f.breakdown.length === 0 &&
        f.status === 'actual' &&
        (ORDER.includes(f.geo) || isQingdaoDistrict(data, f.geo)),
    ),
  spec: (rows, cx) => {
    const city = rows.filter((f) => f.geo === 'qingdao');
    const range = SITE_YEARS;
    const panels: (TimePanel | BarPanel)[] = [
      {
        title: tc(cx.lang, `${ID}.panel.compare`, { city: placeName('qingdao', cx) }),
        marks: city.map((f) => ({ figure: f, valueLabel: shortValue(f, cx), highlight: !f.derived })),
        notes: disagreements(city).map(({ published, other }) =>
          tc(cx.lang, `${ID}.twoValues`, {
            period: periodLabel(published, cx.lang),
            published: shortValue(published, cx),
            other: shortValue(other, cx),
          }),
        ),
      },
    ];
    // each period with a rate for the province, the country or a district: the places side
    // by side as sorted bars, so rates are compared only within one period
    const key = (f: SiteFigure) => `${f.period_start}/${f.period_end}`;
    const periods = [...new Set(rows.filter((f) => f.geo !== 'qingdao').map(key))].sort();
    for (const p of periods) {
      const same = rows.filter((f) => key(f) === p);
      const first = same[0] as SiteFigure;
      const hasDistricts = same.some((f) => !ORDER.includes(f.geo));
      // the city's published rate where there is one: a computed second value is in the panel above
      const bars = same.filter((f) => f.geo !== 'qingdao' || !f.derived || !same.some((o) => o.geo === 'qingdao' && !o.derived));
      panels.push({
        rank: true,
        title: tc(cx.lang, hasDistricts ? `${ID}.panel.districts` : `${ID}.panel.samePeriod`, { period: periodLabel(first, cx.lang) }),
        bars: bars.map((f) => ({
          figure: f,
          label: placeName(f.geo, cx),
          valueLabel: shortValue(f, cx),
          tipLabel: placeName(f.geo, cx),
        })),
      });
    }
    return timeSpec({ ...cx, form: 'columns', ...range, panels });
  },
  title: (rows, cx) => {
    const latest = rows.filter((f) => f.geo === 'qingdao' && isFullYear(f) && !f.derived).at(-1);
    if (!latest) return tc(cx.lang, `${ID}.label`);
    const others = ['shandong', 'china'].map((geo) => rows.find((f) => f.geo === geo && samePeriod(f, latest)));
    const vals = others.flatMap((f) => (f ? [f.value] : []));
    const side =
      vals.length < 2 ? '' : vals.every((v) => latest.value > v) ? '.above' : vals.every((v) => latest.value < v) ? '.below' : '';
    return tc(cx.lang, `${ID}.headline${side}`, { period: periodLabel(latest, cx.lang), city: valueWithUnit(latest, cx) });
  },
  describe: (rows, cx) => {
    const latest = rows.filter((f) => f.geo === 'qingdao' && isFullYear(f)).at(-1);
    if (!latest) return tc(cx.lang, `${ID}.describeNone`);
    const same = (geo: string) =>
      rows.find((f) => f.geo === geo && f.period_start === latest.period_start && f.period_end === latest.period_end);
    const province = same('shandong');
    const country = same('china');
    if (!province || !country)
      return tc(cx.lang, `${ID}.describeCity`, { period: periodLabel(latest, cx.lang), city: valueWithTags(latest, cx) });
    return tc(cx.lang, `${ID}.describe`, {
      period: periodLabel(latest, cx.lang),
      city: valueWithTags(latest, cx),
      province: valueWithTags(province, cx),
      country: valueWithTags(country, cx),
    });
  },
};
