/**
 * Planned total investment of the signed projects, by the size threshold of the projects
 * counted (5亿元 and above, 1亿元 and above): one panel per threshold with its own axis, on
 * a shared time axis; a quarter or a half year is a line over the months it covers.
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

const ID = 'projects-signed-investment';
const INDICATORS = ['projects-signed-1yi-investment', 'projects-signed-5yi-investment'];

export const projectsSignedInvestment: ChartDefinition = {
  id: ID,
  select: (data) =>
    pick(data.figures, (f) => INDICATORS.includes(f.indicator) && f.geo === 'qingdao' && f.breakdown.length === 0 && f.status === 'actual'),
  spec: (rows, cx) => {
    const range = SITE_YEARS;
    return timeSpec({
      ...cx,
      form: 'columns',
      ...range,
      panels: INDICATORS.filter((i) => rows.some((f) => f.indicator === i)).map((indicator) => ({
        title: indicatorName(indicator, cx),
        marks: rows
          .filter((f) => f.indicator === indicator)
          .map((f) => ({ figure: f, valueLabel: shortValue(f, cx), highlight: isFullYear(f) && !f.derived })),
      })),
    });
  },
  title: (rows, cx) => {
    const one = rows.filter((f) => f.indicator === 'projects-signed-1yi-investment' && !f.derived);
    const full = one.filter(isFullYear).at(-1);
    const part = one.find((f) => full && f.period_start === full.period_start && f.period_end < full.period_end);
    if (!full || !part) return tc(cx.lang, `${ID}.label`);
    return tc(cx.lang, `${ID}.headline`, {
      name: nameInSentence(full.indicator, cx),
      fullPeriod: periodLabel(full, cx.lang),
      full: valueWithUnit(full, cx),
      partPeriod: periodLabel(part, cx.lang),
      part: valueWithUnit(part, cx),
    });
  },
  describe: (rows, cx) => {
    const one = rows.filter((f) => f.indicator === 'projects-signed-1yi-investment' && !f.derived);
    const full = one.filter((f) => f.period_start.endsWith('-01-01') && f.period_end.endsWith('-12-31')).at(-1);
    const q = one.find((f) => full && f.period_start === full.period_start && f.period_end < full.period_end);
    if (!full || !q) return tc(cx.lang, `${ID}.describeNone`);
    return tc(cx.lang, `${ID}.describe`, {
      name: indicatorName(full.indicator, cx),
      fullPeriod: periodLabel(full, cx.lang),
      full: valueWithTags(full, cx),
      partPeriod: periodLabel(q, cx.lang),
      part: valueWithTags(q, cx),
    });
  },
};
