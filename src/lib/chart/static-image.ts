/**
 * Static images of a chart for editors (print, social posts, messaging apps): the chart with
 * its title, subtitle, notes, source line, date and the site's address drawn in, in the
 * light palette. Text is laid out here (measured with the real fonts, so wrapping is exact),
 * then resvg turns every glyph into a path for the SVG file and rasterises the PNGs, with
 * the packaged fonts loaded explicitly (./image-fonts.ts): Noto Sans SC for the Chinese
 * edition, Noto Sans with Noto Sans SC for the Chinese it quotes in the English one. The files
 * look the same on any machine, with or without those fonts installed.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { create, type Font } from 'fontkitten';
import subsetFont from 'subset-font';
import { parseHTML } from 'linkedom';
import { Resvg } from '@resvg/resvg-js';
import type { Lang } from '../../i18n/index.ts';
import { resolveCssVariables, type Palette } from './theme-colors.ts';
import { escapeHtml } from '../text/escape-html.ts';
import { CJK_FAMILY, cjkFontFiles, fontFiles, IMAGE_FONTS, type FontWeightName } from './image-fonts.ts';
import { SWATCH, swatchMarkup } from './legend.ts';
import type { LegendEntry, Swatch } from './types.ts';
import { wrapLines } from '../text/text-layout.ts';

export { CJK_FAMILY, cjkFontFiles };

export interface Face {
  /** the family name the SVG asks resvg for */
  family: string;
  regular: Font;
  bold: Font;
  files: Record<FontWeightName, string>;
}

/**
 * The faces one edition's images are drawn with, in order: each character in the first that
 * has its glyph. resvg cannot be left to fall back by itself: it shapes the whole of a text
 * chunk (the text up to the next x or y) in each face asked for, and where a face lacks a
 * character it takes the first loaded face that has it, whatever its weight, for the whole
 * chunk; Noto Sans SC has Latin too, so one Chinese character would put a line's English in
 * Noto Sans SC Regular. So each run of one face is its own chunk, naming its face (textElement).
 */
export interface Fonts {
  faces: readonly Face[];
  /** false turns resvg's kerning off (see IMAGE_FONTS) */
  kerning: boolean;
}

const loaded = new Map<Lang, Fonts>();

export function loadFonts(lang: Lang): Fonts {
  const known = loaded.get(lang);
  if (known) return known;
  const { fonts: packages, kerning } = IMAGE_FONTS[lang];
  const faces = packages.map((pkg): Face => {
    const files = fontFiles(pkg);
    const open = (weight: FontWeightName): Font => {
      const font = create(readFileSync(files[weight]));
      if (!font || font.isCollection || font.postscriptName !== pkg.postscript[weight])
        throw new Error(`static images: ${files[weight]} is not the single face ${pkg.postscript[weight]}`);
      return font;
    };
    return { family: pkg.family, regular: open('regular'), bold: open('bold'), files };
  });
  const fonts = { faces, kerning };
  loaded.set(lang, fonts);
  return fonts;
}

/**
 * The same faces with their files cut down to the characters of `text`, written into `dir`, for
 * resvg. resvg reads a font file anew for every chunk of text it shapes, and Noto Sans SC is
 * 8 MB a weight: a chart's 1080 px PNG took 0.7 s to read its text and 0.2 s to draw it. Cut to
 * the few hundred characters an edition's images use (hb-subset, through subset-font), it reads
 * in 0.02 s and draws the same pixels and the same glyph paths, byte for byte. Name IDs 16 and
 * 17 stay: resvg finds a face by its typographic family and weight there, and without them a
 * Bold subset would be taken for a family of its own and bold text drawn in Regular.
 * The measuring fonts (`regular`, `bold`) stay whole. A character of `text` that a whole face
 * draws and its subset does not is an error, not a gap in an image.
 */
export async function subsetFonts(fonts: Fonts, text: string, dir: string): Promise<Fonts> {
  const chars = [...new Set(text)].join('');
  const faces = await Promise.all(
    fonts.faces.map(async (face, i): Promise<Face> => {
      const cut = async (weight: FontWeightName): Promise<string> => {
        const file = join(dir, `${i}-${basename(face.files[weight])}`);
        const data = await subsetFont(readFileSync(face.files[weight]), chars, {
          targetFormat: 'sfnt',
          preserveNameIds: [0, 1, 2, 3, 4, 5, 6, 16, 17],
        });
        const subset = create(data);
        if (!subset || subset.isCollection) throw new Error(`static images: the subset of ${face.files[weight]} is not a single face`);
        const lost = [...chars].filter((ch) => {
          const cp = ch.codePointAt(0) ?? 0;
          return face[weight].hasGlyphForCodePoint(cp) && !subset.hasGlyphForCodePoint(cp);
        });
        if (lost.length > 0) throw new Error(`static images: the subset of ${face.files[weight]} lost ${lost.join(' ')}`);
        writeFileSync(file, data);
        return file;
      };
      return { ...face, files: { regular: await cut('regular'), bold: await cut('bold') } };
    }),
  );
  return { ...fonts, faces };
}

