/**
 * Goods trade in 亿元: Qingdao and the districts that report a total, full years and parts
 * of years in separate groups. Totals a source published in other units (billion yuan)
 * appear through their computed 亿元 rows, dashed.
 */
import type { ChartDefinition } from '../lib/chart/types.ts';
import { isFullYear, periodLabel, pick, placeName, shortValue, tc, valueWithTags } from './kit/chart-kit.ts';
import { fullAndPartGroups, ledgerSpec, type LedgerGroup } from './kit/ledger.ts';
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

export const tradeTotals: ChartDefinition = {
  id: ID,
  select: (data) => pick(data.figures, (f) => f.indicator === 'trade-total' && f.unit === 'yi-yuan' && f.breakdown.length === 0 && f.status === 'actual' && isCityOrDistrict(data, f.geo)),
  spec: (rows, cx) => {
    const groups: LedgerGroup[] = places(rows).flatMap((geo) => {
      const name = placeName(geo, cx);
      return fullAndPartGroups(
        rows.filter((f) => f.geo === geo),
        cx,
        (f) => shortValue(f, cx),
        { full: tc(cx.lang, 'common.placeFullYear', { place: name }), part: tc(cx.lang, 'common.placePartYear', { place: name }) },
      );
    });
    return ledgerSpec({ ...cx, groups });
  },
  describe: (rows, cx) => {
    const city = rows.filter((f) => f.geo === 'qingdao' && isFullYear(f));
    const first = city[0];
    const last = city.at(-1);
    if (!first || !last || first === last) return tc(cx.lang, `${ID}.describeNone`);
    return tc(cx.lang, `${ID}.describe`, { firstPeriod: periodLabel(first, cx.lang), first: valueWithTags(first, cx), lastPeriod: periodLabel(last, cx.lang), last: valueWithTags(last, cx) });
  },
};
