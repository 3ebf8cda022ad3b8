/**
 * The static images' fonts and text measurement: the English images draw Latin text in Noto
 * Sans and Chinese in Noto Sans SC, each character measured in the face that draws it, so that
 * what layoutImage measures is where resvg puts the glyphs; the Chinese images keep Noto Sans SC
 * alone. The font files are read here independently of the code under test.
 */
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { create, type Font } from 'fontkitten';
import { describe, expect, it } from 'vitest';
import { CJK_FONT, LATIN_FONT, cjkFontFiles, latinFontFiles } from '../../src/lib/chart/image-fonts.ts';
import {
  fontAttributes,
  fontRuns,
  loadFonts,
  missingGlyphs,
  subsetFonts,
  svgCharacters,
  textWidth,
  type Fonts,
} from '../../src/lib/chart/image-fonts.ts';
import { composeImageSvg, prepareChartSvg, textElement, wrapText, type PlacedLine } from '../../src/lib/chart/image-layout.ts';
import { resvgFor } from '../../src/lib/chart/image-raster.ts';
import { readThemeColors } from '../../src/lib/chart/theme-colors.ts';

const open = (file: string): Font => {
  const font = create(readFileSync(file));
  if (!font || font.isCollection) throw new Error(`${file} is not a single font`);
  return font;
};
const latin = { regular: open(latinFontFiles().regular), bold: open(latinFontFiles().bold) };
const cjk = { regular: open(cjkFontFiles().regular), bold: open(cjkFontFiles().bold) };
/** the sum of the characters' advances in one font, in px */
const advances = (text: string, font: Font, size: number) =>
  ([...text].reduce((u, ch) => u + font.glyphForCodePoint(ch.codePointAt(0) ?? 0).advanceWidth, 0) / font.unitsPerEm) * size;

const en = loadFonts('en');
const zh = loadFonts('zh');
const palette = readThemeColors().light;

describe('each edition’s fonts', () => {
  it('are Noto Sans then Noto Sans SC for English, Noto Sans SC alone for Chinese', () => {
    expect(en.faces.map((f) => f.family)).toEqual([LATIN_FONT.family, CJK_FONT.family]);
    expect(en.faces.map((f) => [f.regular.postscriptName, f.bold.postscriptName])).toEqual([
      ['NotoSans-Regular', 'NotoSans-Bold'],
      ['NotoSansHans-Regular', 'NotoSansHans-Bold'],
    ]);
    expect(zh.faces.map((f) => f.family)).toEqual([CJK_FONT.family]);
  });

  it('cover the same characters in Regular and Bold (chart text is split into faces without looking up its weight)', () => {
    for (const font of [latin, cjk]) expect(font.bold.characterSet).toEqual(font.regular.characterSet);
  });

  it('leave curly quotes, the middle dot and the dashes to Noto Sans, Chinese to Noto Sans SC', () => {
    expect(fontRuns('Qingdao Daily, “青岛日报” · 2024—2025', en)).toEqual([
      { text: 'Qingdao Daily, “', face: 0 },
      { text: '青岛日报', face: 1 },
      { text: '” · 2024—2025', face: 0 },
    ]);
    expect(fontRuns('青岛日报 “Qingdao”', zh)).toEqual([{ text: '青岛日报 “Qingdao”', face: 0 }]);
  });
});

describe('textWidth', () => {
  it('measures “Citywide” in English with Noto Sans’s advances: the quotes are about a third of an em, not a full one', () => {
    const w = textWidth('“Citywide”', en, 12);
    expect(w).toBeCloseTo(advances('“Citywide”', latin.regular, 12), 6);
    const quote = textWidth('“', en, 12);
    expect(quote).toBeGreaterThan(2);
    expect(quote).toBeLessThan(6);
    // the Chinese edition keeps its font, in which a curly quote takes a full em
    expect(textWidth('“', zh, 12)).toBe(12);
    expect(textWidth('“Citywide”', zh, 12)).toBeCloseTo(advances('“Citywide”', cjk.regular, 12), 6);
    expect(textWidth('“Citywide”', zh, 12) - w).toBeGreaterThan(12);
  });

  it('measures each character of mixed text in the face that draws it, in the weight asked for', () => {
    for (const weight of ['regular', 'bold'] as const) {
      const expected =
        advances('Source: “', latin[weight], 14) + advances('青岛日报', cjk[weight], 14) + advances('”, 2024', latin[weight], 14);
      expect(textWidth('Source: “青岛日报”, 2024', en, 14, weight)).toBeCloseTo(expected, 6);
    }
    expect(textWidth('Qingdao', en, 20, 'bold')).toBeGreaterThan(textWidth('Qingdao', en, 20));
  });

  it('wraps an English line later than the CJK font would have', () => {
    const source =
      'Source: Qingdao Daily, “Citywide conference on high-level opening-up and high-quality investment promotion held”; Qingdao Daily / Guanhai News';
    const lines = wrapText(source, en, 12, 500);
    expect(lines.join(' ')).toBe(source);
    for (const l of lines) expect(textWidth(l, en, 12)).toBeLessThanOrEqual(500);
    expect(lines.length).toBeLessThan(wrapText(source, zh, 12, 500).length + 1);
    expect(textWidth(lines[0] ?? '', zh, 12)).toBeGreaterThan(textWidth(lines[0] ?? '', en, 12));
  });
});

