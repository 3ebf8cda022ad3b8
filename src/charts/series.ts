/**
 * The chart of one series (src/lib/words/series.ts): one quantity for one place and breakdown
 * on the time axis, in the story charts' style (time-chart kit), whatever units its sources
 * used: each figure is drawn at its value converted exactly to the series' unit, and keeps its
 * published value and unit in the tooltip and the table. Levels (money, counts) are columns
 * from zero; rates, shares and ranks are dots. Targets and plans are drawn as targets.
 */
import { t } from '../i18n/index.ts';
import { PUNCTUATION } from '../i18n/punctuation.ts';
import type { ChartDefinition, ChartWords } from '../lib/chart/types.ts';
import type { Dataset, SiteFigure } from '../lib/data/site-figure.ts';
import { breakdownName } from '../lib/data/site-figure.ts';
import { chartUnit } from '../lib/words/english-units.ts';
import { chartableSeries, shiftExact, unitShift, type Series } from '../lib/words/series.ts';
import { byPeriod, indicatorName, periodLabel, placeName, shortValue, SITE_YEARS, tc, valueWithTags } from './kit/chart-kit.ts';
import { timeSpec } from './kit/time-chart.ts';

const DOTS = new Set(['percent', 'pp', 'rank']);

/** The figure as drawn: its value in the series' unit; everything else as published. */
function drawn(f: SiteFigure, unit: string): SiteFigure {
  const shift = unitShift(f.unit, unit);
  if (shift === undefined) throw new Error(`series chart: figure ${f.id} in ${f.unit} does not convert to ${unit}`);
  return shift === 0 ? f : { ...f, value: Number(shiftExact(f.valueText, shift)) };
}

/** The series' name: the indicator, the place, and the part of it when it is one. */
export function seriesTitle(s: Pick<Series, 'indicator' | 'geo' | 'breakdown'>, cx: ChartWords): string {
  const name = indicatorName(s.indicator, cx);
  const place = placeName(s.geo, cx);
  return s.breakdown.length > 0
    ? t(cx.lang, 'series.titleBreakdown', { name, place, breakdown: breakdownName(cx.lookups, s.breakdown, cx.lang) })
    : t(cx.lang, 'series.title', { name, place });
}

/** The panel's title: the place, and the part when it is one (the chart's title names the quantity). */
function partTitle(s: Pick<Series, 'geo' | 'breakdown'>, cx: ChartWords): string {
  const place = placeName(s.geo, cx);
  return s.breakdown.length > 0 ? `${place}${PUNCTUATION[cx.lang].comma}${breakdownName(cx.lookups, s.breakdown, cx.lang)}` : place;
}

export function seriesChart(s: Series): ChartDefinition {
  const ids = new Set(s.points.map((p) => p.figure.id));
  return {
    id: s.id,
    select: (data) => data.figures.filter((f) => ids.has(f.id)).sort(byPeriod),
    words: (cx) => {
      const unit = cx.lookups.units.get(s.unit);
      if (!unit) throw new Error(`series ${s.id}: unit "${s.unit}" is not in units.csv`);
      const notes: string[] = [];
      for (const other of new Set(s.points.filter((p) => p.converted).map((p) => p.figure.unit))) {
        const from = cx.lookups.units.get(other);
        if (!from) throw new Error(`series ${s.id}: unit "${other}" is not in units.csv`);
        // the published unit is named in the tooltip and the table, not here: a Chinese page
        // does not print 十亿元 (the copy desk), so neither edition's note names it
        notes.push(t(cx.lang, 'series.convertedNote', { unit: cx.lang === 'zh' ? unit.symbol_zh : unit.name_en }));
      }
      if (s.unit === 'rank') notes.push(t(cx.lang, 'series.rankNote'));
      return {
        title: seriesTitle(s, cx),
        subtitle: t(cx.lang, 'series.subtitle', { unit: chartUnit(unit, cx.lang).label }),
        notes,
      };
    },
    spec: (rows, cx) => {
      // the story's years: a figure before them is said in words at the panel's edge
      const range = SITE_YEARS;
      return timeSpec({
        ...cx,
        form: DOTS.has(s.unit) ? 'dots' : 'columns',
        ...range,
        panels: [
          {
            title: partTitle(s, cx),
            unit: s.unit,
            marks: rows.map((f) => {
              const d = drawn(f, s.unit);
              // the label beside a converted mark is in the axis' unit; its tooltip keeps the published one
              const label =
                d === f
                  ? shortValue(f, cx)
                  : shortValue({ ...f, valueText: shiftExact(f.valueText, unitShift(f.unit, s.unit) ?? 0), unit: s.unit }, cx);
              return { figure: d, valueLabel: label };
            }),
          },
        ],
      });
    },
    describe: (rows, cx) =>
      t(cx.lang, 'series.describe', {
        name: seriesTitle(s, cx),
        list: [...rows]
          .sort(byPeriod)
          .map((f) => tc(cx.lang, 'common.periodValue', { period: periodLabel(f, cx.lang), value: valueWithTags(f, cx) }))
          .join(PUNCTUATION[cx.lang].listSep),
      }),
  };
}

const built = new WeakMap<object, ChartDefinition[]>();

/** The chart of every series with two or more periods, made once per dataset. */
export function seriesCharts(data: Pick<Dataset, 'figures' | 'indicators'>): ChartDefinition[] {
  const hit = built.get(data);
  if (hit) return hit;
  const defs = chartableSeries(data).map(seriesChart);
  built.set(data, defs);
  return defs;
}
