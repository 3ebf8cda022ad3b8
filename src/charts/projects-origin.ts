/**
 * Where a quarter's signed projects of 1亿元 and above came from. Every share the source
 * prints is a share of ALL the quarter's projects, including "省外 58%", which the text
 * lists under the domestic projects: the bars are drawn against that whole.
 */
import type { ChartDefinition } from '../lib/chart/types.ts';
import {
  indicatorName,
  nameInSentence,
  kindTags,
  periodLabel,
  shortValue,
  shortValueTagged,
  tc,
  valueWithTags,
  valueWithUnit,
} from './kit/chart-kit.ts';
import { ledgerSpec, type LedgerItem } from './kit/ledger.ts';
import { byPeriodOf, selectBreakdown } from './kit/q1-breakdown.ts';

const ID = 'projects-origin';
/** in reading order; indented ones are parts of the row above */
const ORDER: { key: string; indent: boolean }[] = [
  { key: 'domestic', indent: false },
  { key: 'other-provinces', indent: true },
  { key: 'in-province', indent: true },
  { key: 'jingjinji-yrd-gba', indent: false },
  { key: 'non-domestic', indent: false },
];

export const projectsOrigin: ChartDefinition = {
  id: ID,
  select: (data) => selectBreakdown(data, 'origin'),
  spec: (rows, cx) =>
    ledgerSpec({
      ...cx,
      domainMax: 100,
      trackLabel: tc(cx.lang, 'common.allProjects'),
      groups: byPeriodOf(rows).map(({ total, parts }) => {
        const known = ORDER.filter((o) => parts.has(o.key));
        const extra = [...parts.keys()].filter((k) => !ORDER.some((o) => o.key === k)).map((key) => ({ key, indent: false }));
        const items: LedgerItem[] = [...known, ...extra].flatMap(({ key, indent }): LedgerItem[] => {
          const { count, share } = parts.get(key) ?? {};
          const label = tc(cx.lang, `${ID}.origin.${key}`);
          if (share) {
            const valueLabel = count
              ? tc(cx.lang, 'common.shareCount', { share: shortValue(share, cx), count: shortValue(count, cx) })
              : tc(cx.lang, `${ID}.shareNoCount`, { share: shortValueTagged(share, cx) });
            return [
              { type: 'bar', label, tags: kindTags(share, cx.lang), figure: share, value: share.value, valueLabel, track: 100, indent },
            ];
          }
          if (count) {
            const tags = kindTags(count, cx.lang);
            return [
              {
                type: 'gap',
                label: tags.length > 0 ? `${label} · ${tags.join(' · ')}` : label,
                text: tc(cx.lang, `${ID}.countNoShare`, { count: shortValue(count, cx) }),
                indent,
              },
            ];
          }
          return [];
        });
        return {
          title: tc(cx.lang, `${ID}.groupTitle`, {
            period: periodLabel(total, cx.lang),
            name: indicatorName(total.indicator, cx),
            total: valueWithUnit(total, cx),
          }),
          items,
        };
      }),
    }),
  title: (rows, cx) => {
    const period = byPeriodOf(rows).at(-1);
    const share = period?.parts.get('other-provinces')?.share;
    if (!period || !share) return tc(cx.lang, `${ID}.label`);
    return tc(cx.lang, `${ID}.headline`, {
      period: periodLabel(period.total, cx.lang),
      name: nameInSentence(period.total.indicator, cx),
      share: valueWithUnit(share, cx),
    });
  },
  describe: (rows, cx) => {
    const period = byPeriodOf(rows).at(-1);
    const domestic = period?.parts.get('domestic');
    const other = period?.parts.get('other-provinces');
    if (!period || !domestic?.count || !other?.count || !other.share) return tc(cx.lang, `${ID}.describeNone`);
    return tc(cx.lang, `${ID}.describe`, {
      period: periodLabel(period.total, cx.lang),
      name: indicatorName(period.total.indicator, cx),
      total: valueWithTags(period.total, cx),
      domestic: valueWithTags(domestic.count, cx),
      other: valueWithTags(other.count, cx),
      otherShare: valueWithTags(other.share, cx),
    });
  },
};
