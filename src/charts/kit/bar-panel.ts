/**
 * One panel of sorted bars for one period, e.g. places. Every bar panel of a chart shares one
 * scale (barScale): rankings side by side in one unit are compared by length. On a phone a
 * bar's label sits above it; where the labels fit beside the bars, beside them.
 */
import type { ChartWords } from '../../lib/chart/types.ts';
import { LEFT_EDGE, markKind, textWidth, tip, wrapText, type MarkKind } from './chart-kit.ts';
import { HIT, hitAround } from './marks.ts';
import { Sheet } from './sheet.ts';
import type { TimeMark } from './time-panel.ts';

export interface BarPanel {
  rank: true;
  title: string;
  bars: (TimeMark & { label: string })[];
  notes?: string[];
}

/** What every bar panel of a chart shares: where labels go, and one value scale. */
export interface BarScale {
  /** labels beside the bars (else above each) */
  beside: boolean;
  labelW: number;
  /** value to x */
  scale: (v: number) => number;
}

/** One scale for all the bar panels given, with room for the labels at either end. */
export function barScale(panels: readonly BarPanel[], width: number, fs: number): BarScale {
  const all = panels.flatMap((p) => p.bars);
  const labelW = Math.max(0, ...all.map((b) => textWidth(b.label, fs))) + 10;
  const beside = labelW <= width * 0.45;
  const valueW = Math.max(0, ...all.map((b) => textWidth(b.valueLabel, fs))) + 12;
  const lo = Math.min(0, ...all.map((b) => b.figure.value));
  const hi = Math.max(0, ...all.map((b) => b.figure.value));
  // negative values run left of zero, with room for their labels on that side
  const negW = lo < 0 ? Math.max(...all.filter((b) => b.figure.value < 0).map((b) => textWidth(b.valueLabel, fs))) + 8 : 0;
  const xLeft = (beside ? labelW : 0) + negW;
  const xMax = width - valueW;
  const scale = (v: number) => xLeft + ((v - lo) / (hi - lo || 1)) * (xMax - xLeft);
  return { beside, labelW, scale };
}

/** Lays out one bar panel from `top` on a sheet of its own; returns the sheet and where the panel ends. */
export function barPanel(
  panel: BarPanel,
  shared: BarScale,
  cx: ChartWords & { width: number; fs: number },
  top: number,
  firstKey = 0,
): { sheet: Sheet; bottom: number } {
  const { width, fs } = cx;
  const { beside, scale: px } = shared;
  const sheet = new Sheet(width, fs, firstKey);
  const sorted = [...panel.bars].sort((a, b) => b.figure.value - a.figure.value);
  const x0 = px(0);
  const barH = Math.max(16, Math.round(fs * 1.3));
  let y = top;
  for (const b of sorted) {
    const f = b.figure;
    const kind: MarkKind = b.kind ?? markKind(f);
    sheet.kinds.push(kind);
    const k = sheet.key();
    const xv = px(f.value);
    const x1 = Math.min(x0, xv);
    const x2 = Math.max(x0, xv, x1 + 1);
    if (!beside) {
      const lh = Math.round(fs * 1.3);
      const lines = wrapText(b.label, width - 4, fs);
      lines.forEach((text, i) => sheet.fixed({ x: LEFT_EDGE, y: y + lh * (i + 0.5), text, anchor: 'start', key: k }));
      y += lh * lines.length;
    }
    const rowH = Math.max(barH + 8, 26);
    const y1 = y + (rowH - barH) / 2;
    if (beside) sheet.fixed({ x: LEFT_EDGE, y: y + rowH / 2, text: b.label, anchor: 'start', key: k });
    sheet.bars.push({ x1, x2, y1, y2: y1 + barH, kind });
    sheet.fixed(
      f.value < 0
        ? { x: x1 - 5, y: y + rowH / 2, text: b.valueLabel, anchor: 'end' }
        : { x: x2 + 5, y: y + rowH / 2, text: b.valueLabel, anchor: 'start' },
    );
    sheet.hits.push(hitAround({ x1, x2: Math.max(x2, x1 + HIT), y1, y2: y1 + barH }, f, tip(f, cx, b.tipLabel), k));
    y += rowH;
  }
  sheet.zeroLines.push({ x: x0, y1: top, y2: y });
  return { sheet, bottom: y + 4 };
}