describe('missingGlyphs', () => {
  it('refuses in English only characters neither font has', () => {
    expect(missingGlyphs('Qingdao Daily, “青岛日报” · 2024—2025: 9,117.2 billion yuan', en)).toEqual([]);
    expect(missingGlyphs('Qingdao 🙂 青岛\u{2A6D6}', en)).toEqual(['🙂', '\u{2A6D6}']);
  });
});

/** the rightmost column with ink, in px of the rendered bitmap */
function rightmostInk(svg: string, fonts: Fonts, zoom: number): number {
  const width = Number(/width="(\d+)"/u.exec(svg)?.[1]);
  const image = resvgFor(svg, fonts, width * zoom).render();
  const px = image.pixels;
  let right = -1;
  for (let y = 0; y < image.height; y++)
    for (let x = image.width - 1; x > right; x--) if ((px[(y * image.width + x) * 4] ?? 255) < 128) right = x;
  return right;
}

const frame = (fonts: Fonts, body: string) =>
  `<svg xmlns="http://www.w3.org/2000/svg" width="600" height="40" viewBox="0 0 600 40" ${fontAttributes(fonts)}><rect width="600" height="40" fill="#fff"/>${body}</svg>`;
const line = (text: string, x: number, weight: 400 | 700): PlacedLine => ({ text, x, y: 28, size: 16, weight, fill: '#000' });

