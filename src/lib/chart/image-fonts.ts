/**
 * Where the static images' fonts come from: npm packages pinned in the lockfile, never the
 * machine's fonts, so the PNG and SVG files come out the same on every machine that ran
 * `npm install`. The Chinese images are drawn in Noto Sans SC alone; the English ones in
 * Noto Sans, whose Latin, curly quotes and middle dot are the proportions an English reader
 * expects, with Noto Sans SC for the Chinese they quote (source titles, names).
 *
 * The faces themselves are here too: loaded for measuring, cut to the characters an edition's
 * images use for resvg, measured without kerning, and checked for glyphs none of them has.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { basename, dirname, join } from 'node:path';
import { create, type Font } from 'fontkitten';
import subsetFont from 'subset-font';
import { parseHTML } from 'linkedom';
import type { Lang } from '../../i18n/index.ts';
import { imageWidth, type FaceName } from '../text/text-width.ts';

export type FontWeightName = 'regular' | 'bold';

export interface FontPackage {
  /** npm package name */
  package: string;
  /** the family resvg matches in the files (name ID 16 where the font has one, else 1) */
  family: string;
  /** PostScript name of each file, checked when the file is read */
  postscript: Record<FontWeightName, string>;
  /** paths inside the package */
  files: Record<FontWeightName, string>;
  /** its glyph advances' name in src/lib/text/glyph-advances.json, which every drawing measures with */
  advances: FaceName;
}

/** Noto Sans SC under its first-release name "Noto Sans S Chinese", OpenType/CFF; simplified-Chinese glyph forms. */
export const CJK_FONT: FontPackage = {
  package: '@embedpdf/fonts-sc',
  family: 'Noto Sans S Chinese',
  postscript: { regular: 'NotoSansHans-Regular', bold: 'NotoSansHans-Bold' },
  files: { regular: 'fonts/NotoSansHans-Regular.otf', bold: 'fonts/NotoSansHans-Bold.otf' },
  advances: 'cjk',
};

/** Noto Sans 2.015, TrueType: Latin, Greek and Cyrillic, no CJK. */
export const LATIN_FONT: FontPackage = {
  package: '@embedpdf/fonts-latin',
  family: 'Noto Sans',
  postscript: { regular: 'NotoSans-Regular', bold: 'NotoSans-Bold' },
  files: { regular: 'fonts/NotoSans-Regular.ttf', bold: 'fonts/NotoSans-Bold.ttf' },
  advances: 'latin',
};

/**
 * Each edition's fonts in order (a character is drawn in the first one that has its glyph),
 * and whether resvg kerns. Text is measured without kerning, so the English images turn it off
 * and every line takes exactly the width it was measured at (Noto Sans's kerning would move a
 * line's end by up to 3 px); the Chinese images keep resvg's default as they have always been
 * drawn (turning it off there would move the Latin of two charts' Chinese images by a pixel).
 */
export const IMAGE_FONTS: Record<Lang, { fonts: readonly FontPackage[]; kerning: boolean }> = {
  zh: { fonts: [CJK_FONT], kerning: true },
  en: { fonts: [LATIN_FONT, CJK_FONT], kerning: false },
};

export const CJK_FONT_PACKAGE = CJK_FONT.package;
export const CJK_FAMILY = CJK_FONT.family;
export const CJK_POSTSCRIPT = CJK_FONT.postscript;

const dirs = new Map<string, string>();

/** The installed package's folder: the nearest folder above its entry point whose package.json names it. */
export function fontPackageDir(name: string = CJK_FONT.package): string {
  const known = dirs.get(name);
  if (known) return known;
  const require = createRequire(import.meta.url);
  let entry: string;
  try {
    entry = require.resolve(name);
  } catch {
    throw new Error(`static images: the font package ${name} is not installed; run \`npm install\` in the project folder`);
  }
  for (let dir = dirname(entry); ; dir = dirname(dir)) {
    const manifest = join(dir, 'package.json');
    if (existsSync(manifest) && (JSON.parse(readFileSync(manifest, 'utf8')) as { name?: string }).name === name) {
      dirs.set(name, dir);
      return dir;
    }
    if (dirname(dir) === dir) throw new Error(`static images: found ${entry} but no package.json of ${name} above it`);
  }
}

/** Absolute paths of a package's Regular and Bold files; a clear error naming the file when one is missing. */
export function fontFiles(pkg: FontPackage): Record<FontWeightName, string> {
  const dir = fontPackageDir(pkg.package);
  const files = { regular: join(dir, pkg.files.regular), bold: join(dir, pkg.files.bold) };
  for (const file of Object.values(files)) {
    if (!existsSync(file))
      throw new Error(
        `static images: font ${file} is missing from ${pkg.package}; reinstall it (\`rm -rf node_modules/${pkg.package} && npm install\`)`,
      );
  }
  return files;
}

export function cjkFontFiles(): Record<FontWeightName, string> {
  return fontFiles(CJK_FONT);
}

export function latinFontFiles(): Record<FontWeightName, string> {
  return fontFiles(LATIN_FONT);
}

export interface Face {
  /** the family name the SVG asks resvg for */
  family: string;
  /** its glyph advances in src/lib/text/glyph-advances.json */
  advances: FaceName;
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
    return { family: pkg.family, advances: pkg.advances, regular: open('regular'), bold: open('bold'), files };
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
 * Advance width of a string in CSS px, each character in the face that draws it, from the
 * glyph-advance table of these font files that the SVG charts measure with too
 * (src/lib/text/text-width.ts); no kerning, which CJK text and tabular figures do not use and
 * which only ever narrows Noto Sans's Latin by a fraction of a pixel, so a line measured to
 * fit still fits.
 */
export function textWidth(text: string, fonts: Fonts, size: number, weight: FontWeightName = 'regular'): number {
  return imageWidth(
    text,
    size,
    weight,
    fonts.faces.map((f) => f.advances),
  );
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
