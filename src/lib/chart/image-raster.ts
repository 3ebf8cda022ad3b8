/**
 * Rasterising: resvg draws an image's SVG with the packaged fonts loaded explicitly
 * (./image-fonts.ts) and no other, so the PNG and the SVG file (every glyph a path) look the
 * same on any machine, with or without those fonts installed.
 */
import { Resvg, type ResvgRenderOptions } from '@resvg/resvg-js';
import { escapeHtml } from '../text/escape-html.ts';
import type { Fonts } from './image-fonts.ts';
import type { ImageText } from './image-layout.ts';

/** resvg's options: the image's fonts and no other (the machine's fonts are never read), the PNG's width, an opaque ground. */
export function resvgOptions(fonts: Fonts, widthPx?: number): ResvgRenderOptions {
  const first = fonts.faces[0]?.family;
  if (!first) throw new Error('static images: no font to draw with');
  return {
    font: {
      fontFiles: fonts.faces.flatMap((f) => [f.files.regular, f.files.bold]),
      loadSystemFonts: false,
      defaultFontFamily: first,
      sansSerifFamily: first,
    },
    ...(widthPx ? { fitTo: { mode: 'width' as const, value: widthPx } } : {}),
    // opaque: every image starts with a rect of its palette's background, so this white is never
    // seen; it keeps resvg's premultiplied pixels equal to the plain RGBA the PNG encoder is
    // handed (./raster-worker.mjs), even for an SVG that leaves some of itself transparent
    background: '#ffffff',
  };
}

/** resvg with the image's fonts and no other. */
export function resvgFor(svg: string, fonts: Fonts, widthPx?: number): Resvg {
  return new Resvg(svg, resvgOptions(fonts, widthPx));
}

/**
 * The SVG file: resvg's output, in which every glyph is a path (no font needed to view it),
 * with the title and description put back for screen readers and search.
 */
export function svgWithPaths(svg: string, text: ImageText, fonts: Fonts): string {
  return labelSvg(resvgFor(svg, fonts).toString(), text);
}

/** resvg's SVG (text as paths) with the title and description put back. */
export function labelSvg(flat: string, text: ImageText): string {
  const open = /<svg\b[^>]*>/u.exec(flat);
  if (!open) throw new Error('static images: resvg returned no <svg>');
  const labelled = open[0].replace(/>$/u, ` role="img" aria-label="${escapeHtml(text.title)}">`);
  const meta = `<title>${escapeHtml(text.title)}</title><desc>${escapeHtml([text.subtitle, text.description, ...text.notes, text.sourceLine, text.date, text.address].join('\n'))}</desc>`;
  const out = flat.replace(open[0], labelled + meta);
  if (/<text\b/u.test(out)) throw new Error('static images: text left unconverted in the SVG');
  return `<?xml version="1.0" encoding="UTF-8"?>\n${out}`;
}