describe('what resvg draws', () => {
  // a bar drawn at the measured width lands where resvg, drawing the text and the bar as one
  // line, puts it: the measurement is the drawing's advance, face by face
  it.each([
    ['en', 'Source: Qingdao Daily, “Citywide” · AVAWAY To 2024'],
    ['en', 'Qingdao Daily, “青岛市招商大会” · 2024'],
    ['en', '青岛 Daily'],
    ['zh', '青岛日报，“全市高水平对外开放”'],
  ] as const)('puts the end of the %s text %s where textWidth says', (lang, text) => {
    const fonts = lang === 'en' ? en : zh;
    for (const weight of [400, 700] as const) {
      const name = weight === 700 ? 'bold' : 'regular';
      const together = frame(fonts, textElement(line(`${text}|`, 4, weight), fonts));
      const apart = frame(
        fonts,
        textElement(line(text, 4, weight), fonts) + textElement(line('|', 4 + textWidth(text, fonts, 16, name), weight), fonts),
      );
      const zoom = 4;
      expect(Math.abs(rightmostInk(together, fonts, zoom) - rightmostInk(apart, fonts, zoom)), `${weight}`).toBeLessThanOrEqual(1);
    }
  });

  const pixels = (fonts: Fonts, svg: string) => Buffer.from(resvgFor(svg, fonts, 1200).render().pixels);

  it('draws the English of a line that quotes Chinese in Noto Sans, as a line without Chinese', () => {
    const prefix = 'Qingdao Daily, “';
    const mixed = pixels(en, frame(en, textElement(line(`${prefix}青岛日报”`, 4, 400), en)));
    const latinOnly = pixels(en, frame(en, textElement(line(prefix, 4, 400), en)));
    // the columns left of where the Chinese starts (2 device px a CSS px)
    const left = Math.floor((4 + textWidth(prefix, en, 16)) * 2) - 2;
    const columns = (px: Buffer) =>
      Array.from({ length: 80 }, (_, y) => px.subarray((y * 1200 + 0) * 4, (y * 1200 + left) * 4).toString('hex')).join('');
    expect(columns(mixed)).toBe(columns(latinOnly));
    // and Noto Sans is what drew it: Noto Sans SC's Latin looks different
    const inCjk = pixels(zh, frame(zh, textElement(line(prefix, 4, 400), zh)));
    expect(columns(inCjk)).not.toBe(columns(latinOnly));
  });

  it('draws the Chinese of a bold English line in Noto Sans SC Bold, as the Chinese images do', () => {
    const bold = (fonts: Fonts) => pixels(fonts, frame(fonts, textElement(line('青岛日报', 4, 700), fonts)));
    expect(bold(en).equals(bold(zh))).toBe(true);
    // without its <tspan>, resvg's own fallback would pick the first CJK face it loaded, Regular
    const plain = frame(en, '<text x="4" y="28" font-size="16" font-weight="700" fill="#000">青岛日报</text>');
    expect(pixels(en, plain).equals(bold(zh))).toBe(false);
  });

  it('draws the same pixels with the fonts cut to the text as with the whole fonts, Regular and Bold, and nothing it was not cut for', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'qd-subset-test-'));
    try {
      const text = 'Qingdao Daily, “青岛日报” · 2024';
      const svg = (fonts: Fonts, s: string, weight: 400 | 700) => frame(fonts, textElement(line(s, 4, weight), fonts));
      for (const fonts of [en, zh]) {
        const cut = await subsetFonts(fonts, svgCharacters(svg(fonts, text, 400)), dir);
        // each file a small part of the whole
        cut.faces.forEach((face, i) =>
          expect(statSync(face.files.bold).size).toBeLessThan(statSync(fonts.faces[i]?.files.bold ?? '').size / 5),
        );
        for (const weight of [400, 700] as const) {
          expect(pixels(cut, svg(cut, text, weight)).equals(pixels(fonts, svg(fonts, text, weight))), `${weight}`).toBe(true);
          // a character it was not cut for has no glyph left to draw
          expect(pixels(cut, svg(cut, '港', weight)).equals(pixels(fonts, svg(fonts, '港', weight))), `${weight}`).toBe(false);
        }
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('the SVG', () => {
  const chart = (fonts: Fonts) =>
    prepareChartSvg(
      '<svg viewBox="0 0 300 40" font-family="system-ui" text-anchor="middle"><text x="10" y="20">Source: 青岛日报<tspan x="10" dy="1em">“Qingdao”</tspan></text></svg>',
      palette,
      'test chart',
      fonts,
    );

  it('names Noto Sans first in English, Noto Sans SC for a piece of chart text with Chinese in it', () => {
    const drawing = chart(en);
    expect(drawing.body).toContain(
      '><tspan font-family="Noto Sans S Chinese">Source: 青岛日报</tspan><tspan x="10" dy="1em">“Qingdao”</tspan></text>',
    );
    expect(drawing.texts).toEqual(['Source: 青岛日报“Qingdao”']);
    const box = {
      width: 300,
      height: 60,
      background: '#fff',
      head: [line('Title, “青岛”', 0, 700)],
      rest: [],
      swatches: [],
      chart: { x: 0, y: 0, width: 300, height: 40 },
      rule: { x1: 0, x2: 300, y: 50, stroke: '#000' },
    };
    const svg = composeImageSvg(box, drawing, en);
    expect(svg).toMatch(/^<svg [^>]*font-family="Noto Sans, Noto Sans S Chinese" style="font-kerning:none">/u);
    const at = (s: string) => Math.round(textWidth(s, en, 16, 'bold') * 100) / 100;
    expect(svg).toContain(
      `font-weight="700" fill="#000">Title, “<tspan x="${at('Title, “')}" font-family="Noto Sans S Chinese">青岛</tspan><tspan x="${at('Title, “青岛')}">”</tspan></text>`,
    );
  });

  it('leaves the Chinese images’ text alone: one font, kerning as resvg does it, no <tspan> added', () => {
    const drawing = chart(zh);
    expect(drawing.body).toContain('>Source: 青岛日报<tspan x="10" dy="1em">“Qingdao”</tspan></text>');
    expect(drawing.body).not.toContain('font-family');
    expect(fontAttributes(zh)).toBe('font-family="Noto Sans S Chinese"');
    expect(textElement(line('标题，“青岛”', 0, 700), zh)).toBe(
      '<text x="0" y="28" font-size="16" font-weight="700" fill="#000">标题，“青岛”</text>',
    );
  });
});

describe('wrapping English', () => {
  it('never breaks a word at its apostrophe', () => {
    const fonts = loadFonts('en');
    for (let width = 120; width < 400; width += 7) {
      const lines = wrapText('Qingdao’s share of the province’s and the country’s investment', fonts, 20, width, 'bold');
      expect(
        lines.some((l) => /^s\b/u.test(l)),
        lines.join(' | '),
      ).toBe(false);
    }
  });
});
