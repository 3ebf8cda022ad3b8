/**
 * The layout of a chart's static image: the chart's SVG prepared for a file (concrete light
 * colours, the image's faces named), the texts wrapped with the real fonts (so wrapping is
 * exact), and title, legend, chart, notes and credits placed top to bottom, as SVG whose text
 * is still <text> (./image-raster.ts turns it into paths and pixels).
 */
import { parseHTML } from 'linkedom';
import { resolveCssVariables, type Palette } from './theme-colors.ts';
import { escapeHtml } from '../text/escape-html.ts';
import { fontAttributes, fontRuns, textWidth, type FontWeightName, type Fonts } from './image-fonts.ts';
import { SWATCH, swatchMarkup } from './legend.ts';
import type { LegendEntry, Swatch } from './types.ts';
import { wrapLines } from '../text/text-layout.ts';

/** Lines by the site's one breaking rule (src/lib/text/text-layout.ts), measured in the image's fonts. */
export function wrapText(text: string, fonts: Fonts, size: number, maxWidth: number, weight: FontWeightName = 'regular'): string[] {
  return wrapLines(text, maxWidth, (s) => textWidth(s, fonts, size, weight));
}

export interface ChartDrawing {
  /** inner markup of the chart's <svg>, colours already concrete */
  body: string;
  width: number;
  height: number;
  /** every text the chart draws, for the glyph check */
  texts: string[];
}

/**
 * Prepares the SVG that renderPlotSvg (render-svg.ts) produced for a file: concrete light colours instead of
 * CSS variables, the image's fonts (each run of text a face does not draw named in a <tspan>),
 * text in ink (as the site's stylesheet draws it), and none of the keyboard and tooltip
 * attributes that only make sense on a page.
 */
export function prepareChartSvg(markup: string, palette: Palette, where: string, fonts: Fonts): ChartDrawing {
  const { document } = parseHTML(`<!doctype html><html><body>${markup}</body></html>`);
  const svgs = [...document.querySelectorAll('svg')].filter((s) => s.parentElement?.closest('svg') === null);
  const svg = svgs[0];
  if (!svg || svgs.length > 1 || document.body.firstElementChild !== svg) {
    throw new Error(
      `${where}: the chart must render to a single <svg> (a Plot figure with HTML legends or captions cannot go into a static image)`,
    );
  }
  const viewBox = (svg.getAttribute('viewBox') ?? '').split(/[\s,]+/u).map(Number);
  const [, , width, height] = viewBox;
  if (viewBox.length !== 4 || !width || !height)
    throw new Error(`${where}: the chart's <svg> has no usable viewBox ("${svg.getAttribute('viewBox') ?? ''}")`);
  for (const el of [...svg.querySelectorAll('style')]) el.remove();
  for (const el of [svg, ...svg.querySelectorAll('*')]) {
    for (const a of [
      'tabindex',
      'role',
      'aria-label',
      'aria-description',
      'aria-hidden',
      'data-tip',
      'data-href',
      'data-key',
      'data-for',
      'font-family',
    ])
      el.removeAttribute(a);
  }
  const ink = palette['chart-ink'];
  if (!ink) throw new Error(`${where}: the light palette has no --chart-ink`);
  for (const text of [...svg.querySelectorAll('text')]) {
    if (!/(^|;)\s*fill\s*:/u.test(text.getAttribute('style') ?? '')) text.setAttribute('fill', ink);
  }
  const texts = [...svg.querySelectorAll('text')].map((el) => el.textContent ?? '');
  for (const text of [...svg.querySelectorAll('text')]) nameFaces(text, fonts);
  // Plot sets the text anchor of unanchored text ("middle") on its root <svg>, which the
  // image replaces: keep it on a group around the marks, or centred labels start at their point
  const anchor = svg.getAttribute('text-anchor');
  const inner = resolveCssVariables(svg.innerHTML, palette, where).replace(/currentColor/gu, ink);
  const body = anchor ? `<g text-anchor="${anchor}">${inner}</g>` : inner;
  return { body, width, height, texts };
}

/**
 * Names the face of each piece of a chart's text that the first face cannot draw whole: the
 * first face that has all its characters (for English, Noto Sans SC). The chart placed the
 * piece by its own anchor and measure, so it is not cut into positioned runs as the image's
 * lines are: its English, if any, is drawn in Noto Sans SC as it would have been before the
 * English images had a Latin font. The weight a chart gives its text is not looked up: both
 * weights of each font package cover the same characters (test/unit/static-image.test.ts).
 */
