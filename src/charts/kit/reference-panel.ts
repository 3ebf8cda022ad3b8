/**
 * One group of labelled horizontal bars, each read against a reference: the whole it is part
 * of (a faint track behind it), the target of its group, or a figure of another definition
 * said in words beside it instead of drawn on its scale. The figures on this site are few and
 * their periods irregular (a half year, January–April, a full year), so each bar carries its
 * own period in words, a run of years without a figure gets a row saying so, and nothing is
 * joined by a line. On a phone a label sits above its bar; where labels fit, beside it.
 * Every group of a chart shares one scale and one label column (referenceColumns).
 * Pixels throughout: the chart draws the result with identity scales.
 */
import type { SiteFigure } from '../../lib/data/site-figure.ts';
import { PUNCTUATION } from '../../i18n/punctuation.ts';
import type { ChartWords } from '../../lib/chart/types.ts';
import { wrapClauses } from '../../lib/text/text-layout.ts';
import { LEFT_EDGE, markKind, textWidth, tip, type MarkKind } from './chart-kit.ts';
import { hitAround, type Hit } from './marks.ts';

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

export interface Placed {
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

export interface PlacedBar {
  x1: number;
  x2: number;
  y1: number;
  y2: number;
  kind: MarkKind;
}

const INDENT = 12;

function isIndented(item: LedgerItem): boolean {
  return item.indent === true;
}

/** Breaks a title or label at its clauses (src/lib/text/text-layout.ts wrapClauses), measured as the charts measure. */
function wrap(text: string, room: number, fs: number, weight: 'normal' | 'bold' = 'normal'): string[] {
  return wrapClauses(text, room, (s) => textWidth(s, fs, weight));
}

/** Where every group of a chart puts its labels and its bars, and the one scale they share. */
export interface ReferenceColumns {
  beside: boolean;
  labelCol: number;
  barLeft: number;
  /** value to x */
  px: (v: number) => number;
  /** a value below zero is drawn: each group marks zero */
  negative: boolean;
}

/**
 * The columns for these groups at this width: labels beside the bars when the widest fits in
 * half the width and the bars keep 40% of it to be compared by length, above them otherwise;
 * room for the widest value label beyond the bar ends; one scale from the lowest value (or
 * zero) to the highest value, track or `domainMax`.
 */
export function referenceColumns(groups: readonly LedgerGroup[], width: number, fs: number, domainMax?: number): ReferenceColumns {
  const items = groups.flatMap((g) => g.items);
  const bars = items.filter((i): i is LedgerBar => i.type === 'bar');
  // value labels go outside the bar end; leave room for the widest on each side
  const roomRight = Math.max(0, ...bars.filter((b) => b.value >= 0).map((b) => textWidth(b.valueLabel, fs))) + 8;
  const roomLeft = Math.max(0, ...bars.filter((b) => b.value < 0).map((b) => textWidth(b.valueLabel, fs) + 8));
  const half = Math.floor(width * 0.5) - 12;
  const needed = (i: LedgerBar | LedgerGap) =>
    (isIndented(i) ? INDENT : 0) + Math.max(...wrap(i.label, half - (isIndented(i) ? INDENT : 0), fs).map((l) => textWidth(l, fs)));
  const widest = Math.max(0, ...items.flatMap((i) => (i.type === 'words' ? [] : [needed(i)])));
  const beside = widest <= half && width - (widest + 12) - roomLeft - roomRight >= width * 0.4;
  const labelCol = beside ? widest + 12 : 0;
  const barLeft = labelCol + roomLeft;
  const barRight = width - roomRight;
  const vals = bars.flatMap((b) => [b.value, b.track ?? 0]);
  const lo = Math.min(0, ...vals);
  const hi = Math.max(domainMax ?? 0, ...vals);
  return { beside, labelCol, barLeft, px: (v: number) => barLeft + ((v - lo) / (hi - lo || 1)) * (barRight - barLeft), negative: lo < 0 };
}

/** One group laid out from `top`: what it places, and where it ends. */
export interface ReferenceDrawing {
  texts: Placed[];
  bars: PlacedBar[];
  tracks: PlacedBar[];
  zeros: { x: number; y1: number; y2: number }[];
  hits: Hit[];
  /** the kinds of figure drawn, in the order met, for the legend */
  kinds: MarkKind[];
  bottom: number;
}

/**
 * Lays out one group: its title, then each bar (label, bar, value label, track), gap row and
 * figure in words. `keys` numbers the group's tappable things on from the groups above it
 * (b for bars, w for words), so a label's key finds its own mark.
 */
export function referencePanel(
  group: LedgerGroup,
  columns: ReferenceColumns,
  cx: ChartWords & { width: number; fs: number },
  top: number,
  keys: { bars: number; hits: number } = { bars: 0, hits: 0 },
): ReferenceDrawing {
  const { width, fs } = cx;
  const { beside, labelCol, barLeft, px } = columns;
  const barH = Math.round(fs * 1.15);
  const lineH = Math.round(fs * 1.4);
  const out: ReferenceDrawing = { texts: [], bars: [], tracks: [], zeros: [], hits: [], kinds: [], bottom: top };
  const lines = (x: number, at: number, ls: readonly string[], muted = false, key?: string) =>
    ls.forEach((text, i) =>
      out.texts.push({ x: x + LEFT_EDGE, y: at + lineH * (i + 0.5), text, anchor: 'start', muted, ...(key ? { key } : {}) }),
    );
  let y = top;
  const titleLines = wrap(group.title, width - 8, fs, 'bold');
  titleLines.forEach((text, i) => out.texts.push({ x: LEFT_EDGE, y: y + lineH * (i + 0.5), text, anchor: 'start', weight: 'bold' }));
  y += lineH * titleLines.length + 2;
  const groupTop = y;
  for (const item of group.items) {
    const indent = isIndented(item) ? INDENT : 0;
    if (item.type === 'words') {
      const ls = wrap(item.text, width - 8 - indent, fs);
      const key = `w${keys.hits + out.hits.length}`;
      lines(indent, y, ls, false, key);
      const w = Math.max(...ls.map((l) => textWidth(l, fs)));
      const box = { x1: indent, x2: indent + w, y1: y, y2: y + lineH * ls.length };
      out.hits.push(hitAround(box, item.figure, tip(item.figure, cx, item.tipLabel), key));
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
        const one = item.label ? `${item.label}${PUNCTUATION[cx.lang].colon}${item.text}` : item.text;
        const room = width - 8 - indent;
        const ls = textWidth(one, fs) <= room ? [one] : [...(item.label ? wrap(item.label, room, fs) : []), ...wrap(item.text, room, fs)];
        lines(indent, y, ls, true);
        y += lineH * ls.length + 4;
      }
      continue;
    }
    // what kind of figure a bar is (计算值, 二手来源) is said by its look and the legend, its
    // tooltip and its table row, not in the label
    const ls = wrap(item.label, (beside ? labelCol - 12 : width - 8) - indent, fs);
    const key = `b${keys.bars + out.bars.length}`;
    let barTop: number;
    if (beside) {
      const rowH = Math.max(barH + 10, lineH * ls.length + 4);
      lines(indent, y + (rowH - lineH * ls.length) / 2, ls, false, key);
      barTop = y + (rowH - barH) / 2;
      y += rowH;
    } else {
      lines(indent, y, ls, false, key);
      barTop = y + lineH * ls.length + 2;
      y = barTop + barH + 8;
    }
    const kind = item.kind ?? markKind(item.figure);
    if (item.track !== undefined) out.tracks.push({ x1: px(0), x2: px(item.track), y1: barTop, y2: barTop + barH, kind });
    const a = px(0);
    const b = px(item.value);
    out.kinds.push(kind);
    const box = { x1: Math.min(a, b), x2: Math.max(a, b, Math.min(a, b) + 1), y1: barTop, y2: barTop + barH };
    out.bars.push({ ...box, kind });
    out.hits.push(hitAround(box, item.figure, tip(item.figure, cx, item.tipLabel), key));
    // beyond the track, if any, so the label never sits on it
    const end = item.track !== undefined && item.value >= 0 ? Math.max(b, px(item.track)) : b;
    out.texts.push(
      item.value >= 0
        ? { x: end + 5, y: barTop + barH / 2, text: item.valueLabel, anchor: 'start' }
        : { x: b - 5, y: barTop + barH / 2, text: item.valueLabel, anchor: 'end' },
    );
  }
  if (columns.negative) out.zeros.push({ x: px(0), y1: groupTop, y2: y });
  out.bottom = y;
  return out;
}
