/**
 * Figures over time on a real time axis: one column per calendar year, every year labelled,
 * left to right. A full-year figure is a column (or a dot, in the `dots` form) inside its
 * year; a figure for part of a year, or for several years, is a line drawn over exactly the
 * span it covers with a dot at its end, so a half year is half a year wide and never looks
 * like a year. A total over several years is a bracket over those years above the plot,
 * labelled as a total, never a mark at a one-year height. A run of years no figure touches
 * is one label across the run ("2022—2025年 本站未找到公开数字"). A figure wholly before
 * the axis's first year is said in words at the panel's left edge.
 *
 * A chart is a stack of panels sharing the time axis; each panel has its own value axis, so
 * figures that must not be compared by length (different thresholds) never share a scale.
 * A `rank` panel is sorted bars for one period on one scale (places, for instance).
 *
 * Laid out in pixels, with identity scales, so every label is placed (and kept inside the
 * drawing) here rather than left to chance.
 */
import * as Plot from '@observablehq/plot';
import { scaleLinear } from 'd3';
import type { SiteFigure } from '../../lib/data/site-figure.ts';
import { COLORS, type ChartSpec, type ChartWords } from '../../lib/chart/types.ts';
import {
  fontSize,
  gapRuns as yearRuns,
  isFullYear,
  periodLabel,
  yearsLabel,
  markKind,
  STYLES,
  textWidth,
  tip,
  wrapText,
  yearOf,
  axisValue,
  LEFT_EDGE,
  type MarkKind,
} from './chart-kit.ts';
import { HIT, hitAround, hitMark, keyedText, Legend, type Hit } from './marks.ts';
import { t } from '../../i18n/index.ts';
import { PUNCTUATION } from '../../i18n/punctuation.ts';

export type Symbol = 'circle' | 'square' | 'diamond';

export interface TimeMark {
  figure: SiteFigure;
  /** text beside the mark */
  valueLabel: string;
  /** the dots form: which series (place) the mark belongs to */
  symbol?: Symbol;
  kind?: MarkKind;
  /** label for the tooltip (defaults to the indicator's name) */
  tipLabel?: string;
  /** a value the story's text talks about: labelled before any other */
  highlight?: boolean;
}

export interface TimePanel {
  title: string;
  marks: TimeMark[];
  /** the unit of the value axis, when the marks' figures were published in several (a series drawn in one unit) */
  unit?: string;
  /** short lines under the panel's axis: why two values for one period differ, and the like */
  notes?: string[];
}

/** Sorted bars for one period on one scale, e.g. places. */
export interface RankPanel {
  rank: true;
  title: string;
  bars: (TimeMark & { label: string })[];
  notes?: string[];
}

export interface TimeOptions extends ChartWords {
  width: number;
  form: 'columns' | 'dots';
  from: number;
  to: number;
  panels: (TimePanel | RankPanel)[];
  /** names of the series drawn as dots, for the legend; a chart of dots keys its places and its computed figures only (≤ 4 entries), its note says what a line over months is */
  symbols?: Partial<Record<Symbol, string>>;
}

interface Label {
  x: number;
  y: number;
  text: string;
  anchor: 'start' | 'middle' | 'end';
  weight?: 'bold';
  muted?: boolean;
  size?: number;
  key?: string;
  /** a year on the time axis */
  year?: boolean;
}

interface Box {
  x1: number;
  x2: number;
  y1: number;
  y2: number;
}

const dayMs = 86400000;

/** A date as a position in years: 2020-07-01 → 2020.497… */
function yearPos(iso: string): number {
  const y = yearOf(iso);
  const start = Date.UTC(y, 0, 1);
  const end = Date.UTC(y + 1, 0, 1);
  return y + (Date.parse(`${iso}T00:00:00Z`) - start) / (end - start);
}

/** The end of a period as a position: the end of its last day. */
function endPos(iso: string): number {
  const next = new Date(Date.parse(`${iso}T00:00:00Z`) + dayMs).toISOString().slice(0, 10);
  return yearPos(next);
}

/** A total over several calendar years. */
export function isMultiYear(f: Pick<SiteFigure, 'period_start' | 'period_end'>): boolean {
  return yearOf(f.period_start) !== yearOf(f.period_end);
}

