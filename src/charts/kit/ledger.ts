/**
 * A "ledger": labelled horizontal bars in groups, laid out in pixels. The figures on this
 * site are few and their periods irregular (a half year, January–April, a full year), so
 * each bar carries its own period and kind in words, years without a source get a row
 * saying so, and nothing is joined by a line. On a phone the label sits above its bar; on
 * a wide screen, beside it.
 *
 * Plot draws the marks with identity scales: every x and y below is a CSS pixel.
 */
import * as Plot from '@observablehq/plot';
import type { SiteFigure } from '../../lib/data/site-figure.ts';
import { t } from '../../i18n/index.ts';
import { PUNCTUATION } from '../../i18n/punctuation.ts';
import {
  fontSize,
  gapRuns,
  kindTags,
  markKind,
  periodLabel,
  SITE_YEARS,
  STYLES,
  textWidth,
  tip,
  LEFT_EDGE,
  wrapText,
  yearOf,
  yearsLabel,
  type MarkKind,
} from './chart-kit.ts';
import { COLORS, type ChartSpec, type ChartWords } from '../../lib/chart/types.ts';
import { hitAround, hitMark, keyedText, Legend, type Hit } from './marks.ts';

export interface LedgerBar {
  type: 'bar';
  /** what the bar is: a period, a place, a group */
  label: string;
  /** words that say what kind of figure it is (计算值, 二手来源, 目标) */
  tags?: string[];
  figure: SiteFigure;
  /** length of the bar, in the chart's unit */
  value: number;
  /** text at the end of the bar */
  valueLabel: string;
  kind?: MarkKind;
  /** a faint background bar to this value: the whole the bar is part of */
  track?: number;
  /** label for the tooltip (defaults to the indicator's name) */
  tipLabel?: string;
  /** a part of the bar above it (其中) */
  indent?: boolean;
}

/** A row without a figure: a period with no source, or a part that was not published. */
export interface LedgerGap {
  type: 'gap';
  label: string;
  text: string;
  indent?: boolean;
}

/**
 * A figure said in words instead of drawn: an outcome of another definition than the target
 * it is read against ("报告的是签约数928个，不是落地数"), which a bar on the target's scale
 * would invite the eye to compare. Tapping it opens the figure's details.
 */
export interface LedgerWords {
  type: 'words';
  text: string;
  figure: SiteFigure;
  tipLabel?: string;
  indent?: boolean;
}

export type LedgerItem = LedgerBar | LedgerGap | LedgerWords;

export interface LedgerGroup {
  title: string;
  items: LedgerItem[];
}

export interface LedgerOptions extends ChartWords {
  width: number;
  groups: LedgerGroup[];
  /** what the faint bar behind a bar (its track) stands for, in the legend */
  trackLabel?: string;
  /** fix the far end of the scale, e.g. 100 for shares of a whole */
  domainMax?: number;
}

interface Placed {
  x: number;
  y: number;
  text: string;
  anchor: 'start' | 'end';
  weight?: string;
  /** muted text: a gap's words (never italic: clreq sets Chinese upright) */
  muted?: boolean;
  /** a row label: tapping it opens its bar's details */
  key?: string;
}

interface PlacedBar {
  x1: number;
  x2: number;
  y1: number;
  y2: number;
  kind: MarkKind;
}

const INDENT = 12;

/**
 * A label on one line if it fits, else broken after a comma or colon. What kind of figure a
 * bar is (计算值, 二手来源) is said by its look and the legend, its tooltip and its table row,
 * not in the label.
 */
function labelLines(item: LedgerBar | LedgerGap, room: number, fs: number): string[] {
  return wrap(item.label, room, fs);
}

/** Breaks a title after a colon or comma when it is wider than the room; a clause longer than the room stays whole. */
function wrap(text: string, room: number, fs: number, weight: 'normal' | 'bold' = 'normal'): string[] {
  if (textWidth(text, fs, weight) <= room) return [text];
  // clauses end after a colon, comma or semicolon outside brackets
  const clauses: string[] = [''];
  let depth = 0;
  for (const ch of text) {
    clauses[clauses.length - 1] += ch;
    if (ch === '（' || ch === '(') depth++;
    else if ((ch === '）' || ch === ')') && depth > 0) depth--;
    else if (depth === 0 && /[：，；]/u.test(ch)) clauses.push('');
  }
  const out: string[] = [];
  for (const c of clauses) {
    const last = out.at(-1);
    if (last !== undefined && textWidth(last + c, fs, weight) <= room) out[out.length - 1] = last + c;
    else out.push(c);
  }
  // an English clause is words: it breaks between them rather than running past the room
  return out.flatMap((l) => (textWidth(l, fs, weight) > room && /\s/u.test(l.trim()) ? wrapText(l.trim(), room, fs, weight) : [l]));
}

