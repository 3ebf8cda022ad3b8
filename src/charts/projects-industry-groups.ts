/**
 * A quarter's signed projects of 1亿元 and above by the city's industry groups, each bar
 * against the quarter's total; the projects outside the groups are computed, not published.
 */
import type { ChartDefinition } from '../lib/chart/types.ts';
import type { SiteFigure } from '../lib/data/site-figure.ts';
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
import { ledgerSpec, type LedgerBar } from './kit/ledger.ts';
import { byPeriodOf, selectBreakdown } from './kit/q1-breakdown.ts';

const ID = 'projects-industry-groups';
const ORDER = ['advantage-industries', 'emerging-industries', 'modern-services', 'outside-three-groups'];

const rank = (key: string) => (ORDER.includes(key) ? ORDER.indexOf(key) : ORDER.length);

/** The group's name as the source prints it (7大优势产业), found in the quote around the dictionary's word for it. */
function groupName(key: string, f: SiteFigure, lang: Parameters<typeof tc>[0]): string {
  const word = tc(lang, `${ID}.group.${key}`);
  const printed = new RegExp(`([0-9０-９一二三四五六七八九十]+大)${word}`, 'u').exec(f.quote);
  return printed ? `${printed[1]}${word}` : word;
}

export const projectsIndustryGroups: ChartDefinition = {
  id: ID,
  select: (data) => selectBreakdown(data, 'industry'),
  spec: (rows, cx) =>
    ledgerSpec({
      ...cx,
      trackLabel: tc(cx.lang, 'common.allProjects'),
      groups: byPeriodOf(rows).map(({ total, parts }) => {
        // sorted by count, largest first; the computed remainder outside the groups comes last
        const value = (k: string) => parts.get(k)?.count?.value ?? 0;
        const computed = (k: string) => (parts.get(k)?.count?.derived ? 1 : 0);
        const keys = [...parts.keys()].sort(
          (a, b) => computed(a) - computed(b) || value(b) - value(a) || rank(a) - rank(b) || a.localeCompare(b),
        );
        const items: LedgerBar[] = keys.flatMap((key) => {
          const { count, share } = parts.get(key) ?? {};
          if (!count) return [];
          return [
            {
              type: 'bar' as const,
              label: groupName(key, count, cx.lang),
              tags: kindTags(count, cx.lang),
              figure: count,
              value: count.value,
              valueLabel: share
                ? tc(cx.lang, 'common.valueShare', { value: shortValue(count, cx), share: shortValueTagged(share, cx, count.derived) })
                : shortValue(count, cx),
              track: total.value,
            },
          ];
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
    const top =
      period &&
      [...period.parts.entries()]
        .filter(([, p]) => p.count && !p.count.derived)
        .sort(([, a], [, b]) => (b.count?.value ?? 0) - (a.count?.value ?? 0))[0];
    if (!period || !top?.[1].count || !top[1].share) return tc(cx.lang, `${ID}.label`);
    return tc(cx.lang, `${ID}.headline`, {
      period: periodLabel(period.total, cx.lang),
      name: nameInSentence(period.total.indicator, cx),
      top: groupName(top[0], top[1].count, cx.lang),
      count: valueWithUnit(top[1].count, cx),
      share: valueWithUnit(top[1].share, cx),
    });
  },
  describe: (rows, cx) => {
    const period = byPeriodOf(rows).at(-1);
    if (!period) return tc(cx.lang, `${ID}.describeNone`);
    const published = [...period.parts.entries()]
      .filter(([, p]) => p.count && !p.count.derived)
      .sort(([, a], [, b]) => (b.count?.value ?? 0) - (a.count?.value ?? 0));
    const top = published[0];
    const rest = period.parts.get('outside-three-groups')?.count;
    if (!top?.[1].count || !rest) return tc(cx.lang, `${ID}.describeNone`);
    return tc(cx.lang, `${ID}.describe`, {
      period: periodLabel(period.total, cx.lang),
      name: indicatorName(period.total.indicator, cx),
      total: valueWithTags(period.total, cx),
      top: groupName(top[0], top[1].count, cx.lang),
      topCount: valueWithTags(top[1].count, cx),
      rest: valueWithTags(rest, cx),
    });
  },
};