/** Drawn against the value scale: not a total over several years, not wholly before the axis. */
function onScale(m: TimeMark, from: number): boolean {
  return !isMultiYear(m.figure) && yearOf(m.figure.period_end) >= from;
}

/**
 * The words for a run of years without a figure, fitted to the run's width: the years and
 * the words on one line, else on two, else the short words alone; never a character a line
 * (a run too narrow for two characters a line says nothing, the empty run and its axis years
 * show the gap).
 */
export function gapLines(years: string, words: string, short: string, room: number, size: number): string[] {
  const fits = (l: string) => textWidth(l, size) <= room;
  const one = `${years} ${words}`;
  if (fits(one)) return [one];
  if (fits(years) && fits(words)) return [years, words];
  // the words on two lines, else the short words on two, else on three
  for (const [text, most] of [
    [words, 2],
    [short, 2],
    [short, 3],
  ] as const) {
    const lines = wrapBalanced(text, room, size);
    if (lines.length > 0 && lines.length <= most) return lines;
  }
  return [];
}

function overlaps(a: Box, b: Box): boolean {
  return a.x1 < b.x2 && b.x1 < a.x2 && a.y1 < b.y2 && b.y1 < a.y2;
}

/**
 * Text broken into the fewest lines that fit the room, the lines as even as the text allows,
 * each at least two characters (clreq: no line of one character); none if that cannot be.
 */
export function wrapBalanced(text: string, room: number, size: number): string[] {
  // Latin text breaks between words only, never inside one
  if (/\s/u.test(text.trim())) {
    const lines = wrapText(text, room, size);
    const whole = lines.join(' ').replace(/\s+/gu, ' ') === text.trim().replace(/\s+/gu, ' ');
    return whole && lines.every((l) => textWidth(l, size) <= room) ? lines : [];
  }
  const chars = [...text];
  for (let n = 1; n <= chars.length / 2; n++) {
    const per = Math.ceil(chars.length / n);
    const lines: string[] = [];
    for (let i = 0; i < chars.length; i += per) lines.push(chars.slice(i, i + per).join(''));
    if (lines.every((l) => [...l].length >= 2 && textWidth(l, size) <= room)) return lines;
  }
  return [];
}

/** Breaks text to fit the room (see wrapText). */
export function wrapLine(text: string, room: number, fs: number, weight: 'normal' | 'bold' = 'normal'): string[] {
  return wrapText(text, room, fs, weight);
}

function tickText(v: number, lang: ChartWords['lang'], unitId: string): string {
  return axisValue(v, unitId, lang);
}

