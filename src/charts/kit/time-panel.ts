/**
 * One panel of figures over time, on a real time axis: one column per calendar year, every
 * year labelled, left to right. A full-year figure is a column (or a dot, in the `dots` form)
 * inside its year; a figure for part of a year, or for several years, is a line drawn over
 * exactly the span it covers with a dot at its end, so a half year is half a year wide and
 * never looks like a year. A total over several years is a bracket over those years above
 * the plot, labelled as a total, never a mark at a one-year height. A run of years no figure
 * touches is one label across the run ("2022—2025年 本站未找到公开数字"). A figure wholly
 * before the axis's first year is said in words at the panel's left edge.
 */
import { scaleLinear, type ScaleLinear } from 'd3';
import type { SiteFigure } from '../../lib/data/site-figure.ts';
import type { ChartWords } from '../../lib/chart/types.ts';
import { t } from '../../i18n/index.ts';
import { PUNCTUATION } from '../../i18n/punctuation.ts';
import {
  axisValue,
  gapRuns,
  isFullYear,
  markKind,
  periodLabel,
  textWidth,
  tip,
  wrapText,
  yearOf,
  yearsLabel,
  type MarkKind,
} from './chart-kit.ts';
import { hitAround } from './marks.ts';
import { Sheet, overlaps, type Box, type Label, type Symbol } from './sheet.ts';

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

/** The value axis of one panel: its scale (range set when the panel is laid out), ticks and unit. */
export interface ValueAxis {
  scale: ScaleLinear<number, number>;
  ticks: number[];
  unit: string;
}

