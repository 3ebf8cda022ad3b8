/**
 * The advance-width table the SVG charts measure text with (src/lib/text/glyph-advances.json),
 * read from the font files the PNG/SVG images are drawn with (src/lib/chart/image-fonts.ts):
 * Noto Sans for Latin text, Noto Sans SC for Chinese. The charts are laid out where no font
 * file can be opened (a spec is also bundled for the browser by the benchmark), so the widths
 * travel as data; `npm run fonts:advances` writes the table, and test/unit/text-width.test.ts
 * fails when it no longer matches the installed fonts.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { CJK_FONT, fontPackageDir, LATIN_FONT, loadFonts } from '../../src/lib/chart/image-fonts.ts';
import type { GlyphAdvances } from '../../src/lib/text/text-width.ts';

function version(pkg: string): string {
  return (JSON.parse(readFileSync(join(fontPackageDir(pkg), 'package.json'), 'utf8')) as { version: string }).version;
}

export function glyphAdvances(): GlyphAdvances {
  const [latin, cjk] = loadFonts('en').faces;
  if (!latin || !cjk) throw new Error('glyph advances: the English images name a Latin and a Chinese face');
  const latinTable = (weight: 'regular' | 'bold'): Record<string, number> => {
    const font = latin[weight];
    const out: Record<string, number> = {};
    // every character it draws: the images take it before the Chinese face wherever it has one
    for (const cp of [...font.characterSet].sort((a, b) => a - b)) out[cp.toString(16)] = font.glyphForCodePoint(cp).advanceWidth;
    return out;
  };
  // Noto Sans SC sets every Han character one em wide; only its other glyphs are listed
  const cjkTable = (weight: 'regular' | 'bold'): Record<string, number> => {
    const font = cjk[weight];
    const out: Record<string, number> = {};
    for (const cp of [...font.characterSet].sort((a, b) => a - b)) {
      const advance = font.glyphForCodePoint(cp).advanceWidth;
      if (advance !== font.unitsPerEm) out[cp.toString(16)] = advance;
    }
    return out;
  };
  for (const font of [latin.regular, latin.bold, cjk.regular, cjk.bold])
    if (font.unitsPerEm !== 1000) throw new Error(`glyph advances: ${font.postscriptName} has ${font.unitsPerEm} units per em, not 1000`);
  return {
    fonts: {
      latin: `${LATIN_FONT.package}@${version(LATIN_FONT.package)} ${LATIN_FONT.postscript.regular} ${LATIN_FONT.postscript.bold}`,
      cjk: `${CJK_FONT.package}@${version(CJK_FONT.package)} ${CJK_FONT.postscript.regular} ${CJK_FONT.postscript.bold}`,
    },
    unitsPerEm: 1000,
    latin: { regular: latinTable('regular'), bold: latinTable('bold') },
    cjk: { regular: cjkTable('regular'), bold: cjkTable('bold') },
  };
}

/** The table as written to disk: one face and weight a line, so a font update reads as a small diff. */
export function glyphAdvancesJson(table: GlyphAdvances = glyphAdvances()): string {
  const face = (t: Record<string, number>) => JSON.stringify(t);
  return [
    '{',
    `  "fonts": ${JSON.stringify(table.fonts)},`,
    `  "unitsPerEm": ${table.unitsPerEm},`,
    `  "latin": {`,
    `    "regular": ${face(table.latin.regular)},`,
    `    "bold": ${face(table.latin.bold)}`,
    '  },',
    `  "cjk": {`,
    `    "regular": ${face(table.cjk.regular)},`,
    `    "bold": ${face(table.cjk.bold)}`,
    '  }',
    '}',
    '',
  ].join('\n');
}
