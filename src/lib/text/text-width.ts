/**
 * How wide a line of text is, taken from the font files the PNG/SVG images are drawn with
 * (Noto Sans for Latin, Noto Sans SC for Chinese; src/lib/chart/image-fonts.ts), through a
 * table of their glyph advances written at build time (glyph-advances.json, from
 * `npm run fonts:advances`). A spec that lays out a chart needs no font file, so it runs the
 * same in the build, the tests and the benchmark's browser bundle.
 *
 * The images draw in those fonts and measure exactly (imageWidth). A chart on a page is drawn
 * in the reader's own system font, so screenWidth keeps to the wide side of the same widths:
 * a character narrower than an em counts as wide as the widest sans a browser may substitute
 * (DejaVu Sans, whose Latin runs up to 13% wider than Noto Sans, its bold up to 24%), and the
 * dash, ellipsis and middle dot a full em, as Chinese fonts set them.
 */
import table from './glyph-advances.json';

export type FontWeightName = 'regular' | 'bold';

export interface GlyphAdvances {
  /** the packages and faces the widths were read from */
  fonts: { latin: string; cjk: string };
  unitsPerEm: number;
  /** the Latin face's advances, by hexadecimal code point */
  latin: Record<FontWeightName, Record<string, number>>;
  /** the Chinese face's advances where they are not one em (its Han characters all are) */
  cjk: Record<FontWeightName, Record<string, number>>;
}

const ADVANCES: GlyphAdvances = table;

/** A face of the images' fonts, as the table names it. */
export type FaceName = 'latin' | 'cjk';

function lookup(t: Record<string, number>): Map<number, number> {
  return new Map(Object.entries(t).map(([cp, advance]) => [Number.parseInt(cp, 16), advance]));
}

const UNITS: Record<FaceName, Record<FontWeightName, Map<number, number>>> = {
  latin: { regular: lookup(ADVANCES.latin.regular), bold: lookup(ADVANCES.latin.bold) },
  cjk: { regular: lookup(ADVANCES.cjk.regular), bold: lookup(ADVANCES.cjk.bold) },
};

/** Advance in font units of a character a face draws; undefined where the Latin face has no glyph (the Chinese face sets all it lacks in the table one em wide). */
function units(face: FaceName, cp: number, weight: FontWeightName): number | undefined {
  return UNITS[face][weight].get(cp) ?? (face === 'cjk' ? ADVANCES.unitsPerEm : undefined);
}

/** How much wider than Noto Sans a reader's font may set a character narrower than an em. */
export const SCREEN_ALLOWANCE: Record<FontWeightName, number> = { regular: 1.13, bold: 1.25 };

/** Chinese fonts set these a full em wide; Latin fonts far narrower. */
const EM_IN_CHINESE = new Set(['—', '…', '·']);

/** The English images' faces: each character in the first that has it. */
const LATIN_FIRST: readonly FaceName[] = ['latin', 'cjk'];

/** A character's advance in em in the first of `faces` that has it (by default the English images' order: Latin, then Chinese). */
export function imageAdvance(ch: string, weight: FontWeightName = 'regular', faces: readonly FaceName[] = LATIN_FIRST): number {
  const cp = ch.codePointAt(0) ?? 0;
  for (const face of faces) {
    const u = units(face, cp, weight);
    if (u !== undefined) return u / ADVANCES.unitsPerEm;
  }
  return 1;
}

/**
 * Width in px of text set at `size` px in an image's faces (each character in the first of
 * `faces` that has it), without kerning, as the images are drawn; summed face by face in
 * font units, as src/lib/chart/image-fonts.ts always has, so a line's width is the same to the
 * last bit.
 */
export function imageWidth(
  text: string,
  size: number,
  weight: FontWeightName = 'regular',
  faces: readonly FaceName[] = LATIN_FIRST,
): number {
  const perFace = faces.map(() => 0);
  for (const ch of text) {
    const cp = ch.codePointAt(0) ?? 0;
    let i = faces.findIndex((face) => units(face, cp, weight) !== undefined);
    if (i < 0) i = 0;
    perFace[i] = (perFace[i] ?? 0) + (units(faces[i] as FaceName, cp, weight) ?? ADVANCES.unitsPerEm);
  }
  return perFace.reduce((w, u) => w + (u / ADVANCES.unitsPerEm) * size, 0);
}

/** Width in px of text in a reader's font at `size` px, on the wide side (see above), rounded up to a whole pixel. */
export function screenWidth(text: string, size: number, weight: FontWeightName = 'regular'): number {
  let em = 0;
  for (const ch of text) {
    const advance = EM_IN_CHINESE.has(ch) ? 1 : imageAdvance(ch, weight);
    em += advance < 1 ? advance * SCREEN_ALLOWANCE[weight] : advance;
  }
  return Math.ceil(em * size);
}