export function ledgerSpec(options: LedgerOptions): ChartSpec {
  const { width, groups } = options;
  const fs = fontSize(width);
  const barH = Math.round(fs * 1.15);
  const lineH = Math.round(fs * 1.4);
  const items = groups.flatMap((g) => g.items);
  const bars = items.filter((i): i is LedgerBar => i.type === 'bar');

  // value labels go outside the bar end; leave room for the widest on each side
  const roomRight = Math.max(0, ...bars.filter((b) => b.value >= 0).map((b) => textWidth(b.valueLabel, fs))) + 8;
  const roomLeft = Math.max(0, ...bars.filter((b) => b.value < 0).map((b) => textWidth(b.valueLabel, fs) + 8));

  // labels beside the bars when they fit in half the width (wrapping what kind of figure it
  // is onto a second line if need be), above the bars otherwise
  const half = Math.floor(width * 0.5) - 12;
  const needed = (i: LedgerBar | LedgerGap) =>
    (isIndented(i) ? INDENT : 0) + Math.max(...labelLines(i, half - (isIndented(i) ? INDENT : 0), fs).map((l) => textWidth(l, fs)));
  const widest = Math.max(0, ...items.flatMap((i) => (i.type === 'words' ? [] : [needed(i)])));
  // ... and only while the bars keep enough of the width to be compared by length
  const beside = widest <= half && width - (widest + 12) - roomLeft - roomRight >= width * 0.4;
  const labelCol = beside ? widest + 12 : 0;
  const barLeft = labelCol + roomLeft;
  const barRight = width - roomRight;

  const extent = (its: readonly LedgerItem[]): [number, number] => {
    const vals = its.flatMap((i) => (i.type === 'bar' ? [i.value, i.track ?? 0] : []));
    return [Math.min(0, ...vals), Math.max(options.domainMax ?? 0, ...vals)];
  };
  const sharedExtent = extent(bars);

  const texts: Placed[] = [];
  const placed: PlacedBar[] = [];
  const tracks: PlacedBar[] = [];
  const zeros: { x: number; y1: number; y2: number }[] = [];
  const hits: Hit[] = [];
  const legend = new Legend(options);
  const lines = (x: number, top: number, ls: readonly string[], muted = false, key?: string) =>
    ls.forEach((text, i) =>
      texts.push({ x: x + LEFT_EDGE, y: top + lineH * (i + 0.5), text, anchor: 'start', muted, ...(key ? { key } : {}) }),
    );
  let y = 0;

  groups.forEach((group, gi) => {
    if (gi > 0) y += Math.round(fs * 0.9);
    const titleLines = wrap(group.title, width - 8, fs, 'bold');
    titleLines.forEach((text, i) => texts.push({ x: LEFT_EDGE, y: y + lineH * (i + 0.5), text, anchor: 'start', weight: 'bold' }));
    y += lineH * titleLines.length + 2;
    // one scale for every group: bars side by side in one unit are compared by length
    const [lo, hi] = sharedExtent;
    const px = (v: number) => barLeft + ((v - lo) / (hi - lo || 1)) * (barRight - barLeft);
    const groupTop = y;
    for (const item of group.items) {
      const indent = isIndented(item) ? INDENT : 0;
      if (item.type === 'words') {
        const ls = wrap(item.text, width - 8 - indent, fs);
        const key = `w${hits.length}`;
        lines(indent, y, ls, false, key);
        const w = Math.max(...ls.map((l) => textWidth(l, fs)));
        const box = { x1: indent, x2: indent + w, y1: y, y2: y + lineH * ls.length };
        hits.push(hitAround(box, item.figure, tip(item.figure, options, item.tipLabel), key));
        y += lineH * ls.length + 4;
        continue;
      }
      if (item.type === 'gap') {
        if (beside) {
          // each side wraps within its own column, as a bar's label does
          const left = item.label ? wrap(item.label, labelCol - 12 - indent, fs) : [];
          const right = wrap(item.text, width - 8 - (item.label ? barLeft : indent), fs);
          lines(indent, y, left);
          lines(item.label ? barLeft : indent, y, right, true);
          y += lineH * Math.max(left.length, right.length) + 4;
        } else {
          const one = item.label ? `${item.label}${PUNCTUATION[options.lang].colon}${item.text}` : item.text;
          const room = width - 8 - indent;
          const ls = textWidth(one, fs) <= room ? [one] : [...(item.label ? wrap(item.label, room, fs) : []), ...wrap(item.text, room, fs)];
          lines(indent, y, ls, true);
          y += lineH * ls.length + 4;
        }
        continue;
      }
      const ls = labelLines(item, (beside ? labelCol - 12 : width - 8) - indent, fs);
      const key = `b${placed.length}`;
      let top: number;
      if (beside) {
        const rowH = Math.max(barH + 10, lineH * ls.length + 4);
        lines(indent, y + (rowH - lineH * ls.length) / 2, ls, false, key);
        top = y + (rowH - barH) / 2;
        y += rowH;
      } else {
        lines(indent, y, ls, false, key);
        top = y + lineH * ls.length + 2;
        y = top + barH + 8;
      }
      const kind = item.kind ?? markKind(item.figure);
      if (item.track !== undefined) {
        tracks.push({ x1: px(0), x2: px(item.track), y1: top, y2: top + barH, kind });
        legend.add('track', options.trackLabel ?? t(options.lang, 'chart.legend.track'));
      }
      const a = px(0);
      const b = px(item.value);
      legend.kind(kind);
      const box = { x1: Math.min(a, b), x2: Math.max(a, b, Math.min(a, b) + 1), y1: top, y2: top + barH };
      placed.push({ ...box, kind });
      hits.push(hitAround(box, item.figure, tip(item.figure, options, item.tipLabel), key));
      // beyond the track, if any, so the label never sits on it
      const end = item.track !== undefined && item.value >= 0 ? Math.max(b, px(item.track)) : b;
      texts.push(
        item.value >= 0
          ? { x: end + 5, y: top + barH / 2, text: item.valueLabel, anchor: 'start' }
          : { x: b - 5, y: top + barH / 2, text: item.valueLabel, anchor: 'end' },
      );
    }
    if (lo < 0) zeros.push({ x: px(0), y1: groupTop, y2: y });
  });
  const height = Math.ceil(y + 4);

  const kinds = [...new Set(placed.map((p) => p.kind))];
  const textMark = (filter: (p: Placed) => boolean, extra: Plot.TextOptions) =>
    keyedText(texts.filter(filter), {
      x: 'x',
      y: 'y',
      text: 'text',
      textAnchor: 'start',
      lineAnchor: 'middle',
      fontSize: fs,
      fill: COLORS.ink,
      ...extra,
    });

  return {
    width,
    height,
    margin: 0,
    style: { fontSize: `${fs}px`, overflow: 'visible' },
    x: { type: 'identity', axis: null },
    y: { type: 'identity', axis: null },
    legend: legend.list(),
    marks: [
      // the whole a bar is part of: decoration, the bar's tooltip and the table carry the figure
      Plot.rect(tracks, { x1: 'x1', x2: 'x2', y1: 'y1', y2: 'y2', fill: COLORS.grid, ariaHidden: 'true' }),
      ...kinds.map((k) => {
        const s = STYLES[k];
        return Plot.rect(
          placed.filter((p) => p.kind === k),
          {
            x1: 'x1',
            x2: 'x2',
            y1: 'y1',
            y2: 'y2',
            ariaHidden: 'true',
            fill: s.fill,
            fillOpacity: s.fillOpacity,
            stroke: s.stroke,
            strokeWidth: s.strokeWidth,
            strokeDasharray: s.strokeDasharray,
            inset: 0,
          },
        );
      }),
      Plot.ruleX(zeros, { x: 'x', y1: 'y1', y2: 'y2', stroke: COLORS.ink, strokeWidth: 1, ariaHidden: 'true' }),
      textMark((p) => p.anchor === 'start' && !p.weight && !p.muted, {}),
      textMark((p) => p.anchor === 'end', { textAnchor: 'end' }),
      textMark((p) => p.weight === 'bold', { fontWeight: 'bold' }),
      textMark((p) => p.muted === true, { fill: 'var(--muted)', className: 'muted' }),
      hitMark(hits),
    ],
  };
}

