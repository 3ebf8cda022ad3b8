/**
 * Targets set at the yearly conferences against what was later reported. A target and the
 * figure reported against it often count different things: the 2024 target counts
 * projects that LANDED, the figure reported counts projects SIGNED; the 2023 target counts
 * only projects in the industrial chains, the figure reported all projects. Each bar says
 * which it is, and a measure nobody reported is a row saying so.
 */
import type { ChartDefinition } from '../lib/chart/types.ts';
import { sameBreakdown, type SiteFigure } from '../lib/data/site-figure.ts';
import { indicatorName, kindTags, periodLabel, pick, shortValue, tc, valueWithTags } from './kit/chart-kit.ts';
import { ledgerSpec, type LedgerGroup, type LedgerItem } from './kit/ledger.ts';
import { t } from '../i18n/index.ts';

const ID = 'targets-vs-reported';
/** a target's indicator → the indicators reported against it: the same measure first, then the nearest one published */
const REPORTED: Record<string, string[]> = {
  'projects-signed-5yi': ['projects-signed-5yi'],
  'projects-landed-1yi': ['projects-landed-1yi', 'projects-signed-1yi'],
};

const samePeriod = (a: SiteFigure, b: SiteFigure) => a.period_start === b.period_start && a.period_end === b.period_end;
const isTarget = (f: SiteFigure) => f.status === 'target' && f.geo === 'qingdao' && f.indicator in REPORTED;

function reportedFor(target: SiteFigure, rows: readonly SiteFigure[], indicator: string): SiteFigure[] {
  const same = rows.filter((f) => f.status === 'actual' && f.indicator === indicator && samePeriod(f, target));
  const sameScope = same.filter((f) => sameBreakdown(f, target));
  return sameScope.length > 0 ? sameScope : same.filter((f) => f.breakdown.length === 0);
}

export const targetsVsReported: ChartDefinition = {
  id: ID,
  select: (data) => {
    const targets = data.figures.filter(isTarget);
    return pick(
      data.figures,
      (f) =>
        isTarget(f) ||
        targets.some(
          (tg) =>
            (REPORTED[tg.indicator] ?? []).includes(f.indicator) &&
            f.status === 'actual' &&
            f.geo === 'qingdao' &&
            samePeriod(f, tg) &&
            (f.breakdown.length === 0 || sameBreakdown(f, tg)),
        ),
    );
  },
  spec: (rows, cx) => {
    const groups: LedgerGroup[] = rows.filter(isTarget).map((target) => {
      const scope = target.breakdown[0] !== undefined ? tc(cx.lang, `${ID}.scope.${target.breakdown[0].replace(':', '.')}`) : '';
      const items: LedgerItem[] = [];
      for (const indicator of REPORTED[target.indicator] ?? []) {
        const name = indicatorName(indicator, cx);
        const found = reportedFor(target, rows, indicator);
        const other = indicator !== target.indicator;
        if (found.length === 0) {
          items.push({ type: 'gap', label: tc(cx.lang, `${ID}.reportedMissing`, { name }), text: t(cx.lang, 'chart.gap') });
          continue;
        }
        for (const f of found) {
          const wider = f.breakdown !== target.breakdown ? tc(cx.lang, `${ID}.widerScope`) : '';
          items.push({
            type: 'bar',
            label: tc(cx.lang, other ? `${ID}.reportedAs.${indicator}` : `${ID}.reported`, { name, scope: wider }),
            tags: kindTags(f, cx.lang),
            figure: f,
            value: f.value,
            valueLabel: shortValue(f, cx),
          });
        }
      }
      // the target is a reference line across what was reported, on the same axis
      return {
        title: tc(cx.lang, `${ID}.groupTitle`, {
          period: periodLabel(target, cx.lang),
          target: tc(cx.lang, `${ID}.target`, { name: indicatorName(target.indicator, cx), scope }),
        }),
        items,
        refs: [{ figure: target, value: target.value, label: tc(cx.lang, `${ID}.targetRef`, { value: shortValue(target, cx) }) }],
      };
    });
    return ledgerSpec({ ...cx, groups });
  },
  describe: (rows, cx) => {
    const landed = rows.find((f) => isTarget(f) && f.indicator === 'projects-landed-1yi');
    const signed = landed && reportedFor(landed, rows, 'projects-signed-1yi')[0];
    if (!landed || !signed) return tc(cx.lang, `${ID}.describeNone`);
    return tc(cx.lang, `${ID}.describe`, {
      period: periodLabel(landed, cx.lang),
      targetName: indicatorName(landed.indicator, cx),
      target: valueWithTags(landed, cx),
      signedName: indicatorName(signed.indicator, cx),
      signed: valueWithTags(signed, cx),
    });
  },
};