function nameFaces(text: Element, fonts: Fonts): void {
  const doc = text.ownerDocument;
  const visit = (node: Node): void => {
    for (const child of [...node.childNodes]) {
      if (child.nodeType === 1 && child.nodeName.toLowerCase() === 'tspan') visit(child);
      if (child.nodeType !== 3) continue;
      const chars = [...(child.textContent ?? '')].filter((ch) => !/\s/u.test(ch)).map((ch) => ch.codePointAt(0) ?? 0);
      if (chars.every((cp) => fonts.faces[0]?.regular.hasGlyphForCodePoint(cp))) continue;
      const face = fonts.faces.find((f) => chars.every((cp) => f.regular.hasGlyphForCodePoint(cp)));
      // a character no face has: missingGlyphs stops the build
      if (!face) continue;
      const span = doc.createElementNS('http://www.w3.org/2000/svg', 'tspan');
      span.setAttribute('font-family', face.family);
      span.textContent = child.textContent;
      (child as ChildNode).replaceWith(span);
    }
  };
  visit(text);
}

export interface ImageText {
  title: string;
  subtitle: string;
  notes: string[];
  sourceLine: string;
  /** 制图日期：… */
  date: string;
  /** the site's name and the chart page's address */
  address: string;
  /** accessible description of the file: the main finding */
  description: string;
  /** the chart's legend, drawn between the subtitle and the chart */
  legend: LegendEntry[];
}

export interface Layout {
  /** CSS px */
  width: number;
  /** the image is at least this tall; the credits sit at its foot */
  minHeight?: number;
  padding: number;
}

export interface PlacedLine {
  text: string;
  x: number;
  /** baseline */
  y: number;
  size: number;
  weight: 400 | 700;
  fill: string;
}

export interface ImageLayout {
  width: number;
  height: number;
  background: string;
  /** title and subtitle: the band above the chart holds nothing else */
  head: PlacedLine[];
  /** notes, source line, date, address */
  rest: PlacedLine[];
  /** the legend's swatches (their labels are in `head`) */
  swatches: { swatch: Swatch; x: number; y: number; markup: string }[];
  chart: { x: number; y: number; width: number; height: number };
  rule: { x1: number; x2: number; y: number; stroke: string };
}

const lineHeight = (size: number) => Math.round(size * 1.45);
const GAP = 12;
const RULE_GAP = 16;

/** Places the texts and the chart top to bottom; the credits sit at the foot of the image. */
export function layoutImage(
  text: ImageText,
  chart: Pick<ChartDrawing, 'width' | 'height'>,
  layout: Layout,
  palette: Palette,
  f: Fonts,
): ImageLayout {
  const { width, padding } = layout;
  const inner = width - padding * 2;
  const fg = palette['fg'] ?? '#000';
  const muted = palette['muted'] ?? fg;
  type Block = { text: string; size: number; weight: 400 | 700; fill: string }[];
  const block = (s: string, size: number, weight: 400 | 700, fill: string): Block =>
    wrapText(s, f, size, inner, weight === 700 ? 'bold' : 'regular').map((l) => ({ text: l, size, weight, fill }));
  const heightOf = (b: Block) => b.reduce((h, l) => h + lineHeight(l.size), 0);
  const place = (b: Block, top: number): PlacedLine[] => {
    let y = top;
    return b.map((l) => {
      y += lineHeight(l.size);
      // the baseline sits about a quarter of the line height above the line's foot
      return { ...l, x: padding, y: Math.round((y - lineHeight(l.size) * 0.27) * 10) / 10 };
    });
  };
  const head = [...block(text.title, 20, 700, fg), ...block(text.subtitle, 14, 400, muted)];
  const notes = text.notes.flatMap((n) => block(n, 12, 400, muted));
  const foot = [...block(text.sourceLine, 12, 400, muted), ...block(text.date, 12, 400, muted), ...block(text.address, 12, 400, muted)];

  // the legend: swatch and words side by side, as many to a line as fit
  const legendSize = 12;
  const legendLineH = lineHeight(legendSize) + 2;
  const legendTop = padding + heightOf(head) + 6;
  const swatches: ImageLayout['swatches'] = [];
  const legendLines: PlacedLine[] = [];
  let lx = padding;
  let row = 0;
  for (const e of text.legend) {
    const w = SWATCH.width + 4 + textWidth(e.label, f, legendSize);
    if (lx > padding && lx + w > width - padding) {
      lx = padding;
      row += 1;
    }
    const top = legendTop + row * legendLineH;
    swatches.push({
      swatch: e.swatch,
      x: lx,
      y: top + (legendLineH - SWATCH.height) / 2,
      markup: resolveCssVariables(swatchMarkup(e.swatch), palette, 'legend swatch'),
    });
    legendLines.push({
      text: e.label,
      x: Math.round((lx + SWATCH.width + 4) * 10) / 10,
      y: Math.round((top + legendLineH * 0.7) * 10) / 10,
      size: legendSize,
      weight: 400,
      fill: fg,
    });
    lx += w + 14;
  }
  const legendH = text.legend.length > 0 ? (row + 1) * legendLineH + 6 : 0;

  const scale = Math.min(1, inner / chart.width);
  const chartBox = { x: padding, y: padding + heightOf(head) + legendH + GAP, width: chart.width * scale, height: chart.height * scale };
  const natural = chartBox.y + chartBox.height + GAP + heightOf(notes) + GAP + RULE_GAP + heightOf(foot) + padding;
  const height = Math.ceil(Math.max(natural, layout.minHeight ?? 0));
  // a short chart in a tall image: the whole frame moves to the middle, no empty band inside it
  const shift = Math.floor((height - natural) / 2);
  chartBox.y += shift;
  const footTop = height - shift - padding - heightOf(foot);
  return {
    width,
    height,
    background: palette['bg'] ?? '#fff',
    head: [...place(head, padding + shift), ...legendLines.map((l) => ({ ...l, y: l.y + shift }))],
    swatches: swatches.map((w) => ({ ...w, y: w.y + shift })),
    rest: [...place(notes, chartBox.y + chartBox.height + GAP), ...place(foot, footTop)],
    chart: chartBox,
    rule: { x1: padding, x2: width - padding, y: footTop - RULE_GAP / 2, stroke: palette['rule'] ?? muted },
  };
}

