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
  spec: (rows, { width, lang }) =>
    ledgerSpec({
      width,
      lang,
      groups: fullAndPartGroups(rows, lang, (f) => shortValue(f, lang), { full: tc(lang, 'common.group.fullYear'), part: tc(lang, 'common.group.partYear') }),
    }),
  describe: (rows, { lang }) => {
    const list = (fs: typeof rows) => fs.map((f) => tc(lang, 'common.periodValue', { period: periodLabel(f, lang), value: valueWithTags(f, lang) })).join('、');
    const full = rows.filter(isFullYear);
    const part = rows.filter((f) => !isFullYear(f));
    return tc(lang, `${ID}.describe`, { full: list(full) || tc(lang, 'common.none'), part: list(part) || tc(lang, 'common.none') });
  },
};
