/**
 * Signed projects counted at each size threshold the sources use (1亿, 5亿, 30亿, 50亿元
 * and above) as small multiples: one labelled panel per threshold, each with its own value
 * axis, on a shared time axis. The thresholds count different sets of projects, so no two
 * thresholds share a scale; within a panel, bar height is comparable. Quarters, half years
 * and multi-year totals are lines over the span they cover.
 */
import type { ChartDefinition } from '../lib/chart/types.ts';
import {
  indicatorName,
  nameInSentence,
  isFullYear,
  periodLabel,
  pick,
  shortValue,
  SITE_YEARS,
  tc,
  valueWithTags,
  valueWithUnit,
} from './kit/chart-kit.ts';
import { timeSpec } from './kit/time-chart.ts';

const ID = 'projects-signed-thresholds';
export const SIGNED_THRESHOLDS = ['projects-signed-1yi', 'projects-signed-5yi', 'projects-signed-30yi', 'projects-signed-50yi'];

export const projectsSignedThresholds: ChartDefinition = {
  id: ID,
  select: (data) =>
    pick(
      data.figures,
      (f) => SIGNED_THRESHOLDS.includes(f.indicator) && f.geo === 'qingdao' && f.breakdown.length === 0 && f.status === 'actual',
    ),
  spec: (rows, cx) => {
    const range = SITE_YEARS;
    const said = new Set([
      rows.filter((f) => f.indicator === 'projects-signed-5yi' && !f.derived).at(-1),
      rows.filter((f) => f.indicator === 'projects-signed-1yi' && !f.derived).at(-1),
    ]);
    return timeSpec({
      ...cx,
      form: 'columns',
      ...range,
      panels: SIGNED_THRESHOLDS.filter((i) => rows.some((f) => f.indicator === i)).map((indicator) => ({
        title: tc(cx.lang, 'common.unitCount', { name: indicatorName(indicator, cx) }),
        marks: rows
          .filter((f) => f.indicator === indicator)
          .map((f) => ({ figure: f, valueLabel: shortValue(f, cx), highlight: said.has(f) })),
      })),
    });
  },
  title: (rows, cx) => {
    // the latest published full year of the lowest threshold reported
    const full = rows.filter((f) => isFullYear(f) && !f.derived);
    const latest = SIGNED_THRESHOLDS.map((i) => full.filter((f) => f.indicator === i).at(-1)).find((f) => f !== undefined);
    if (!latest) return tc(cx.lang, `${ID}.label`);
    return tc(cx.lang, `${ID}.headline`, {
      period: periodLabel(latest, cx.lang),
      name: nameInSentence(latest.indicator, cx),
      value: valueWithUnit(latest, cx),
    });
  },
  describe: (rows, cx) => {
    const one = rows.filter((f) => f.indicator === 'projects-signed-1yi' && !f.derived);
    const five = rows.filter((f) => f.indicator === 'projects-signed-5yi' && !f.derived);
    const a = five.at(-1);
    const b = one.at(-1);
    if (!a || !b) return tc(cx.lang, `${ID}.describeNone`);
    return tc(cx.lang, `${ID}.describe`, {
      fivePeriod: periodLabel(a, cx.lang),
      fiveName: indicatorName(a.indicator, cx),
      five: valueWithTags(a, cx),
      onePeriod: periodLabel(b, cx.lang),
      oneName: indicatorName(b.indicator, cx),
      one: valueWithTags(b, cx),
    });
  },
};
