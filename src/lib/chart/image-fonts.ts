/**
 * Where the static images' fonts come from: npm packages pinned in the lockfile, never the
 * machine's fonts, so the PNG and SVG files come out the same on every machine that ran
 * `npm install`. The Chinese images are drawn in Noto Sans SC alone; the English ones in
 * Noto Sans, whose Latin, curly quotes and middle dot are the proportions an English reader
 * expects, with Noto Sans SC for the Chinese they quote (source titles, names).
 */
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type { Lang } from '../../i18n/index.ts';

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
}

/** Noto Sans SC under its first-release name "Noto Sans S Chinese", OpenType/CFF; simplified-Chinese glyph forms. */
export const CJK_FONT: FontPackage = {
  package: '@embedpdf/fonts-sc',
  family: 'Noto Sans S Chinese',
  postscript: { regular: 'NotoSansHans-Regular', bold: 'NotoSansHans-Bold' },
  files: { regular: 'fonts/NotoSansHans-Regular.otf', bold: 'fonts/NotoSansHans-Bold.otf' },
};

/** Noto Sans 2.015, TrueType: Latin, Greek and Cyrillic, no CJK. */
export const LATIN_FONT: FontPackage = {
  package: '@embedpdf/fonts-latin',
  family: 'Noto Sans',
  postscript: { regular: 'NotoSans-Regular', bold: 'NotoSans-Bold' },
  files: { regular: 'fonts/NotoSans-Regular.ttf', bold: 'fonts/NotoSans-Bold.ttf' },
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
