/**
 * A panel's drawing in pixels: the panel modules (time-panel.ts, bar-panel.ts) each fill a
 * sheet of their own, placing every label where it overlaps no other label and no mark, and
 * sheetMarks turns the sheets of one chart, top to bottom, into Plot marks on identity
 * scales (every x and y a CSS pixel), so placement is decided here and never left to chance.
 */
import * as Plot from '@observablehq/plot';
import { COLORS } from '../../lib/chart/types.ts';
import { LEFT_EDGE, STYLES, textWidth, wrapText, type MarkKind } from './chart-kit.ts';
import { hitMark, keyedText, type Hit } from './marks.ts';

export type Symbol = 'circle' | 'square' | 'diamond';

export interface Label {
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

export interface Box {
  x1: number;
  x2: number;
  y1: number;
  y2: number;
}

export function overlaps(a: Box, b: Box): boolean {
  return a.x1 < b.x2 && b.x1 < a.x2 && a.y1 < b.y2 && b.y1 < a.y2;
}

export class Sheet {
  readonly labels: Label[] = [];
  /** what a label must keep clear of: marks and placed labels */
  readonly taken: Box[] = [];
  /** computed columns: faintly filled, a label may sit over one when nothing else is free */
  readonly soft: Box[] = [];
  readonly bars: (Box & { kind: MarkKind })[] = [];
  readonly spans: { x1: number; x2: number; y: number; kind: MarkKind }[] = [];
  readonly dots: { x: number; y: number; kind: MarkKind; symbol: Symbol }[] = [];
  readonly brackets: { x1: number; x2: number; y: number; kind: MarkKind }[] = [];
  readonly grid: { y: number; x1: number; x2: number }[] = [];
  readonly axes: { y: number; x1: number; x2: number }[] = [];
  readonly yearTicks: { x: number; y1: number; y2: number }[] = [];
  readonly zeroLines: { x: number; y1: number; y2: number }[] = [];
  readonly hits: Hit[] = [];
  /** the kinds of figure drawn, for the legend, in the order met */
  readonly kinds: MarkKind[] = [];
  /** a figure for part of a year is drawn (a line over its months) */
  part = false;

  /**
   * @param width the drawing's width: no label leaves it
   * @param fs the chart's text size
   * @param nextKey the number of this sheet's first mark key (keys run on across a chart's sheets)
   */
  constructor(
    readonly width: number,
    readonly fs: number,
    public nextKey = 0,
  ) {}

  /** A new key tying a mark's hit area to its labels. */
  key(): string {
    return `m${this.nextKey++}`;
  }

  boxOf(l: Label): Box {
    const w = textWidth(l.text, l.size ?? this.fs);
    const x1 = l.anchor === 'start' ? l.x : l.anchor === 'end' ? l.x - w : l.x - w / 2;
    const h = (l.size ?? this.fs) * 1.2;
    // a little air around each label: readers' fonts differ
    return { x1: x1 - 3, x2: x1 + w + 3, y1: l.y - h / 2, y2: l.y + h / 2 };
  }

  /** Places a label at the first candidate position that is inside the drawing and free. */
  tryLabel(candidates: Label[], force = false, own: readonly Box[] = []): boolean {
    // first clear of everything; then over a computed column's faint fill, never over a solid mark or a label
    for (const avoid of [[...this.taken, ...this.soft], this.taken]) {
      for (const c of candidates) {
        const b = this.boxOf(c);
        if (b.x1 + 3 < 0 || b.x2 - 3 > this.width) continue;
        // a label may touch its own mark (the dot at the end of its span), no other
        if (avoid.some((o) => !own.includes(o) && overlaps(o, b))) continue;
        this.labels.push(c);
        this.taken.push(b);
        return true;
      }
    }
    if (force && candidates[0]) {
      // shift the first candidate inside the drawing
      const c = candidates[0];
      const b = this.boxOf(c);
      const dx = b.x1 < 0 ? -b.x1 : b.x2 > this.width ? this.width - b.x2 : 0;
      this.fixed({ ...c, x: c.x + dx });
      return true;
    }
    return false;
  }

  /** A label where it is asked to go. */
  fixed(l: Label): void {
    this.labels.push(l);
    this.taken.push(this.boxOf(l));
  }

  /** Text across the drawing's width from `top`, broken into lines; returns its height. */
  textBlock(text: string, top: number, opts: Partial<Label> = {}): number {
    const size = opts.size ?? this.fs;
    const lh = Math.round(size * 1.4);
    const ls = wrapText(text, this.width - 4, size, opts.weight === 'bold' ? 'bold' : 'normal');
    ls.forEach((s, i) => this.fixed({ x: LEFT_EDGE, y: top + lh * (i + 0.5), text: s, anchor: 'start', ...opts }));
    return lh * ls.length;
  }
}

const isDerived = (k: MarkKind) => k === 'derived' || k === 'derived-secondary';

/** The marks of a chart's sheets, top to bottom: bars, rules, spans, dots, brackets, then text, then the hit areas above all. */
export function sheetMarks(sheets: readonly Sheet[], fs: number): Plot.Markish[] {
  const all = <T>(pick: (s: Sheet) => readonly T[]): T[] => sheets.flatMap(pick);
  const labels = all((s) => s.labels);
  const bars = all((s) => s.bars);
  const spans = all((s) => s.spans);
  const dots = all((s) => s.dots);
  const brackets = all((s) => s.brackets);
  const small = Math.max(12, fs - 1);
  const kinds = [...new Set([...bars, ...spans, ...dots, ...brackets].map((b) => b.kind))];
  const color = (k: MarkKind) => STYLES[k].stroke;
  const text = (filter: (l: Label) => boolean, extra: Plot.TextOptions) =>
    keyedText(labels.filter(filter), { x: 'x', y: 'y', text: 'text', lineAnchor: 'middle', fill: COLORS.ink, fontSize: fs, ...extra });
  const sizes = [...new Set(labels.map((l) => l.size ?? fs))];
  return [
    Plot.ruleY(
      all((s) => s.grid),
      { y: 'y', x1: 'x1', x2: 'x2', stroke: COLORS.grid, ariaHidden: 'true' },
    ),
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
    Plot.ruleY(
      all((s) => s.axes),
      { y: 'y', x1: 'x1', x2: 'x2', stroke: COLORS.ink, ariaHidden: 'true' },
    ),
    Plot.ruleX(
      all((s) => s.zeroLines),
      { x: 'x', y1: 'y1', y2: 'y2', stroke: COLORS.ink, ariaHidden: 'true' },
    ),
    Plot.ruleX(
      all((s) => s.yearTicks),
      { x: 'x', y1: 'y1', y2: 'y2', stroke: COLORS.muted, ariaHidden: 'true' },
    ),
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
          strokeDasharray: isDerived(k) ? '5 3' : undefined,
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
            fill: isDerived(k) ? COLORS.grid : color(k),
            stroke: color(k),
            strokeWidth: 1.5,
            strokeDasharray: isDerived(k) ? '2 1.5' : undefined,
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
          strokeDasharray: isDerived(k) ? '5 3' : undefined,
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
    hitMark(all((s) => s.hits)),
  ];
}
