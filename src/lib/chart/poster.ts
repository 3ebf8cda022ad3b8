/**
 * Images made of blocks stacked top to bottom: share cards (1200 × 630) and the tall 一图读懂
 * images for WeChat. Texts are wrapped with the image fonts (./image-fonts.ts) like the chart
 * images' texts, charts are the same drawings (./image-layout.ts prepareChartSvg), and the
 * result is SVG whose text is still <text>, for ./image-raster.ts to draw.
 */
import { fontAttributes, textWidth, type Fonts } from './image-fonts.ts';
import { textElement, wrapText, type ChartDrawing, type PlacedLine } from './image-layout.ts';
import type { Palette } from './theme-colors.ts';

type Ink = 'fg' | 'muted' | 'accent';

export type PosterBlock =
  | { kind: 'text'; text: string; size: number; weight?: 400 | 700; ink?: Ink; maxLines?: number }
  /** two to five numbers side by side, each with its label below */
  | { kind: 'numbers'; items: { value: string; label: string }[]; size: number; labelSize: number }
  /** a chart scaled to the inner width, or smaller to fit `maxHeight` ('fill': what a fixed-height image leaves) */
  | { kind: 'chart'; chart: ChartDrawing; maxHeight?: number | 'fill' }
  /** a whole image (a chart panel) scaled to the inner width; `smallest` is its smallest text in its own px */
  | { kind: 'svg'; markup: string; width: number; height: number; texts: string[]; smallest: number }
  /** SVG markup drawn in a square box, centred (a QR code) */
  | { kind: 'square'; markup: string; size: number; caption?: string; captionSize?: number }
  | { kind: 'rule' }
  | { kind: 'gap'; height: number };

export interface PosterSpec {
  width: number;
  padding: number;
  /** a fixed height (a card); otherwise the blocks' height, at least `minHeight` */
  height?: number;
  minHeight?: number;
  /** from the top down */
  top: PosterBlock[];
  /** at the foot, from the top of the foot down */
  bottom: PosterBlock[];
  /** a band of colour along the top edge */
  band?: Ink;
}

export interface Poster {
  svg: string;
  width: number;
  height: number;
  /** every text drawn, for the glyph check and font subsetting */
  texts: string[];
  /** the smallest text size drawn, charts' labels included (their size times their scale) */
  smallestText: number;
  /** where each square block landed */
  squares: { x: number; y: number; size: number }[];
}

export const lineHeightOf = (size: number) => Math.round(size * 1.4);

/** The lines of `text` wrapped to `width`, cut to `maxLines` with an ellipsis when longer. */
export function wrapLines(text: string, fonts: Fonts, size: number, width: number, weight: 400 | 700, maxLines?: number): string[] {
  const w = weight === 700 ? 'bold' : 'regular';
  const lines = wrapText(text, fonts, size, width, w);
  if (maxLines === undefined || lines.length <= maxLines) return lines;
  const kept = lines.slice(0, maxLines);
  let last = kept[maxLines - 1] ?? '';
  while (last.length > 0 && textWidth(`${last}…`, fonts, size, w) > width) last = [...last].slice(0, -1).join('').trimEnd();
  kept[maxLines - 1] = `${last.replace(/[，。、；：,.;:]$/u, '')}…`;
  return kept;
}