function isIndented(item: LedgerItem): boolean {
  return item.indent === true;
}

/**
 * Bars for figures over time in one group, in order, with a row for every run of years in
 * [from, to] that no figure touches ("2022—2025年：无来源").
 */
export function chronological(
  rows: readonly SiteFigure[],
  toBar: (f: SiteFigure) => LedgerBar,
  gap: { from: number; to: number; label: (from: number, to: number) => string; text: string },
): LedgerItem[] {
  const entries: { year: number; order: number; item: LedgerItem }[] = rows.map((f, i) => ({
    year: Number(f.period_start.slice(0, 4)),
    order: i,
    item: toBar(f),
  }));
  for (const [a, b] of gapRuns(rows, gap.from, gap.to))
    entries.push({ year: a, order: -1, item: { type: 'gap', label: gap.label(a, b), text: gap.text } });
  return entries.sort((p, q) => p.year - q.year || p.order - q.order).map((e) => e.item);
}

/** The common bar for a figure over time: labelled by its period and its kind. */
export function periodBar(f: SiteFigure, cx: ChartWords, valueLabel: string, extra: Partial<LedgerBar> = {}): LedgerBar {
  const { lang } = cx;
  return { type: 'bar', label: periodLabel(f, lang), tags: kindTags(f, lang), figure: f, value: f.value, valueLabel, ...extra };
}

