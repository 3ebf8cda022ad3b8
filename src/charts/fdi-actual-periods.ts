/**
 * Qingdao's foreign capital actually used, on a time axis: a full year is a column, a part
 * of a year (the first half, January–April, January–May) a line over the months it covers,
 * so the reader sees how little of the six years the sources cover, and years without a
 * source stay on the axis as labelled gaps.
 */
import { t } from '../i18n/index.ts';
import type { ChartDefinition } from '../lib/chart/types.ts';
import { isFullYear, periodLabel, pick, shortValue, SITE_YEARS, tc, valueWithTags, valueWithUnit } from './kit/chart-kit.ts';
import { timeSpec } from './kit/time-chart.ts';

const ID = 'fdi-actual-periods';

export const fdiActualPeriods: ChartDefinition = {
  id: ID,
  select: (data) =>
    pick(data.figures, (f) => f.indicator === 'fdi-actual' && f.geo === 'qingdao' && f.breakdown.length === 0 && f.status === 'actual'),
  spec: (rows, cx) => {
    const range = SITE_YEARS;
    const full = rows.filter(isFullYear);
    return timeSpec({
      ...cx,
      form: 'columns',
      ...range,
      panels: [
        {
          title: tc(cx.lang, `${ID}.panel`),
          marks: rows.map((f) => ({ figure: f, valueLabel: shortValue(f, cx), highlight: f === full.at(-1) || f === rows[0] })),
        },
      ],
    });
  },
  title: (rows, cx) => {
    const full = rows.filter(isFullYear);
    const last = full.at(-1);
    if (!last) return tc(cx.lang, `${ID}.label`);
    return tc(cx.lang, full.length === 1 ? `${ID}.headline.only` : `${ID}.headline`, {
      period: periodLabel(last, cx.lang),
      value: valueWithUnit(last, cx),
    });
  },
  describe: (rows, cx) => {
    const list = (fs: typeof rows) =>
      fs
        .map((f) => tc(cx.lang, 'common.periodValue', { period: periodLabel(f, cx.lang), value: valueWithTags(f, cx) }))
        .join(t(cx.lang, 'event.listSeparator'));
    const full = rows.filter(isFullYear);
    const part = rows.filter((f) => !isFullYear(f));
    return tc(cx.lang, `${ID}.describe`, {
      full: list(full) || tc(cx.lang, 'common.none'),
      part: list(part) || tc(cx.lang, 'common.none'),
    });
  },
};
