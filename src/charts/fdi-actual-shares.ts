/**
 * Qingdao's share of Shandong's and China's foreign capital actually used, period by
 * period; a share the source does not give is a row saying so, not a blank bar.
 */
import type { ChartDefinition } from '../lib/chart/types.ts';
import { kindTags, periodLabel, pick, placeName, shortValue, tc, valueWithTags, valueWithUnit } from './kit/chart-kit.ts';
import { ledgerSpec, periodGroups } from './kit/ledger.ts';
import { t } from '../i18n/index.ts';

const ID = 'fdi-actual-shares';
const WHOLE: Record<string, string> = { 'fdi-actual-share-province': 'shandong', 'fdi-actual-share-country': 'china' };
const ORDER = Object.keys(WHOLE);

export const fdiActualShares: ChartDefinition = {
  id: ID,
  select: (data) =>
    pick(data.figures, (f) => ORDER.includes(f.indicator) && f.geo === 'qingdao' && f.breakdown.length === 0 && f.status === 'actual'),
  spec: (rows, cx) => {
    const label = (indicator: string) => tc(cx.lang, 'common.shareOf', { place: placeName(WHOLE[indicator] ?? '', cx) });
    return ledgerSpec({
      ...cx,
      domainMax: 100,
      trackLabel: tc(cx.lang, 'fdi-actual-shares.track'),
      groups: periodGroups(rows, cx, {
        key: (f) => f.indicator,
        order: ORDER,
        toBar: (f) => ({
          type: 'bar',
          label: label(f.indicator),
          tags: kindTags(f, cx.lang),
          figure: f,
          value: f.value,
          valueLabel: shortValue(f, cx),
          track: 100,
        }),
        missing: (indicator) => ({ type: 'gap', label: label(indicator), text: t(cx.lang, 'chart.gap') }),
      }),
    });
  },
  title: (rows, cx) => {
    const province = rows.filter((f) => f.indicator === 'fdi-actual-share-province');
    const first = province[0];
    const last = province.at(-1);
    if (!first || !last || first.value === last.value) return tc(cx.lang, `${ID}.label`);
    return tc(cx.lang, `${ID}.headline.${last.value < first.value ? 'down' : 'up'}`, {
      firstPeriod: periodLabel(first, cx.lang),
      first: valueWithUnit(first, cx),
      lastPeriod: periodLabel(last, cx.lang),
      last: valueWithUnit(last, cx),
    });
  },
  describe: (rows, cx) => {
    const province = rows.filter((f) => f.indicator === 'fdi-actual-share-province');
    const first = province[0];
    const last = province.at(-1);
    if (!first || !last) return tc(cx.lang, `${ID}.describeNone`);
    return tc(cx.lang, `${ID}.describe`, {
      firstPeriod: periodLabel(first, cx.lang),
      first: valueWithTags(first, cx),
      lastPeriod: periodLabel(last, cx.lang),
      last: valueWithTags(last, cx),
    });
  },
};
