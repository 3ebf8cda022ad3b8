/**
 * Where the static images' CJK font comes from: an npm package pinned in the lockfile
 * (@embedpdf/fonts-sc, Noto Sans SC under its first-release name "Noto Sans S Chinese",
 * OpenType/CFF), never the machine's fonts, so the PNG and SVG files come out the same on
 * every machine that ran `npm install`.
 */
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

export const CJK_FONT_PACKAGE = '@embedpdf/fonts-sc';
/** the family resvg matches in those files (name ID 16); its glyph forms are simplified Chinese */
export const CJK_FAMILY = 'Noto Sans S Chinese';
export const CJK_POSTSCRIPT = { regular: 'NotoSansHans-Regular', bold: 'NotoSansHans-Bold' } as const;
export type FontWeightName = keyof typeof CJK_POSTSCRIPT;
/** paths inside the package */
const FILES: Record<FontWeightName, string> = {
  regular: 'fonts/NotoSansHans-Regular.otf',
  bold: 'fonts/NotoSansHans-Bold.otf',
};

let found: { dir: string; files: Record<FontWeightName, string> } | undefined;

/** The installed package's folder: the nearest folder above its entry point whose package.json names it. */
export function fontPackageDir(): string {
  if (found) return found.dir;
  const require = createRequire(import.meta.url);
  let entry: string;
  try {
    entry = require.resolve(CJK_FONT_PACKAGE);
  } catch {
    throw new Error(`static images: the font package ${CJK_FONT_PACKAGE} is not installed; run \`npm install\` in the project folder`);
  }
  for (let dir = dirname(entry); ; dir = dirname(dir)) {
    const manifest = join(dir, 'package.json');
    if (existsSync(manifest) && (JSON.parse(readFileSync(manifest, 'utf8')) as { name?: string }).name === CJK_FONT_PACKAGE) return dir;
    if (dirname(dir) === dir) throw new Error(`static images: found ${entry} but no package.json of ${CJK_FONT_PACKAGE} above it`);
  }
}

/** Absolute paths of the Regular and Bold files; a clear error naming the file when one is missing. */
export function cjkFontFiles(): Record<FontWeightName, string> {
  if (found) return found.files;
  const dir = fontPackageDir();
  const files = { regular: join(dir, FILES.regular), bold: join(dir, FILES.bold) };
  for (const file of Object.values(files)) {
    if (!existsSync(file))
      throw new Error(
        `static images: font ${file} is missing from ${CJK_FONT_PACKAGE}; reinstall it (\`rm -rf node_modules/${CJK_FONT_PACKAGE} && npm install\`)`,
      );
  }
  found = { dir, files };
  return files;
}
