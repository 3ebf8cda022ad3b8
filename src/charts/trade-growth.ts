/**
 * Growth of goods trade: Qingdao against Shandong and China, and the districts that report
 * it, grouped by the exact period each figure covers. Rates for part of a year stay in
 * their own group; computed rates (national and provincial ones implied by a gap in
 * percentage points) are dashed and say so.
 */
import type { ChartDefinition } from '../lib/chart/types.ts';
import { isFullYear, kindTags, periodLabel, pick, placeName, shortValue, tc, valueWithTags } from './kit/chart-kit.ts';
import { ledgerSpec, periodGroups } from './kit/ledger.ts';
import type { Dataset } from '../lib/data/site-figure.ts';

const ID = 'trade-growth';
const ORDER = ['qingdao', 'shandong', 'china'];

function isQingdaoDistrict(data: Dataset, geo: string): boolean {
  const p = data.places.get(geo);
  return p !== undefined && (p.kind === 'district' || p.kind === 'county-city') && p.parent === 'qingdao';
}

export const tradeGrowth: ChartDefinition = {
  id: ID,
  select: (data) => pick(data.figures, (f) => f.indicator === 'trade-total-yoy' && f.breakdown.length === 0 && f.status === 'actual' && (ORDER.includes(f.geo) || isQingdaoDistrict(data, f.geo))),
  spec: (rows, cx) =>
    ledgerSpec({
      ...cx,
      groups: periodGroups(
        rows,
        cx,
        {
          key: (f) => f.geo,
          order: ORDER,
          toBar: (f) => ({ type: 'bar', label: placeName(f.geo, cx), tags: kindTags(f, cx.lang), figure: f, value: f.value, valueLabel: shortValue(f, cx) }),
        },
        (f) => (isFullYear(f) ? periodLabel(f, cx.lang) : tc(cx.lang, 'common.partPeriod', { period: periodLabel(f, cx.lang) })),
      ),
    }),
  describe: (rows, cx) => {
    const latest = rows.filter((f) => f.geo === 'qingdao' && isFullYear(f)).at(-1);
    if (!latest) return tc(cx.lang, `${ID}.describeNone`);
    const same = (geo: string) => rows.find((f) => f.geo === geo && f.period_start === latest.period_start && f.period_end === latest.period_end);
    const province = same('shandong');
    const country = same('china');
    if (!province || !country) return tc(cx.lang, `${ID}.describeCity`, { period: periodLabel(latest, cx.lang), city: valueWithTags(latest, cx) });
    return tc(cx.lang, `${ID}.describe`, { period: periodLabel(latest, cx.lang), city: valueWithTags(latest, cx), province: valueWithTags(province, cx), country: valueWithTags(country, cx) });
  },
};
