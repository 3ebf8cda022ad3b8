/**
 * Planned total investment of the signed projects, by the size threshold of the projects
 * counted (5亿元 and above, 1亿元 and above): one group per threshold, each period in words.
 */
import type { ChartDefinition } from '../lib/chart/types.ts';
import { indicatorName, periodLabel, pick, shortValue, tc, valueWithTags } from './kit/chart-kit.ts';
import { chronological, gapSpec, ledgerSpec, periodBar } from './kit/ledger.ts';

const ID = 'projects-signed-investment';
const INDICATORS = ['projects-signed-1yi-investment', 'projects-signed-5yi-investment'];

export const projectsSignedInvestment: ChartDefinition = {
  id: ID,
  select: (data) => pick(data.figures, (f) => INDICATORS.includes(f.indicator) && f.geo === 'qingdao' && f.breakdown.length === 0 && f.status === 'actual'),
  spec: (rows, cx) => {
    return ledgerSpec({
      ...cx,
      groups: INDICATORS.filter((i) => rows.some((f) => f.indicator === i)).map((indicator) => ({
        title: indicatorName(indicator, cx),
        items: chronological(
          rows.filter((f) => f.indicator === indicator),
          (f) => periodBar(f, cx, shortValue(f, cx)),
          gapSpec(rows.filter((f) => f.indicator === indicator), cx),
        ),
      })),
    });
  },
  describe: (rows, cx) => {
    const one = rows.filter((f) => f.indicator === 'projects-signed-1yi-investment' && !f.derived);
    const full = one.filter((f) => f.period_start.endsWith('-01-01') && f.period_end.endsWith('-12-31')).at(-1);
    const q = one.find((f) => full && f.period_start === full.period_start && f.period_end < full.period_end);
    if (!full || !q) return tc(cx.lang, `${ID}.describeNone`);
    return tc(cx.lang, `${ID}.describe`, { name: indicatorName(full.indicator, cx), fullPeriod: periodLabel(full, cx.lang), full: valueWithTags(full, cx), partPeriod: periodLabel(q, cx.lang), part: valueWithTags(q, cx) });
  },
};
