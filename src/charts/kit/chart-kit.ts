/**
 * What every story chart shares: the words (from the dictionary), how a figure is named and
 * labelled, how its kind (published, secondary, computed, target) is drawn, and tooltips.
 * Units, places and source titles come from the lookups in the chart's context, so a spec
 * depends on nothing but its arguments.
 */
import { t, type Lang, type MessageKey } from '../../i18n/index.ts';
import { PUNCTUATION } from '../../i18n/punctuation.ts';
import { sourceLabel } from '../../lib/words/source-names.ts';
import type { SiteFigure } from '../../lib/data/site-figure.ts';
import { formatInUnit, formatPeriod, formatValue, formatWithUnit, shownQualifier } from '../../lib/words/format.ts';
import { chartUnit } from '../../lib/words/english-units.ts';
import * as words from '../../lib/words/figure-words.ts';
import { COLORS, type ChartWords } from '../../lib/chart/types.ts';
import { wrapLines } from '../../lib/text/text-layout.ts';
import { screenWidth } from '../../lib/text/text-width.ts';

/** Dictionary text under charts.* (the chart files build keys from their ids). */
export function tc(lang: Lang, key: string, params: Record<string, string | number> = {}): string {
  return t(lang, `charts.${key}` as MessageKey, params);
}

/** Dictionary text under any key built at run time. */
const NO_UNIT = { id: 'count', symbol_zh: '', name_en: '' };

/** The value with its qualifier and unit, as the sources write it: 29.4亿美元, 150个以上 → 150以上. */
export function valueWithUnit(f: SiteFigure, cx: ChartWords): string {
  return words.figureValue(f, cx.lookups, cx.lang);
}

/** The value and its qualifier without a money unit (the subtitle gives it); per cent keeps its sign. */
export function shortValue(f: SiteFigure, cx: ChartWords): string {
  if (f.unit === 'percent' || f.unit === 'pp') return valueWithUnit(f, cx);
  if (cx.lang === 'en') return formatInUnit(f.valueText, f.unit, cx.lang, shownQualifier(f));
  return formatWithUnit(f.valueText, NO_UNIT, cx.lang, shownQualifier(f));
}

/**
 * A tick of a value axis, in the unit the reader's language counts in: the scale runs over
 * published numbers (亿元), an English axis is labelled in billions (4000 → 400).
 */
export function axisValue(v: number, unitId: string, lang: Lang): string {
  const shown = String(Number(chartUnit({ id: unitId, symbol_zh: '' }, lang).toAxis(v).toFixed(6)));
  // the edition's one number format, as its labels, tables and tooltips write it: Chinese
  // grouped from five digits (5000, 15,000), English from four (5,000)
  return formatValue(shown, lang);
}

/** A bare number from a row, as published. */
export function bare(f: SiteFigure, lang: Lang): string {
  return formatValue(f.valueText, lang);
}

/** 2023年, 2020年上半年, 2021年1—4月, 2020—2021年合计, 2021年3月1日 */
export function periodLabel(f: Pick<SiteFigure, 'period_start' | 'period_end'>, lang: Lang): string {
  return words.figurePeriod(f, lang);
}

export function yearsLabel(from: number, to: number, lang: Lang): string {
  if (from === to) return formatPeriod(`${from}-01-01`, `${from}-12-31`, lang);
  return tc(lang, 'common.yearRun', { from: String(from), to: String(to) });
}

export function placeName(geo: string, cx: ChartWords): string {
  return words.placeName(cx.lookups, geo, cx.lang);
}

/** An indicator's name inside an English sentence starts lower case ("signed projects of …"); Chinese is unchanged. */
export function nameInSentence(id: string, cx: ChartWords): string {
  const name = indicatorName(id, cx);
  return cx.lang === 'en' ? name.charAt(0).toLowerCase() + name.slice(1) : name;
}

export function indicatorName(id: string, cx: ChartWords): string {
  return words.indicatorName(cx.lookups, id, cx.lang);
}

/** How a figure is drawn: what it is, not only where it came from. */
export type MarkKind = 'primary' | 'secondary' | 'derived' | 'derived-secondary' | 'target';

export function markKind(f: SiteFigure): MarkKind {
  if (f.status === 'target' || f.status === 'plan') return 'target';
  if (f.derived) return f.sourceKind === 'secondary' ? 'derived-secondary' : 'derived';
  return f.sourceKind === 'secondary' ? 'secondary' : 'primary';
}

/** Words that say what kind a figure is, so the difference never rests on colour alone. */
export function kindTags(f: SiteFigure, lang: Lang): string[] {
  const tags: string[] = [];
  if (f.status !== 'actual') tags.push(t(lang, `status.${f.status}` as MessageKey));
  if (f.derived) tags.push(t(lang, 'chart.derived'));
  if (f.sourceKind === 'secondary') tags.push(t(lang, 'chart.secondary'));
  return tags;
}

export interface MarkStyle {
  fill: string;
  fillOpacity: number;
  stroke: string;
  strokeWidth: number;
  strokeDasharray: string | undefined;
}

/**
 * Solid for published figures (a secondary source's too: where a figure was published is in
 * its tooltip and table row, not a second meaning for the fill), dashed outlines for computed
 * figures and targets.
 */
