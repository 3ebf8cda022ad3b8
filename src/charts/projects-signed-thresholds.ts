/**
 * Signed projects counted at each size threshold the sources use (1亿, 5亿, 30亿, 50亿元
 * and above), one group per threshold, each period in words. The thresholds count
 * different sets of projects, so each group is drawn to its own scale and never shares an
 * axis with another.
 */
import type { ChartDefinition } from '../lib/chart/types.ts';
import { indicatorName, periodLabel, pick, shortValue, tc, valueWithTags } from './kit/chart-kit.ts';
import { chronological, gapSpec, ledgerSpec, periodBar } from './kit/ledger.ts';

const ID = 'projects-signed-thresholds';
export const SIGNED_THRESHOLDS = ['projects-signed-1yi', 'projects-signed-5yi', 'projects-signed-30yi', 'projects-signed-50yi'];

export const projectsSignedThresholds: ChartDefinition = {
  id: ID,
  select: (data) => pick(data.figures, (f) => SIGNED_THRESHOLDS.includes(f.indicator) && f.geo === 'qingdao' && f.breakdown.length === 0 && f.status === 'actual'),
  spec: (rows, cx) => {
    return ledgerSpec({
      ...cx,
      scale: 'per-group',
      groups: SIGNED_THRESHOLDS.map((indicator) => ({
        title: tc(cx.lang, 'common.unitCount', { name: indicatorName(indicator, cx) }),
        items: chronological(
          rows.filter((f) => f.indicator === indicator),
          (f) => periodBar(f, cx, shortValue(f, cx)),
          gapSpec(rows.filter((f) => f.indicator === indicator), cx),
        ),
      })),
    });
  },
  describe: (rows, cx) => {
    const one = rows.filter((f) => f.indicator === 'projects-signed-1yi' && !f.derived);
    const five = rows.filter((f) => f.indicator === 'projects-signed-5yi' && !f.derived);
    const a = five.at(-1);
    const b = one.at(-1);
    if (!a || !b) return tc(cx.lang, `${ID}.describeNone`);
    return tc(cx.lang, `${ID}.describe`, { fivePeriod: periodLabel(a, cx.lang), fiveName: indicatorName(a.indicator, cx), five: valueWithTags(a, cx), onePeriod: periodLabel(b, cx.lang), oneName: indicatorName(b.indicator, cx), one: valueWithTags(b, cx) });
  },
};
