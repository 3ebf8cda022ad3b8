/**
 * Qingdao's foreign capital actually used, by the period each source reports: full years
 * and parts of years in separate groups, years without a source as rows saying so.
 */
import type { ChartDefinition } from '../lib/chart/types.ts';
import { isFullYear, periodLabel, pick, shortValue, tc, valueWithTags } from './kit/chart-kit.ts';
import { fullAndPartGroups, ledgerSpec } from './kit/ledger.ts';

const ID = 'fdi-actual-periods';

export const fdiActualPeriods: ChartDefinition = {
  id: ID,
  select: (data) => pick(data.figures, (f) => f.indicator === 'fdi-actual' && f.geo === 'qingdao' && f.breakdown.length === 0 && f.status === 'actual'),
  spec: (rows, cx) =>
    ledgerSpec({
      ...cx,
      groups: fullAndPartGroups(rows, cx, (f) => shortValue(f, cx), { full: tc(cx.lang, 'common.group.fullYear'), part: tc(cx.lang, 'common.group.partYear') }),
    }),
  describe: (rows, cx) => {
    const list = (fs: typeof rows) => fs.map((f) => tc(cx.lang, 'common.periodValue', { period: periodLabel(f, cx.lang), value: valueWithTags(f, cx) })).join('、');
    const full = rows.filter(isFullYear);
    const part = rows.filter((f) => !isFullYear(f));
    return tc(cx.lang, `${ID}.describe`, { full: list(full) || tc(cx.lang, 'common.none'), part: list(part) || tc(cx.lang, 'common.none') });
  },
};