export const STYLES: Record<MarkKind, MarkStyle> = {
  primary: { fill: COLORS.actual, fillOpacity: 1, stroke: COLORS.actual, strokeWidth: 0, strokeDasharray: undefined },
  secondary: { fill: COLORS.actual, fillOpacity: 1, stroke: COLORS.actual, strokeWidth: 0, strokeDasharray: undefined },
  derived: { fill: COLORS.derived, fillOpacity: 0.12, stroke: COLORS.derived, strokeWidth: 1.5, strokeDasharray: '4 3' },
  'derived-secondary': { fill: COLORS.derived, fillOpacity: 0.12, stroke: COLORS.derived, strokeWidth: 1.5, strokeDasharray: '4 3' },
  target: { fill: COLORS.target, fillOpacity: 0.06, stroke: COLORS.target, strokeWidth: 2, strokeDasharray: '2 3' },
};

/** Tooltip text: the label, the value with its unit, the period, what kind it is, and where it is from. */
export function tip(f: SiteFigure, cx: ChartWords, label?: string): string {
  const { lang } = cx;
  const P = PUNCTUATION[lang];
  const lines = [
    `${label ?? indicatorName(f.indicator, cx)}${P.colon}${valueWithUnit(f, cx)}`,
    `${t(lang, 'chart.table.period')}${P.colon}${periodLabel(f, lang)}`,
  ];
  const tags = kindTags(f, lang);
  if (tags.length > 0) lines.push(tags.join(' · '));
  const sources = f.sources.map((s) => sourceLabel(cx.lookups, s, lang, false));
  lines.push(`${t(lang, 'chart.source')}${P.colon}${sources.join(P.listSep)}`);
  return lines.join('\n');
}

/** Text sizes: never below 12 CSS px once the narrow drawing is scaled to a 320 px screen. */
export function fontSize(width: number): number {
  return width < 480 ? 13 : 14;
}

/**
 * Width of a label on the page, from the glyph advances of the font files the images are
 * drawn with, kept to the wide side for the fonts readers have (src/lib/text/text-width.ts).
 */
export function textWidth(s: string, size: number, weight: 'normal' | 'bold' = 'normal'): number {
  return screenWidth(s, size, weight === 'bold' ? 'bold' : 'regular');
}

/** Where a line of text starts at the left edge: glyphs such as J overhang their origin by about a pixel. */
export const LEFT_EDGE = 1;

/**
 * Breaks text into lines that fit the room, by the site's one line-breaking rule
 * (src/lib/text/text-layout.ts: clreq punctuation, Latin between words, a word wider than the
 * room between its letters as a last resort), measured as textWidth does.
 */
export function wrapText(text: string, room: number, fs: number, weight: 'normal' | 'bold' = 'normal'): string[] {
  return wrapLines(text, room, (s) => textWidth(s, fs, weight));
}

export function yearOf(iso: string): number {
  return Number(iso.slice(0, 4));
}

/** Whole calendar years a figure touches. */
export function yearsCovered(f: Pick<SiteFigure, 'period_start' | 'period_end'>): number[] {
  const out: number[] = [];
  for (let y = yearOf(f.period_start); y <= yearOf(f.period_end); y++) out.push(y);
  return out;
}

/** Runs of consecutive years in [from, to] that no figure touches: [[2022, 2025]]. */
export function gapRuns(rows: readonly Pick<SiteFigure, 'period_start' | 'period_end'>[], from: number, to: number): [number, number][] {
  const covered = new Set(rows.flatMap(yearsCovered));
  const runs: [number, number][] = [];
  for (let y = from; y <= to; y++) {
    if (covered.has(y)) continue;
    const last = runs.at(-1);
    if (last && last[1] === y - 1) last[1] = y;
    else runs.push([y, y]);
  }
  return runs;
}

/** The years the site covers; a chart shows earlier years only when a figure reaches back. */
export const SITE_YEARS = { from: 2020, to: 2025 } as const;

export function isFullYear(f: Pick<SiteFigure, 'period_start' | 'period_end'>): boolean {
  return f.period_start.endsWith('-01-01') && f.period_end.endsWith('-12-31') && yearOf(f.period_start) === yearOf(f.period_end);
}

export function byPeriod(a: SiteFigure, b: SiteFigure): number {
  return (
    a.period_start.localeCompare(b.period_start) ||
    a.period_end.localeCompare(b.period_end) ||
    Number(a.derived) - Number(b.derived) ||
    a.id.localeCompare(b.id)
  );
}

/** Rows of one indicator set, as a chart selects them: new rows of the same kind flow in. */
export function pick(rows: readonly SiteFigure[], test: (f: SiteFigure) => boolean): SiteFigure[] {
  return rows.filter(test).sort(byPeriod);
}

export function required<T>(value: T | undefined, what: string): T {
  if (value === undefined) throw new Error(`chart: ${what} is missing from the selected rows`);
  return value;
}

/** The value with its unit and, when it is not a published primary figure, what it is: 9117.2亿元（计算值、二手来源）. */
export function valueWithTags(f: SiteFigure, cx: ChartWords): string {
  const { lang } = cx;
  const tags = kindTags(f, lang).filter((x) => x !== t(lang, `status.${f.status}` as MessageKey));
  // inside a sentence the tags are words of it, "(computed, secondary source)", not badge labels
  const words = tags.map((x) => (lang === 'en' ? x.charAt(0).toLowerCase() + x.slice(1) : x));
  return tags.length > 0
    ? tc(lang, 'common.valueTagged', { value: valueWithUnit(f, cx), tags: words.join(t(lang, 'event.listSeparator')) })
    : valueWithUnit(f, cx);
}

/** A share or other secondary number inside a label, saying so when it is computed: 70%，计算值. */
export function shortValueTagged(f: SiteFigure, cx: ChartWords, alreadySaid = false): string {
  return f.derived && !alreadySaid
    ? tc(cx.lang, 'common.tagged', { value: shortValue(f, cx), tags: t(cx.lang, 'chart.derived') })
    : shortValue(f, cx);
}