/** What the panels of one chart share: the years, the text size, where the plot's columns start and end. */
export interface TimeLayout extends ChartWords {
  width: number;
  form: 'columns' | 'dots';
  from: number;
  to: number;
  fs: number;
  /** the left edge of the plot, the same in every panel of the chart so the years line up */
  plotL: number;
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

/** The value axis a panel's figures need, starting from zero, with 3 ticks (4 for dots). */
export function valueAxis(panel: TimePanel, from: number, form: TimeLayout['form']): ValueAxis {
  const vals = panel.marks.filter((m) => onScale(m, from)).map((m) => m.figure.value);
  const lo = Math.min(0, ...vals);
  const hi = Math.max(0, ...vals);
  const scale = scaleLinear()
    .domain([lo, hi || 1])
    .nice(4);
  // a panel holds figures of one definition, so of one unit
  const unit = panel.unit ?? panel.marks[0]?.figure.unit ?? 'count';
  return { scale, ticks: scale.ticks(form === 'dots' ? 4 : 3), unit };
}

/** How wide the value axis's tick labels are, for the left margin every panel shares. */
export function tickWidth({ ticks, unit }: ValueAxis, lang: ChartWords['lang'], size: number): number {
  return Math.max(0, ...ticks.map((v) => textWidth(axisValue(v, unit, lang), size)));
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

/**
 * Lays out one panel from `top` on a sheet of its own: the figures said in words, the totals'
 * brackets, the value axis, the years, the marks, their labels and the gap labels. Returns the
 * sheet and where the panel ends.
 */
export function timePanel(panel: TimePanel, axis: ValueAxis, cx: TimeLayout, top: number, firstKey = 0): { sheet: Sheet; bottom: number } {
  const { width, lang, from, to, fs, form } = cx;
  const small = Math.max(12, fs - 1);
  const lineH = Math.round(fs * 1.4);
  const plotL = cx.plotL;
  const plotR = width - 2;
  const colW = (plotR - plotL) / (to - from + 1);
  const xOf = (pos: number) => plotL + (pos - from) * colW;
  const sheet = new Sheet(width, fs, firstKey);
  const drawn = (kind: MarkKind) => sheet.kinds.push(kind);
  const { scale: s, ticks, unit } = axis;

  // a figure wholly before the axis's first year: in words at the panel's left edge
  for (const m of panel.marks.filter((x) => yearOf(x.figure.period_end) < from)) {
    const text = `${periodLabel(m.figure, lang)}${PUNCTUATION[lang].colon}${m.valueLabel}`;
    const k = sheet.key();
    const h = sheet.textBlock(text, top, { size: small, muted: true, key: k });
    sheet.hits.push(
      hitAround({ x1: 0, x2: Math.min(width, textWidth(text, small)), y1: top, y2: top + h }, m.figure, tip(m.figure, cx, m.tipLabel), k),
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
      drawn(kind);
      const x1 = xOf(Math.max(from, yearPos(f.period_start))) + 3;
      const x2 = xOf(endPos(f.period_end)) - 3;
      const by = top + row + 4;
      sheet.brackets.push({ x1, x2, y: by, kind });
      const text = `${periodLabel(f, lang)}${PUNCTUATION[lang].colon}${m.valueLabel}`;
      const k = sheet.key();
      sheet.tryLabel([{ x: (x1 + x2) / 2, y: top + row / 2, text, anchor: 'middle', size: small, key: k }], true);
      sheet.hits.push(hitAround({ x1, x2, y1: top, y2: by + 4 }, f, tip(f, cx, m.tipLabel), k));
    }
    top += row + 10;
  }
  const plotTop = top + lineH;
  const plotH = form === 'dots' ? (width < 480 ? 150 : 170) : width < 480 ? 110 : 130;
  s.range([plotTop + plotH, plotTop]);
  const bottom = plotTop + plotH;
  for (const v of ticks) {
    sheet.grid.push({ y: s(v), x1: plotL, x2: plotR });
    sheet.fixed({ x: plotL - 6, y: s(v), text: axisValue(v, unit, lang), anchor: 'end', size: small, muted: true });
  }
  sheet.axes.push({ y: s(0), x1: plotL, x2: plotR });
  for (let yr = from; yr <= to; yr++) {
    sheet.fixed({ x: xOf(yr + 0.5), y: bottom + lineH * 0.6, text: String(yr), anchor: 'middle', size: small, year: true });
    sheet.yearTicks.push({ x: xOf(yr), y1: bottom, y2: bottom + 4 });
  }
  sheet.yearTicks.push({ x: xOf(to + 1), y1: bottom, y2: bottom + 4 });

  const onAxis = panel.marks.filter((m) => onScale(m, from));
  const full = onAxis.filter((m) => isFullYear(m.figure));
  const span = onAxis.filter((m) => !isFullYear(m.figure));
  const pending: { candidates: Label[]; priority: number; own?: Box[] }[] = [];
  const spanBoxes: Box[] = [];
  const spanEnds = new Set<(typeof sheet.dots)[number]>();

  // full years: columns side by side within their year, or dots at the year's middle
  const byYear = new Map<number, TimeMark[]>();
  for (const m of full) byYear.set(yearOf(m.figure.period_start), [...(byYear.get(yearOf(m.figure.period_start)) ?? []), m]);
  for (const [yr, ms] of byYear) {
    const pad = colW * (form === 'dots' ? 0.2 : 0.14);
    const slot = (colW - pad * 2) / ms.length;
    ms.forEach((m, i) => {
      const f = m.figure;
      const kind = m.kind ?? markKind(f);
      drawn(kind);
      const x = xOf(yr) + pad + slot * (i + 0.5);
      const k = sheet.key();
      const priority = m.highlight ? 0 : 1;
      if (form === 'columns') {
        const x1 = xOf(yr) + pad + slot * i + 1;
        const x2 = x1 + slot - 2;
        const y1 = Math.min(s(0), s(f.value));
        const y2 = Math.max(s(0), s(f.value));
        sheet.bars.push({ x1, x2, y1, y2: Math.max(y2, y1 + 1), kind });
        sheet.hits.push(hitAround({ x1, x2, y1, y2 }, f, tip(f, cx, m.tipLabel), k));
        // above the column, centred, else flush with either edge of it (a label wider than
        // its column then keeps clear of the next column's), else beside it
        const above = y1 - fs * 0.75;
        pending.push({
          priority,
          candidates: [
            { x, y: above, text: m.valueLabel, anchor: 'middle' },
            { x: x2, y: above, text: m.valueLabel, anchor: 'end' },
            { x: x1, y: above, text: m.valueLabel, anchor: 'start' },
            { x: x2 + 3, y: y1 + fs * 0.6, text: m.valueLabel, anchor: 'start' },
            { x, y: above - fs * 1.1, text: m.valueLabel, anchor: 'middle' },
          ],
        });
      } else {
        const symbol = m.symbol ?? 'circle';
        sheet.dots.push({ x, y: s(f.value), kind, symbol });
        sheet.hits.push(hitAround({ x1: x, x2: x, y1: s(f.value), y2: s(f.value) }, f, tip(f, cx, m.tipLabel), k));
        // beside the dot, else stepped up or down from it: close values in one year stay legible
        const candidates = [0, -1, 1].flatMap((step): Label[] => [
          { x: x + 8, y: s(f.value) + step * fs * 1.1, text: m.valueLabel, anchor: 'start' },
          { x: x - 8, y: s(f.value) + step * fs * 1.1, text: m.valueLabel, anchor: 'end' },
        ]);
        pending.push({ priority, candidates });
      }
    });
  }

  // part of a year, or several years: a line over the span, a dot at its end
  for (const m of span) {
    const f = m.figure;
    const kind = m.kind ?? markKind(f);
    drawn(kind);
    if (form === 'columns') sheet.part = true;
    const x1 = xOf(yearPos(f.period_start)) + 1;
    const x2 = xOf(endPos(f.period_end)) - 1;
    const py = s(f.value);
    sheet.spans.push({ x1, x2, y: py, kind });
    const end: (typeof sheet.dots)[number] = { x: x2, y: py, kind, symbol: m.symbol ?? 'circle' };
    sheet.dots.push(end);
    spanEnds.add(end);
    const own = [
      { x1: x2 - 5, x2: x2 + 5, y1: py - 5, y2: py + 5 },
      { x1, x2, y1: py - 2, y2: py + 2 },
    ];
    spanBoxes.push(...own);
    sheet.hits.push(hitAround({ x1, x2, y1: py, y2: py }, f, tip(f, cx, m.tipLabel), sheet.key()));
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
  for (const b of sheet.bars) (b.kind === 'derived' || b.kind === 'derived-secondary' ? sheet.soft : sheet.taken).push(b);
  for (const d of sheet.dots) if (!spanEnds.has(d)) sheet.taken.push({ x1: d.x - 5, x2: d.x + 5, y1: d.y - 5, y2: d.y + 5 });
  sheet.taken.push(...spanBoxes);
  // labels stay within the panel's plot, above its year labels
  const inside = (l: Label) => l.y - fs * 0.6 >= top && l.y + fs * 0.6 <= bottom;
  pending
    .sort((a, b) => a.priority - b.priority)
    .forEach((p) => sheet.tryLabel(p.candidates.filter(inside), p.priority === 0 && form === 'columns', p.own));
  // runs of years no figure touches: one label across each run, placed after the values
  const runs = gapRuns(
    panel.marks.map((m) => m.figure),
    from,
    to,
  );
  for (const [a, b] of runs) {
    const room = xOf(b + 1) - xOf(a) - 6;
    const lines = gapLines(yearsLabel(a, b, lang), t(lang, 'chart.gapWords'), t(lang, 'chart.gapShort'), room, small);
    if (lines.length === 0) continue;
    const h = small * 1.3;
    const at = (firstY: number): Label[] =>
      lines.map((text, i) => ({ x: (xOf(a) + xOf(b + 1)) / 2, y: firstY + i * h, text, anchor: 'middle', size: small, muted: true }));
    // near the axis, else at the top of the plot
    for (const group of [at(bottom - 6 - (lines.length - 0.5) * h), at(plotTop + 4 + 0.5 * h)]) {
      if (group.some((l) => sheet.taken.some((o) => overlaps(o, sheet.boxOf(l))))) continue;
      group.forEach((l) => sheet.fixed(l));
      break;
    }
  }
  return { sheet, bottom: bottom + lineH * 1.3 };
}
