/**
 * Growth of goods trade. Qingdao, Shandong and China as dots on one scale over time, so
 * the gap between them is read directly; a rate for part of a year is a line over its
 * months ending in a dot. Computed rates (national and provincial ones implied by a gap in
 * percentage points) are hollow and dashed. The districts that report a rate are sorted
 * bars for their year, with the city's rate beside them on the same scale.
 */
import type { ChartDefinition } from '../lib/chart/types.ts';
import type { SiteFigure } from '../lib/data/site-figure.ts';
import { isFullYear, periodLabel, pick, placeName, shortValue, SITE_YEARS, tc, valueWithTags } from './kit/chart-kit.ts';
import { disagreements, reportingEvents, timeRange, timeSpec, type RankPanel, type Symbol, type TimePanel } from './kit/time-chart.ts';
import type { Dataset } from '../lib/data/site-figure.ts';

const ID = 'trade-growth';
const SYMBOLS: Record<string, Symbol> = { qingdao: 'circle', shandong: 'square', china: 'diamond' };
const ORDER = Object.keys(SYMBOLS);

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
    const main = rows.filter((f) => ORDER.includes(f.geo));
    const districts = rows.filter((f) => !ORDER.includes(f.geo));
    const range = timeRange(rows, SITE_YEARS);
    const latest = main.filter((f) => f.geo === 'qingdao' && isFullYear(f)).at(-1);
    const panels: (TimePanel | RankPanel)[] = [
      {
        title: tc(cx.lang, `${ID}.panel.compare`, {
          city: placeName('qingdao', cx),
          province: placeName('shandong', cx),
          country: placeName('china', cx),
        }),
        marks: main.map((f) => ({
          figure: f,
          valueLabel: shortValue(f, cx),
          symbol: SYMBOLS[f.geo] ?? 'circle',
          tipLabel: placeName(f.geo, cx),
        })),
        notes: disagreements(main).map(({ published, other }) =>
          tc(cx.lang, `${ID}.twoValues`, {
            period: periodLabel(published, cx.lang),
            published: shortValue(published, cx),
            other: shortValue(other, cx),
          }),
        ),
      },
    ];
    // the latest full year, which the text compares, as sorted bars on one scale: the city,
    // the province, the country and the districts that report a rate for it
    const periods = [...new Set([...(latest ? [latest] : []), ...districts].map((f) => `${f.period_start}/${f.period_end}`))];
    for (const p of periods) {
      const own = districts.filter((f) => `${f.period_start}/${f.period_end}` === p);
      const first = (own[0] ?? latest) as SiteFigure;
      const city = main.filter((f) => samePeriod(f, first));
      panels.push({
        rank: true,
        title: tc(cx.lang, `${ID}.panel.districts`, { period: periodLabel(first, cx.lang) }),
        bars: [...own, ...city].map((f) => ({
          figure: f,
          label: placeName(f.geo, cx),
          valueLabel: shortValue(f, cx),
          tipLabel: placeName(f.geo, cx),
        })),
      });
    }
    const symbols = Object.fromEntries(ORDER.map((g) => [SYMBOLS[g], placeName(g, cx)]));
    return timeSpec({ ...cx, form: 'dots', ...range, panels, symbols, events: reportingEvents(main, cx, range) });
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
