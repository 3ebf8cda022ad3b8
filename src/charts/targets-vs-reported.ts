/**
 * Targets set at the yearly conferences against what was later reported. A target and the
 * figure reported against it often count different things: the 2024 target counts
 * projects that LANDED, the figure reported counts projects SIGNED; the 2023 target counts
 * only projects in the industrial chains, the figure reported all projects. Only a figure of
 * the target's own definition is drawn on the target's scale; one of another definition is
 * said in words beside the target ("报告的是签约数，不是落地数：…928个"), so no bar of one
 * measure ever runs past the line of another. A measure nobody reported is a row saying so.
 */
import type { ChartDefinition } from '../lib/chart/types.ts';
import { sameBreakdown, type SiteFigure } from '../lib/data/site-figure.ts';
import { indicatorName, nameInSentence, periodLabel, pick, shortValue, tc, valueWithTags, valueWithUnit } from './kit/chart-kit.ts';
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

function scopeOf(target: SiteFigure, lang: Parameters<typeof tc>[0]): string {
  return target.breakdown[0] !== undefined ? tc(lang, `${ID}.scope.${target.breakdown[0].replace(':', '.')}`) : '';
}

/** Each target with what was reported against it: a bar only where the measure is the target's own. */
export function targetGroups(rows: readonly SiteFigure[], cx: Parameters<ChartDefinition['spec']>[1]): LedgerGroup[] {
  return rows.filter(isTarget).map((target) => {
    const scope = scopeOf(target, cx.lang);
    const items: LedgerItem[] = [
      {
        type: 'bar',
        label: tc(cx.lang, `${ID}.targetBar`),
        figure: target,
        value: target.value,
        valueLabel: shortValue(target, cx),
        kind: 'target',
      },
    ];
    for (const indicator of REPORTED[target.indicator] ?? []) {
      const name = indicatorName(indicator, cx);
      const found = reportedFor(target, rows, indicator);
      const own = indicator === target.indicator;
      const comparable = found.filter((f) => own && sameBreakdown(f, target));
      for (const f of comparable)
        items.push({
          type: 'bar',
          label: tc(cx.lang, `${ID}.reported`, { name: '', scope: '' }),
          figure: f,
          value: f.value,
          valueLabel: shortValue(f, cx),
        });
      // the target's own measure, unreported: said once, before what was reported instead
      if (own && comparable.length === 0)
        items.push({ type: 'gap', label: tc(cx.lang, `${ID}.reportedMissing`, { name, scope }), text: t(cx.lang, 'chart.gapWords') });
      for (const f of found.filter((x) => !comparable.includes(x)))
        items.push({
          type: 'words',
          figure: f,
          text: own
            ? tc(cx.lang, `${ID}.reportedWider`, { name, value: valueWithUnit(f, cx) })
            : tc(cx.lang, `${ID}.reportedAs.${indicator}`, { name, value: valueWithUnit(f, cx), scope: '' }),
        });
    }
    return {
      title: tc(cx.lang, `${ID}.groupTitle`, {
        period: periodLabel(target, cx.lang),
        target: tc(cx.lang, `${ID}.target`, { name: indicatorName(target.indicator, cx), scope }),
      }),
      items,
    };
  });
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
  spec: (rows, cx) => ledgerSpec({ ...cx, groups: targetGroups(rows, cx) }),
  title: (rows, cx) => {
    const landed = rows.find((f) => isTarget(f) && f.indicator === 'projects-landed-1yi');
    const signed = landed && reportedFor(landed, rows, 'projects-signed-1yi')[0];
    if (!landed || !signed) return tc(cx.lang, `${ID}.label`);
    return tc(cx.lang, `${ID}.headline`, {
      period: periodLabel(landed, cx.lang),
      targetName: nameInSentence(landed.indicator, cx),
      target: valueWithUnit(landed, cx),
      signed: valueWithUnit(signed, cx),
    });
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