export function timeSpec(options: TimeOptions): ChartSpec {
  const { width, lang, from, to } = options;
  const fs = fontSize(width);
  const small = Math.max(12, fs - 1);
  const lineH = Math.round(fs * 1.4);
  const legend = new Legend(options);
  // dots are keyed by place (their symbols); solid is then the published look and needs no entry
  const keyKind = (k: MarkKind) => {
    if (options.form === 'columns' || (k !== 'primary' && k !== 'secondary')) legend.kind(k);
  };
  const years = to - from + 1;

  const timePanels = options.panels.filter((p): p is TimePanel => !('rank' in p));
  // one left margin for every panel, so the years line up
  const scales = timePanels.map((p) => {
    const vals = p.marks.filter((m) => onScale(m, from)).map((m) => m.figure.value);
    const lo = Math.min(0, ...vals);
    const hi = Math.max(0, ...vals);
    const s = scaleLinear()
      .domain([lo, hi || 1])
      .nice(4);
    // a panel holds figures of one definition, so of one unit
    const unit = p.unit ?? p.marks[0]?.figure.unit ?? 'count';
    return { s, ticks: s.ticks(options.form === 'dots' ? 4 : 3), unit };
  });
  const left = Math.max(0, ...scales.flatMap(({ ticks, unit }) => ticks.map((v) => textWidth(tickText(v, lang, unit), small)))) + 8;
  const plotL = left;
  const plotR = width - 2;
  const colW = (plotR - plotL) / years;
  const xOf = (pos: number) => plotL + (pos - from) * colW;

  const labels: Label[] = [];
  const taken: Box[] = [];
  /** computed columns: faintly filled, a label may sit over one when nothing else is free */
  const soft: Box[] = [];
  const bars: (Box & { kind: MarkKind })[] = [];
  const spans: { x1: number; x2: number; y: number; kind: MarkKind }[] = [];
  const dots: { x: number; y: number; kind: MarkKind; symbol: Symbol }[] = [];
  const brackets: { x1: number; x2: number; y: number; kind: MarkKind }[] = [];
  const grid: { y: number; x1: number; x2: number }[] = [];
  const axes: { y: number; x1: number; x2: number }[] = [];
  const yearTicks: { x: number; y1: number; y2: number }[] = [];
  const zeroLines: { x: number; y1: number; y2: number }[] = [];
  const hits: Hit[] = [];
  let key = 0;

  const boxOf = (l: Label): Box => {
    const w = textWidth(l.text, l.size ?? fs);
    const x1 = l.anchor === 'start' ? l.x : l.anchor === 'end' ? l.x - w : l.x - w / 2;
    const h = (l.size ?? fs) * 1.2;
    // a little air around each label: the width is an estimate
    return { x1: x1 - 3, x2: x1 + w + 3, y1: l.y - h / 2, y2: l.y + h / 2 };
  };
  /** Places a label at the first candidate position that is inside the drawing and free. */
  const tryLabel = (candidates: Label[], force = false, own: readonly Box[] = []): boolean => {
    // first clear of everything; then over a computed column's faint fill, never over a solid mark or a label
    for (const avoid of [[...taken, ...soft], taken]) {
      for (const c of candidates) {
        const b = boxOf(c);
        if (b.x1 + 3 < 0 || b.x2 - 3 > width) continue;
        // a label may touch its own mark (the dot at the end of its span), no other
        if (avoid.some((o) => !own.includes(o) && overlaps(o, b))) continue;
        labels.push(c);
        taken.push(b);
        return true;
      }
    }
    if (force && candidates[0]) {
      // shift the first candidate inside the drawing
      const c = candidates[0];
      const b = boxOf(c);
      const dx = b.x1 < 0 ? -b.x1 : b.x2 > width ? width - b.x2 : 0;
      const placed = { ...c, x: c.x + dx };
      labels.push(placed);
      taken.push(boxOf(placed));
      return true;
    }
    return false;
  };
  const fixed = (l: Label) => {
    labels.push(l);
    taken.push(boxOf(l));
  };
  const textBlock = (text: string, top: number, opts: Partial<Label> = {}): number => {
    const size = opts.size ?? fs;
    const lh = Math.round(size * 1.4);
    const ls = wrapLine(text, width - 4, size, opts.weight === 'bold' ? 'bold' : 'normal');
    ls.forEach((s, i) => fixed({ x: LEFT_EDGE, y: top + lh * (i + 0.5), text: s, anchor: 'start', ...opts }));
    return lh * ls.length;
  };

  // every ranking of a chart on one scale, laid out once: rankings side by side in one unit
  // are compared by length
  const allRanked = options.panels.flatMap((p) => ('rank' in p ? p.bars : []));
  const labelW = Math.max(0, ...allRanked.map((b) => textWidth(b.label, fs))) + 10;
  const beside = labelW <= width * 0.45;
  const valueW = Math.max(0, ...allRanked.map((b) => textWidth(b.valueLabel, fs))) + 12;
  const lo = Math.min(0, ...allRanked.map((b) => b.figure.value));
  const hi = Math.max(0, ...allRanked.map((b) => b.figure.value));
  // negative values run left of zero, with room for their labels on that side
  const negW = lo < 0 ? Math.max(...allRanked.filter((b) => b.figure.value < 0).map((b) => textWidth(b.valueLabel, fs))) + 8 : 0;

  let y = 0;
  let ti = 0;
  options.panels.forEach((panel, pi) => {
    if (pi > 0) y += Math.round(fs * 1.2);
    y += textBlock(panel.title, y, { weight: 'bold' }) + 2;
    if ('rank' in panel) {
      y = rankPanel(panel, y);
    } else {
      y = timePanel(panel, scales[ti++] as (typeof scales)[number], y);
    }
    for (const n of panel.notes ?? []) y += textBlock(n, y, { size: small, muted: true });
  });

  const height = Math.ceil(y + 4);

  function timePanel(panel: TimePanel, { s, ticks, unit }: (typeof scales)[number], top: number): number {
    // a figure wholly before the axis's first year: in words at the panel's left edge
    for (const m of panel.marks.filter((x) => yearOf(x.figure.period_end) < from)) {
      const text = `${periodLabel(m.figure, lang)}${PUNCTUATION[lang].colon}${m.valueLabel}`;
      const k = `m${key++}`;
      const h = textBlock(text, top, { size: small, muted: true, key: k });
      hits.push(
        hitAround(
          { x1: 0, x2: Math.min(width, textWidth(text, small)), y1: top, y2: top + h },
          m.figure,
          tip(m.figure, options, m.tipLabel),
          k,
        ),
      );
      top += h;
    }
    // totals over several years: a bracket over their years, above the plot, labelled as a total
    const totals = panel.marks.filter((m) => isMultiYear(m.figure) && yearOf(m.figure.period_end) >= from);
    if (totals.length > 0) {
      const row = Math.round(small * 1.4);
      for (const m of totals) {
        const f = m.figure;
        const kind = m.kind ?? markKind(f);
        keyKind(kind);
        const x1 = xOf(Math.max(from, yearPos(f.period_start))) + 3;
        const x2 = xOf(endPos(f.period_end)) - 3;
        const by = top + row + 4;
        brackets.push({ x1, x2, y: by, kind });
        const text = `${periodLabel(f, lang)}${PUNCTUATION[lang].colon}${m.valueLabel}`;
        const k = `m${key++}`;
        tryLabel([{ x: (x1 + x2) / 2, y: top + row / 2, text, anchor: 'middle', size: small, key: k }], true);
        hits.push(hitAround({ x1, x2, y1: top, y2: by + 4 }, f, tip(f, options, m.tipLabel), k));
      }
      top += row + 10;
    }
    const plotTop = top + lineH;
    const plotH = options.form === 'dots' ? (width < 480 ? 150 : 170) : width < 480 ? 110 : 130;
    s.range([plotTop + plotH, plotTop]);
    const bottom = plotTop + plotH;
    for (const v of ticks) {
      grid.push({ y: s(v), x1: plotL, x2: plotR });
      fixed({ x: plotL - 6, y: s(v), text: tickText(v, lang, unit), anchor: 'end', size: small, muted: true });
    }
    axes.push({ y: s(0), x1: plotL, x2: plotR });
    for (let yr = from; yr <= to; yr++) {
      fixed({ x: xOf(yr + 0.5), y: bottom + lineH * 0.6, text: String(yr), anchor: 'middle', size: small, year: true });
      yearTicks.push({ x: xOf(yr), y1: bottom, y2: bottom + 4 });
    }
    yearTicks.push({ x: xOf(to + 1), y1: bottom, y2: bottom + 4 });

    // runs of years no figure touches: one label across each run, placed after the values
    const gapRuns = yearRuns(
      panel.marks.map((m) => m.figure),
      from,
      to,
    );

    const drawn = panel.marks.filter((m) => onScale(m, from));
    const full = drawn.filter((m) => isFullYear(m.figure));
    const span = drawn.filter((m) => !isFullYear(m.figure));
    const pending: { candidates: Label[]; priority: number; own?: Box[] }[] = [];
    const spanBoxes: Box[] = [];
    const spanEnds = new Set<(typeof dots)[number]>();

    // full years: columns side by side within their year, or dots at the year's middle
    const byYear = new Map<number, TimeMark[]>();
    for (const m of full) byYear.set(yearOf(m.figure.period_start), [...(byYear.get(yearOf(m.figure.period_start)) ?? []), m]);
    for (const [yr, ms] of byYear) {
      const pad = colW * (options.form === 'dots' ? 0.2 : 0.14);
      const slot = (colW - pad * 2) / ms.length;
      ms.forEach((m, i) => {
        const f = m.figure;
        const kind = m.kind ?? markKind(f);
        keyKind(kind);
        const cx = xOf(yr) + pad + slot * (i + 0.5);
        const k = `m${key++}`;
        const priority = m.highlight ? 0 : 1;
        if (options.form === 'columns') {
          const x1 = xOf(yr) + pad + slot * i + 1;
          const x2 = x1 + slot - 2;
          const y1 = Math.min(s(0), s(f.value));
          const y2 = Math.max(s(0), s(f.value));
          bars.push({ x1, x2, y1, y2: Math.max(y2, y1 + 1), kind });
          hits.push(hitAround({ x1, x2, y1, y2 }, f, tip(f, options, m.tipLabel), k));
          // above the column, centred, else flush with either edge of it (a label wider than
          // its column then keeps clear of the next column's), else beside it
          const above = y1 - fs * 0.75;
          pending.push({
            priority,
            candidates: [
              { x: cx, y: above, text: m.valueLabel, anchor: 'middle' },
              { x: x2, y: above, text: m.valueLabel, anchor: 'end' },
              { x: x1, y: above, text: m.valueLabel, anchor: 'start' },
              { x: x2 + 3, y: y1 + fs * 0.6, text: m.valueLabel, anchor: 'start' },
              { x: cx, y: above - fs * 1.1, text: m.valueLabel, anchor: 'middle' },
            ],
          });
        } else {
          const symbol = m.symbol ?? 'circle';
          dots.push({ x: cx, y: s(f.value), kind, symbol });
          hits.push(hitAround({ x1: cx, x2: cx, y1: s(f.value), y2: s(f.value) }, f, tip(f, options, m.tipLabel), k));
          // beside the dot, else stepped up or down from it: close values in one year stay legible
          const candidates = [0, -1, 1].flatMap((step): Label[] => [
            { x: cx + 8, y: s(f.value) + step * fs * 1.1, text: m.valueLabel, anchor: 'start' },
            { x: cx - 8, y: s(f.value) + step * fs * 1.1, text: m.valueLabel, anchor: 'end' },
          ]);
          pending.push({ priority, candidates });
        }
      });
    }

    // part of a year, or several years: a line over the span, a dot at its end
    for (const m of span) {
      const f = m.figure;
      const kind = m.kind ?? markKind(f);
      keyKind(kind);
      if (options.form === 'columns') legend.add('part');
      const x1 = xOf(yearPos(f.period_start)) + 1;
      const x2 = xOf(endPos(f.period_end)) - 1;
      const py = s(f.value);
      spans.push({ x1, x2, y: py, kind });
      const end: (typeof dots)[number] = { x: x2, y: py, kind, symbol: m.symbol ?? 'circle' };
      dots.push(end);
      spanEnds.add(end);
      const own = [
        { x1: x2 - 5, x2: x2 + 5, y1: py - 5, y2: py + 5 },
        { x1, x2, y1: py - 2, y2: py + 2 },
      ];
      spanBoxes.push(...own);
      hits.push(hitAround({ x1, x2, y1: py, y2: py }, f, tip(f, options, m.tipLabel), `m${key++}`));
      pending.push({
        own,
        // after every column: a line over months has more places for its label than a column
        priority: m.highlight ? 1.5 : 2,
        // beside its end, else above or below the line, else stepped a line up or down beside its end
        candidates: [
          { x: x2 + 7, y: py, text: m.valueLabel, anchor: 'start' },
          { x: (x1 + x2) / 2, y: py - fs * 0.85, text: m.valueLabel, anchor: 'middle' },
          { x: x1 - 4, y: py, text: m.valueLabel, anchor: 'end' },
          { x: (x1 + x2) / 2, y: py + fs * 0.85, text: m.valueLabel, anchor: 'middle' },
          { x: x2 + 5, y: py - fs * 1.1, text: m.valueLabel, anchor: 'start' },
          { x: x2 + 5, y: py + fs * 1.1, text: m.valueLabel, anchor: 'start' },
        ],
      });
    }
    // marks take their room before labels do
    for (const b of bars) (b.kind === 'derived' || b.kind === 'derived-secondary' ? soft : taken).push(b);
    for (const d of dots) if (!spanEnds.has(d)) taken.push({ x1: d.x - 5, x2: d.x + 5, y1: d.y - 5, y2: d.y + 5 });
    taken.push(...spanBoxes);
    // labels stay within the panel's plot, above its year labels
    const inside = (l: Label) => l.y - fs * 0.6 >= top && l.y + fs * 0.6 <= bottom;
    pending
      .sort((a, b) => a.priority - b.priority)
      .forEach((p) => tryLabel(p.candidates.filter(inside), p.priority === 0 && options.form === 'columns', p.own));
    for (const [a, b] of gapRuns) {
      const room = xOf(b + 1) - xOf(a) - 6;
      const lines = gapLines(yearsLabel(a, b, lang), t(lang, 'chart.gapWords'), t(lang, 'chart.gapShort'), room, small);
      if (lines.length === 0) continue;
      const h = small * 1.3;
      const at = (firstY: number): Label[] =>
        lines.map((text, i) => ({ x: (xOf(a) + xOf(b + 1)) / 2, y: firstY + i * h, text, anchor: 'middle', size: small, muted: true }));
      // near the axis, else at the top of the plot
      for (const group of [at(bottom - 6 - (lines.length - 0.5) * h), at(plotTop + 4 + 0.5 * h)]) {
        if (group.some((l) => taken.some((o) => overlaps(o, boxOf(l))))) continue;
        group.forEach(fixed);
        break;
      }
    }
    return bottom + lineH * 1.3;
  }

  function rankPanel(panel: RankPanel, top: number): number {
    const sorted = [...panel.bars].sort((a, b) => b.figure.value - a.figure.value);
    const xLeft = (beside ? labelW : 0) + negW;
    const xMax = width - valueW;
    const px = (v: number) => xLeft + ((v - lo) / (hi - lo || 1)) * (xMax - xLeft);
    const x0 = px(0);
    const barH = Math.max(16, Math.round(fs * 1.3));
    let yy = top;
    for (const b of sorted) {
      const f = b.figure;
      const kind = b.kind ?? markKind(f);
      keyKind(kind);
      const k = `m${key++}`;
      const xv = px(f.value);
      const x1 = Math.min(x0, xv);
      const x2 = Math.max(x0, xv, x1 + 1);
      if (!beside) {
        const lh = Math.round(fs * 1.3);
        wrapLine(b.label, width - 4, fs).forEach((text, i) =>
          fixed({ x: LEFT_EDGE, y: yy + lh * (i + 0.5), text, anchor: 'start', key: k }),
        );
        yy += lh * wrapLine(b.label, width - 4, fs).length;
      }
      const rowH = Math.max(barH + 8, 26);
      const y1 = yy + (rowH - barH) / 2;
      if (beside) fixed({ x: LEFT_EDGE, y: yy + rowH / 2, text: b.label, anchor: 'start', key: k });
      bars.push({ x1, x2, y1, y2: y1 + barH, kind });
      fixed(
        f.value < 0
          ? { x: x1 - 5, y: yy + rowH / 2, text: b.valueLabel, anchor: 'end' }
          : { x: x2 + 5, y: yy + rowH / 2, text: b.valueLabel, anchor: 'start' },
      );
      hits.push(hitAround({ x1, x2: Math.max(x2, x1 + HIT), y1, y2: y1 + barH }, f, tip(f, options, b.tipLabel), k));
      yy += rowH;
    }
    zeroLines.push({ x: x0, y1: top, y2: yy });
    return yy + 4;
  }

  for (const [symbol, name] of Object.entries(options.symbols ?? {}))
    if (name && dots.some((d) => d.symbol === symbol)) legend.add(symbol as Symbol, name);

  const kinds = [...new Set([...bars, ...spans, ...dots, ...brackets].map((b) => b.kind))];
  const color = (k: MarkKind) => STYLES[k].stroke;
  const text = (filter: (l: Label) => boolean, extra: Plot.TextOptions) =>
    keyedText(labels.filter(filter), { x: 'x', y: 'y', text: 'text', lineAnchor: 'middle', fill: COLORS.ink, fontSize: fs, ...extra });
  const sizes = [...new Set(labels.map((l) => l.size ?? fs))];

  return {
    width,
    height,
    margin: 0,
    style: { fontSize: `${fs}px`, overflow: 'visible' },
    x: { type: 'identity', axis: null },
    y: { type: 'identity', axis: null },
    legend: legend.list(),
    marks: [
      Plot.ruleY(grid, { y: 'y', x1: 'x1', x2: 'x2', stroke: COLORS.grid, ariaHidden: 'true' }),
      ...kinds.map((k) => {
        const st = STYLES[k];
        return Plot.rect(
          bars.filter((b) => b.kind === k),
          {
            x1: 'x1',
            x2: 'x2',
            y1: 'y1',
            y2: 'y2',
            fill: st.fill,
            fillOpacity: st.fillOpacity,
            stroke: st.stroke,
            strokeWidth: st.strokeWidth,
            strokeDasharray: st.strokeDasharray,
            inset: 0,
            ariaHidden: 'true',
          },
        );
      }),
      Plot.ruleY(axes, { y: 'y', x1: 'x1', x2: 'x2', stroke: COLORS.ink, ariaHidden: 'true' }),
      Plot.ruleX(zeroLines, { x: 'x', y1: 'y1', y2: 'y2', stroke: COLORS.ink, ariaHidden: 'true' }),
      Plot.ruleX(yearTicks, { x: 'x', y1: 'y1', y2: 'y2', stroke: COLORS.muted, ariaHidden: 'true' }),
      // a halo in the page's colour, so a span drawn over a column stays visible
      Plot.link(spans, { x1: 'x1', x2: 'x2', y1: 'y', y2: 'y', stroke: 'var(--bg)', strokeWidth: 7, ariaHidden: 'true' }),
      ...kinds.map((k) =>
        Plot.link(
          spans.filter((p) => p.kind === k),
          {
            x1: 'x1',
            x2: 'x2',
            y1: 'y',
            y2: 'y',
            stroke: color(k),
            strokeWidth: 3,
            strokeDasharray: k === 'derived' || k === 'derived-secondary' ? '5 3' : undefined,
            ariaHidden: 'true',
          },
        ),
      ),
      ...kinds.flatMap((k) =>
        (['circle', 'square', 'diamond'] as const).map((symbol) =>
          Plot.dot(
            dots.filter((d) => d.kind === k && d.symbol === symbol),
            {
              x: 'x',
              y: 'y',
              r: symbol === 'circle' ? 4.5 : 5,
              symbol,
              fill: k === 'derived' || k === 'derived-secondary' ? COLORS.grid : color(k),
              stroke: color(k),
              strokeWidth: 1.5,
              strokeDasharray: k === 'derived' || k === 'derived-secondary' ? '2 1.5' : undefined,
              ariaHidden: 'true',
            },
          ),
        ),
      ),
      // totals over several years: a bracket over their years
      ...kinds.map((k) =>
        Plot.link(
          brackets.filter((p) => p.kind === k),
          {
            x1: 'x1',
            x2: 'x2',
            y1: 'y',
            y2: 'y',
            stroke: color(k),
            strokeWidth: 2,
            strokeDasharray: k === 'derived' || k === 'derived-secondary' ? '5 3' : undefined,
            markerStart: 'tick',
            markerEnd: 'tick',
            ariaHidden: 'true',
          },
        ),
      ),
      text((l) => l.year === true, { fontSize: small, textAnchor: 'middle', className: 'axis-year' }),
      ...sizes.flatMap((size) => [
        text((l) => (l.size ?? fs) === size && l.weight === 'bold', { fontSize: size, fontWeight: 'bold', textAnchor: 'start' }),
        ...(['start', 'middle', 'end'] as const).flatMap((anchor) => [
          text((l) => (l.size ?? fs) === size && !l.weight && !l.muted && !l.year && l.anchor === anchor, {
            fontSize: size,
            textAnchor: anchor,
          }),
          text((l) => (l.size ?? fs) === size && !l.weight && l.muted === true && l.anchor === anchor, {
            fontSize: size,
            textAnchor: anchor,
            fill: 'var(--muted)',
            className: 'muted',
          }),
        ]),
      ]),
      hitMark(hits),
    ],
  };
}

/** Full-year figures of one place and period that disagree: the published one and the other(s). */
export function disagreements(rows: readonly SiteFigure[]): { published: SiteFigure; other: SiteFigure }[] {
  const out: { published: SiteFigure; other: SiteFigure }[] = [];
  const groups = new Map<string, SiteFigure[]>();
  for (const f of rows) {
    const k = `${f.geo}/${f.indicator}/${f.breakdown}/${f.period_start}/${f.period_end}`;
    groups.set(k, [...(groups.get(k) ?? []), f]);
  }
  for (const fs of groups.values()) {
    const published = fs.find((f) => !f.derived);
    if (!published) continue;
    for (const other of fs) if (other !== published && other.value !== published.value) out.push({ published, other });
  }
  return out;
}