/**
 * A placed line. A line in more than one face is cut into runs, each its own chunk at the x
 * its measured advance puts it (see Fonts), naming its face when it is not the first.
 */
export function textElement(l: PlacedLine, fonts: Fonts): string {
  const weight = l.weight === 700 ? 'bold' : 'regular';
  let x = l.x;
  const inner = fontRuns(l.text, fonts, weight)
    .map((r, i) => {
      const at = Math.round(x * 100) / 100;
      x += textWidth(r.text, fonts, l.size, weight);
      const family = r.face === 0 ? '' : ` font-family="${fonts.faces[r.face]?.family ?? ''}"`;
      if (i === 0) return family ? `<tspan${family}>${escapeHtml(r.text)}</tspan>` : escapeHtml(r.text);
      return `<tspan x="${at}"${family}>${escapeHtml(r.text)}</tspan>`;
    })
    .join('');
  return `<text x="${l.x}" y="${l.y}" font-size="${l.size}" font-weight="${l.weight}" fill="${l.fill}">${inner}</text>`;
}

/** A legend swatch, placed. */
export function swatchElement(w: ImageLayout['swatches'][number]): string {
  return `<svg x="${w.x}" y="${w.y}" width="${SWATCH.width}" height="${SWATCH.height}" viewBox="0 0 ${SWATCH.width} ${SWATCH.height}" overflow="visible">${w.markup}</svg>`;
}

/** The image as SVG whose text is still <text> (resvg turns it into paths). */
export function composeImageSvg(box: ImageLayout, chart: ChartDrawing, fonts: Fonts): string {
  const c = box.chart;
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${box.width}" height="${box.height}" viewBox="0 0 ${box.width} ${box.height}" ${fontAttributes(fonts)}>`,
    `<rect width="100%" height="100%" fill="${box.background}"/>`,
    ...box.head.map((l) => textElement(l, fonts)),
    ...box.swatches.map(swatchElement),
    `<svg x="${c.x}" y="${c.y}" width="${c.width.toFixed(1)}" height="${c.height.toFixed(1)}" viewBox="0 0 ${chart.width} ${chart.height}" overflow="visible">${chart.body}</svg>`,
    ...box.rest.map((l) => textElement(l, fonts)),
    `<line x1="${box.rule.x1}" x2="${box.rule.x2}" y1="${box.rule.y}" y2="${box.rule.y}" stroke="${box.rule.stroke}" stroke-width="1"/>`,
    '</svg>',
  ].join('\n');
}

/** Every text in the image, for the glyph check. */
export function imageTexts(text: ImageText, chart: ChartDrawing): string[] {
  return [
    text.title,
    text.subtitle,
    ...text.legend.map((e) => e.label),
    ...text.notes,
    text.sourceLine,
    text.date,
    text.address,
    ...chart.texts,
  ];
}
