/**
 * The charts' text widths come from the image fonts' files: the committed table matches the
 * installed fonts, measures every dictionary text exactly as the images' own measuring does
 * (fontkitten on the files), and the screen width keeps to the wide side of it.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadFonts, missingGlyphs, type Fonts } from '../../src/lib/chart/image-fonts.ts';
import { imageWidth, screenWidth, SCREEN_ALLOWANCE } from '../../src/lib/text/text-width.ts';
import { glyphAdvancesJson } from '../../scripts/lib/glyph-advances.ts';

const ROOT = new URL('../../', import.meta.url);

function strings(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  if (value && typeof value === 'object') return Object.values(value).flatMap(strings);
  return [];
}

/** Width as fontkitten reads it from the font files: each character in the first face with its glyph, summed face by face. */
function widthInFiles(text: string, fonts: Fonts, size: number, weight: 'regular' | 'bold'): number {
  const units = fonts.faces.map(() => 0);
  for (const ch of text) {
    const cp = ch.codePointAt(0) ?? 0;
    const i = Math.max(
      0,
      fonts.faces.findIndex((f) => f[weight].hasGlyphForCodePoint(cp)),
    );
    units[i] = (units[i] ?? 0) + (fonts.faces[i]?.[weight].glyphForCodePoint(cp).advanceWidth ?? 0);
  }
  return units.reduce((w, u, i) => w + (u / (fonts.faces[i]?.[weight].unitsPerEm ?? 1000)) * size, 0);
}

const DICTIONARY = ['src/i18n/zh.json', 'src/i18n/en.json'].flatMap((f) => strings(JSON.parse(readFileSync(new URL(f, ROOT), 'utf8'))));

describe('text width from the image fonts', () => {
  it('the committed table is the one the installed font files give (else run `npm run fonts:advances`)', () => {
    expect(readFileSync(new URL('src/lib/text/glyph-advances.json', ROOT), 'utf8')).toBe(glyphAdvancesJson());
  });

  it('measures every dictionary text, in each edition’s faces, to the bit as fontkitten reads the font files', () => {
    expect(DICTIONARY.length).toBeGreaterThan(500);
    for (const lang of ['zh', 'en'] as const) {
      const fonts = loadFonts(lang);
      const faces = fonts.faces.map((f) => f.advances);
      // a character no face has (⟪ ⟫ in a note on unreadable text) never reaches an image: the build stops on it
      const drawable = DICTIONARY.map((s) => [...s].filter((ch) => missingGlyphs(ch, fonts).length === 0).join(''));
      for (const weight of ['regular', 'bold'] as const)
        for (const s of drawable)
          expect(imageWidth(s, 14, weight, faces), `${lang} ${weight}: ${s}`).toBe(widthInFiles(s, fonts, 14, weight));
    }
  });

  it('on screen: Chinese a full em, Latin and digits widened by the allowance, never narrower than the images', () => {
    expect(screenWidth('青岛市', 14)).toBe(42);
    expect(screenWidth('——', 10)).toBe(20);
    expect(screenWidth('2023', 10)).toBe(Math.ceil(imageWidth('2023', 10) * SCREEN_ALLOWANCE.regular));
    expect(screenWidth('Qingdao', 10, 'bold')).toBe(Math.ceil(imageWidth('Qingdao', 10, 'bold') * SCREEN_ALLOWANCE.bold));
    for (const s of DICTIONARY) expect(screenWidth(s, 13)).toBeGreaterThanOrEqual(imageWidth(s, 13));
  });
});