/** The smallest font size a chart drawing sets (Plot's default 10 where none is set). */
export function smallestChartText(chart: ChartDrawing): number {
  const sizes = [...chart.body.matchAll(/font-size(?:="|:\s*)(\d+(?:\.\d+)?)/gu)].map((m) => Number(m[1]));
  return Math.min(10, ...sizes);
}

interface Measured {
  height: number;
  draw: (top: number) => { markup: string[]; texts: string[]; smallest: number; square?: { x: number; y: number; size: number } };
}

function measure(block: PosterBlock, spec: PosterSpec, fonts: Fonts, palette: Palette): Measured {
  const inner = spec.width - spec.padding * 2;
  const x0 = spec.padding;
  const ink = (i: Ink | undefined) => palette[i ?? 'fg'] ?? '#000';
  const placeLines = (lines: string[], x: number, top: number, size: number, weight: 400 | 700, fill: string): PlacedLine[] =>
    lines.map((text, i) => ({
      text,
      x,
      y: Math.round((top + lineHeightOf(size) * (i + 1) - lineHeightOf(size) * 0.27) * 10) / 10,
      size,
      weight,
      fill,
    }));
  switch (block.kind) {
    case 'text': {
      const weight = block.weight ?? 400;
      const lines = wrapLines(block.text, fonts, block.size, inner, weight, block.maxLines);
      return {
        height: lines.length * lineHeightOf(block.size),
        draw: (top) => ({
          markup: placeLines(lines, x0, top, block.size, weight, ink(block.ink)).map((l) => textElement(l, fonts)),
          texts: lines,
          smallest: block.size,
        }),
      };
    }
    case 'numbers': {
      const n = block.items.length;
      const gap = 32;
      const col = (inner - gap * (n - 1)) / n;
      const cols = block.items.map((it) => ({
        value: wrapLines(it.value, fonts, block.size, col, 700, 2),
        label: wrapLines(it.label, fonts, block.labelSize, col, 400, 2),
      }));
      const h = Math.max(...cols.map((c) => c.value.length * lineHeightOf(block.size) + c.label.length * lineHeightOf(block.labelSize)));
      return {
        height: h,
        draw: (top) => {
          const markup: string[] = [];
          cols.forEach((c, i) => {
            const x = Math.round((x0 + i * (col + gap)) * 10) / 10;
            const vh = c.value.length * lineHeightOf(block.size);
            markup.push(...placeLines(c.value, x, top, block.size, 700, ink('accent')).map((l) => textElement(l, fonts)));
            markup.push(...placeLines(c.label, x, top + vh, block.labelSize, 400, ink('muted')).map((l) => textElement(l, fonts)));
          });
          return { markup, texts: cols.flatMap((c) => [...c.value, ...c.label]), smallest: block.labelSize };
        },
      };
    }
    case 'chart': {
      const { chart } = block;
      const maxHeight = typeof block.maxHeight === 'number' ? block.maxHeight : undefined;
      const scale = Math.min(inner / chart.width, maxHeight === undefined ? Infinity : maxHeight / chart.height);
      const w = chart.width * scale;
      const h = chart.height * scale;
      return {
        height: Math.ceil(h),
        draw: (top) => ({
          markup: [
            `<svg x="${(x0 + (inner - w) / 2).toFixed(1)}" y="${top}" width="${w.toFixed(1)}" height="${h.toFixed(1)}" viewBox="0 0 ${chart.width} ${chart.height}" overflow="visible">${chart.body}</svg>`,
          ],
          texts: chart.texts,
          smallest: smallestChartText(chart) * scale,
        }),
      };
    }
    case 'svg': {
      const scale = inner / block.width;
      const h = block.height * scale;
      const open = /^[\s\S]*?<svg\b[^>]*>/u.exec(block.markup)?.[0] ?? '';
      const body = block.markup.slice(open.length).replace(/<\/svg>\s*$/u, '');
      return {
        height: Math.ceil(h),
        draw: (top) => ({
          markup: [
            `<svg x="${x0}" y="${top}" width="${inner}" height="${h.toFixed(1)}" viewBox="0 0 ${block.width} ${block.height}" overflow="visible">${body}</svg>`,
          ],
          texts: block.texts,
          smallest: block.smallest * scale,
        }),
      };
    }
    case 'square': {
      const captionSize = block.captionSize ?? 28;
      const caption = block.caption ? wrapLines(block.caption, fonts, captionSize, inner, 400) : [];
      return {
        height: block.size + (caption.length > 0 ? 12 + caption.length * lineHeightOf(captionSize) : 0),
        draw: (top) => {
          const x = Math.round(x0 + (inner - block.size) / 2);
          const capLines = placeLines(caption, 0, top + block.size + 12, captionSize, 400, ink('muted')).map((l) => {
            const w = textWidth(l.text, fonts, captionSize);
            return { ...l, x: Math.round((x0 + (inner - w) / 2) * 10) / 10 };
          });
          return {
            markup: [
              `<svg x="${x}" y="${top}" width="${block.size}" height="${block.size}" ${block.markup.slice(block.markup.indexOf('viewBox'), block.markup.indexOf('>'))}>${block.markup.replace(/^[\s\S]*?<svg[^>]*>|<\/svg>\s*$/gu, '')}</svg>`,
              ...capLines.map((l) => textElement(l, fonts)),
            ],
            texts: caption,
            smallest: caption.length > 0 ? captionSize : Infinity,
            square: { x, y: top, size: block.size },
          };
        },
      };
    }
    case 'rule':
      return {
        height: 2,
        draw: (top) => ({
          markup: [
            `<line x1="${x0}" x2="${x0 + inner}" y1="${top + 1}" y2="${top + 1}" stroke="${palette['rule'] ?? '#ccc'}" stroke-width="2"/>`,
          ],
          texts: [],
          smallest: Infinity,
        }),
      };
    case 'gap':
      return { height: block.height, draw: () => ({ markup: [], texts: [], smallest: Infinity }) };
  }
}

/** The poster as SVG whose text is still <text>. */
export function composePoster(spec: PosterSpec, fonts: Fonts, palette: Palette): Poster {
  const sum = (ms: Measured[]) => ms.reduce((h, m) => h + m.height, 0);
  const isFill = (b: PosterBlock) => b.kind === 'chart' && b.maxHeight === 'fill';
  // the blocks of fixed size first; a 'fill' chart then takes what is left of a fixed height
  const fixed = [...spec.top, ...spec.bottom].filter((b) => !isFill(b)).map((b) => measure(b, spec, fonts, palette));
  const left = (spec.height ?? Infinity) - spec.padding * 2 - sum(fixed);
  const measureAll = (bs: PosterBlock[]) =>
    bs.map((b) =>
      isFill(b) && b.kind === 'chart'
        ? measure({ ...b, maxHeight: Math.max(0, Math.floor(left) - 1) }, spec, fonts, palette)
        : measure(b, spec, fonts, palette),
    );
  const top = measureAll(spec.top);
  const bottom = measureAll(spec.bottom);
  const natural = spec.padding * 2 + sum(top) + sum(bottom);
  const height = spec.height ?? Math.max(natural, spec.minHeight ?? 0);
  if (spec.height !== undefined && natural > spec.height)
    throw new Error(
      `poster: the blocks need ${natural} px but the image is ${spec.height} px tall ("${spec.top.find((b) => b.kind === 'text')?.text ?? ''}")`,
    );
  const markup: string[] = [];
  const texts: string[] = [];
  const squares: Poster['squares'] = [];
  let smallest = Infinity;
  const run = (ms: Measured[], from: number) => {
    let y = from;
    for (const m of ms) {
      const d = m.draw(y);
      markup.push(...d.markup);
      texts.push(...d.texts);
      smallest = Math.min(smallest, d.smallest);
      if (d.square) squares.push(d.square);
      y += m.height;
    }
  };
  run(top, spec.padding);
  run(bottom, height - spec.padding - sum(bottom));
  const band = spec.band ? `<rect width="${spec.width}" height="12" fill="${palette[spec.band] ?? '#000'}"/>` : '';
  const svg = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${spec.width}" height="${height}" viewBox="0 0 ${spec.width} ${height}" ${fontAttributes(fonts)}>`,
    `<rect width="100%" height="100%" fill="${palette['bg'] ?? '#fff'}"/>`,
    band,
    ...markup,
    '</svg>',
  ].join('\n');
  return { svg, width: spec.width, height, texts, smallestText: smallest, squares };
}