/** Years from the first figure (or the site's first year) to the site's last year. */
export function yearRange(rows: readonly SiteFigure[]): { from: number; to: number } {
  const first = Math.min(SITE_YEARS.from, ...rows.map((f) => yearOf(f.period_start)));
  return { from: first, to: SITE_YEARS.to };
}

/** Gap rows as the ledger writes them. */
export function gapSpec(
  rows: readonly SiteFigure[],
  { lang }: Pick<ChartWords, 'lang'>,
): { from: number; to: number; label: (a: number, b: number) => string; text: string } {
  return { ...yearRange(rows), label: (a, b) => yearsLabel(a, b, lang), text: t(lang, 'chart.gap') };
}

/** Figures grouped by the exact period they cover, in time order, with a group for every run of years without one. */
export function periodGroups(
  rows: readonly SiteFigure[],
  cx: ChartWords,
  item: {
    key: (f: SiteFigure) => string;
    order: readonly string[];
    toBar: (f: SiteFigure) => LedgerBar;
    missing?: (key: string) => LedgerGap | undefined;
  },
  title: (first: SiteFigure) => string = (f) => periodLabel(f, cx.lang),
): LedgerGroup[] {
  const byPeriod = new Map<string, SiteFigure[]>();
  for (const f of rows) {
    const k = `${f.period_start}/${f.period_end}`;
    byPeriod.set(k, [...(byPeriod.get(k) ?? []), f]);
  }
  const rank = (f: SiteFigure) => {
    const i = item.order.indexOf(item.key(f));
    return i < 0 ? item.order.length : i;
  };
  const entries: { sort: string; group: LedgerGroup }[] = [...byPeriod.entries()].map(([k, fs]) => {
    const sorted = [...fs].sort((a, b) => rank(a) - rank(b) || Number(a.derived) - Number(b.derived) || a.id.localeCompare(b.id));
    const items: LedgerItem[] = [];
    for (const key of item.order) {
      const own = sorted.filter((f) => item.key(f) === key);
      if (own.length === 0) {
        const gap = item.missing?.(key);
        if (gap) items.push(gap);
      }
      items.push(...own.map(item.toBar));
    }
    items.push(...sorted.filter((f) => !item.order.includes(item.key(f))).map(item.toBar));
    return { sort: k, group: { title: title(sorted[0] as SiteFigure), items } };
  });
  const gap = gapSpec(rows, cx);
  for (const [a, b] of gapRuns(rows, gap.from, gap.to)) {
    entries.push({ sort: `${a}-00`, group: { title: gap.label(a, b), items: [{ type: 'gap', label: '', text: gap.text }] } });
  }
  return entries.sort((p, q) => p.sort.localeCompare(q.sort)).map((e) => e.group);
}