/** Every character the text of SVG markup holds, with its entities (&amp;, &#x4E2D;) read. */
export function svgCharacters(markup: string): string {
  const { document } = parseHTML(`<!doctype html><html><body>${markup}</body></html>`);
  return document.body.textContent ?? '';
}

/** The faces' families for an SVG font-family attribute, the first one first. */
export function fontFamilyList(fonts: Fonts): string {
  return fonts.faces.map((f) => f.family).join(', ');
}

/** The attributes of an image's root <svg> that choose how its text is drawn. */
export function fontAttributes(fonts: Fonts): string {
  return `font-family="${fontFamilyList(fonts)}"${fonts.kerning ? '' : ' style="font-kerning:none"'}`;
}

/**
 * Index of the face that draws the character: the first with a glyph for it, or the first
 * face when none has one (it draws its empty box; missingGlyphs stops the build before that).
 */
function faceOf(codePoint: number, fonts: Fonts, weight: FontWeightName): number {
  const i = fonts.faces.findIndex((f) => f[weight].hasGlyphForCodePoint(codePoint));
  return i < 0 ? 0 : i;
}

/** The text cut where the face that draws it changes. */
export function fontRuns(text: string, fonts: Fonts, weight: FontWeightName = 'regular'): { text: string; face: number }[] {
  const runs: { text: string; face: number }[] = [];
  for (const ch of text) {
    const face = faceOf(ch.codePointAt(0) ?? 0, fonts, weight);
    const last = runs[runs.length - 1];
    if (last && last.face === face) last.text += ch;
    else runs.push({ text: ch, face });
  }
  return runs;
}

/**
 * Advance width of a string in CSS px, each character in the face that draws it; no kerning,
 * which CJK text and tabular figures do not use and which only ever narrows Noto Sans's Latin
 * by a fraction of a pixel, so a line measured to fit still fits.
 */
export function textWidth(text: string, fonts: Fonts, size: number, weight: FontWeightName = 'regular'): number {
  const units = fonts.faces.map(() => 0);
  for (const ch of text) {
    const cp = ch.codePointAt(0) ?? 0;
    const i = faceOf(cp, fonts, weight);
    units[i] = (units[i] ?? 0) + (fonts.faces[i]?.[weight].glyphForCodePoint(cp).advanceWidth ?? 0);
  }
  return units.reduce((w, u, i) => w + (u / (fonts.faces[i]?.[weight].unitsPerEm ?? 1000)) * size, 0);
}

/** Characters no face has a glyph for, in either weight, which would print as empty boxes ("tofu"). */
export function missingGlyphs(text: string, fonts: Fonts): string[] {
  const missing = new Set<string>();
  for (const ch of text) {
    if (/\s/u.test(ch)) continue;
    const cp = ch.codePointAt(0) ?? 0;
    for (const weight of ['regular', 'bold'] as const) {
      if (!fonts.faces.some((f) => f[weight].hasGlyphForCodePoint(cp))) missing.add(ch);
    }
  }
  return [...missing];
}

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
 * Prepares the SVG that render-chart produced for a file: concrete light colours instead of
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

/** resvg with the image's fonts and no other: the machine's fonts are never read. */
export function resvgFor(svg: string, fonts: Fonts, widthPx?: number): Resvg {
  const first = fonts.faces[0]?.family;
  if (!first) throw new Error('static images: no font to draw with');
  return new Resvg(svg, {
    font: {
      fontFiles: fonts.faces.flatMap((f) => [f.files.regular, f.files.bold]),
      loadSystemFonts: false,
      defaultFontFamily: first,
      sansSerifFamily: first,
    },
    ...(widthPx ? { fitTo: { mode: 'width' as const, value: widthPx } } : {}),
    background: undefined,
  });
}

/**
 * The SVG file: resvg's output, in which every glyph is a path (no font needed to view it),
 * with the title and description put back for screen readers and search.
 */
export function svgWithPaths(svg: string, text: ImageText, fonts: Fonts): string {
  const flat = resvgFor(svg, fonts).toString();
  const open = /<svg\b[^>]*>/u.exec(flat);
  if (!open) throw new Error('static images: resvg returned no <svg>');
  const labelled = open[0].replace(/>$/u, ` role="img" aria-label="${escapeHtml(text.title)}">`);
  const meta = `<title>${escapeHtml(text.title)}</title><desc>${escapeHtml([text.subtitle, text.description, ...text.notes, text.sourceLine, text.date, text.address].join('\n'))}</desc>`;
  const out = flat.replace(open[0], labelled + meta);
  if (/<text\b/u.test(out)) throw new Error('static images: text left unconverted in the SVG');
  return `<?xml version="1.0" encoding="UTF-8"?>\n${out}`;
}

export function renderPng(svg: string, widthPx: number, fonts: Fonts): { png: Buffer; width: number; height: number } {
  const image = resvgFor(svg, fonts, widthPx).render();
  return { png: image.asPng(), width: image.width, height: image.height };
}
