/**
 * The static images that the static-images integration (src/integrations/static-images.ts) wrote into dist/, in both editions: for every
 * chart an SVG whose text is paths (no font needed, no CSS variable left), a 1080 px PNG and a
 * tall phone PNG, drawn in the packaged fonts rather than the empty boxes ("tofu") a machine
 * without them would draw. The glyph check compares the title band of each PNG on disk with the
 * same lines drawn by resvg in the edition's packaged fonts (Noto Sans SC for Chinese; Noto Sans,
 * then Noto Sans SC, for English) and with no font at all (resvg is never given the system's
 * fonts); the English band must also differ from the same text in Noto Sans SC alone, the font
 * the English images had before. Run after the build and the script.
 */
import { describe, expect, it } from 'vitest';
import { readFileSync, realpathSync } from 'node:fs';
import { createRequire } from 'node:module';
import { relative, resolve, sep } from 'node:path';
import sharp from 'sharp';
import { Resvg } from '@resvg/resvg-js';
import { create } from 'fontkitten';
import { CHARTS } from '../../src/charts/index.ts';
import { chartPaths, STATIC_IMAGE_SIZES } from '../../src/lib/chart/chart-files.ts';
import { chartImages, type ChartImage } from '../../src/lib/chart/chart-images.ts';
import {
  CJK_FAMILY,
  CJK_FONT,
  fontAttributes,
  fontFiles,
  fontPackageDir,
  LATIN_FONT,
  loadFonts,
  missingGlyphs,
  type Fonts,
} from '../../src/lib/chart/image-fonts.ts';
import { swatchElement, textElement } from '../../src/lib/chart/image-layout.ts';
import { LANGS } from '../../src/i18n/index.ts';
import { readThemeColors } from '../../src/lib/chart/theme-colors.ts';
import { publicSite } from '../../src/lib/site/address.ts';
import { getDataset } from '../../src/lib/data/dataset.ts';
import { DIST_DIR, fileForUrlPath } from '../../scripts/lib/serve-dist.ts';
import { escapeHtml } from '../../src/lib/text/escape-html.ts';

const palette = readThemeColors().light;

interface Bitmap {
  width: number;
  height: number;
  /** RGBA, 8 bits a channel */
  rgba: Uint8Array;
}

/** an edition's packaged fonts, as resvg is given them */
const packaged = (fonts: Fonts) => ({
  files: fonts.faces.flatMap((f) => [f.files.regular, f.files.bold]),
  family: fonts.faces[0]?.family ?? '',
});
const CJK = packaged(loadFonts('zh'));
/** what the same SVG looks like where the font is missing: resvg, never given system fonts, draws no text */
const NO_FONT = { files: [], family: CJK_FAMILY };

function render(svg: string, zoom: number, fonts: { files: string[]; family: string }): Bitmap {
  const image = new Resvg(svg, {
    font: { fontFiles: fonts.files, loadSystemFonts: false, defaultFontFamily: fonts.family },
    fitTo: { mode: 'zoom', value: zoom },
  }).render();
  return { width: image.width, height: image.height, rgba: new Uint8Array(image.pixels) };
}

/** mean absolute difference of the RGB channels over the top `rows` rows of both bitmaps */
function meanDiff(a: Bitmap, b: Bitmap, rows: number): number {
  expect(a.width).toBe(b.width);
  let sum = 0;
  for (let i = 0; i < a.width * rows * 4; i++) if (i % 4 !== 3) sum += Math.abs((a.rgba[i] ?? 0) - (b.rgba[i] ?? 0));
  return sum / (a.width * rows * 3);
}

/** share of pixels in the top `rows` rows that differ from the background */
function inkShare(a: Bitmap, rows: number): number {
  let ink = 0;
  for (let p = 0; p < a.width * rows; p++) if ((a.rgba[p * 4] ?? 255) < 200) ink++;
  return ink / (a.width * rows);
}

/** the title band (title, subtitle, legend) as the image lays it out, its text in `fonts` */
function headBand(image: ChartImage, fonts: Fonts): string {
  const { width } = image.layout;
  const height = Math.floor(image.layout.chart.y);
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" ${fontAttributes(fonts)}>`,
    `<rect width="100%" height="100%" fill="${image.layout.background}"/>`,
    ...image.layout.head.map((l) => textElement(l, fonts)),
    // the legend sits in the band too
    ...image.layout.swatches.map(swatchElement),
    '</svg>',
  ].join('\n');
}

/** a PNG's width and height, from its header: the size test needs no pixels */
function pngSize(urlPath: string): { width: number; height: number } {
  const file = fileForUrlPath(DIST_DIR, `/${urlPath}`);
  if (!file) throw new Error(`${urlPath} is not in ${DIST_DIR}: run \`npx astro build\``);
  const head = readFileSync(file).subarray(0, 24);
  if (head.subarray(0, 8).toString('hex') !== '89504e470d0a1a0a') throw new Error(`${urlPath}: not a PNG`);
  return { width: head.readUInt32BE(16), height: head.readUInt32BE(20) };
}

/** the top `rows` rows of a built PNG, RGBA */
async function pngOnDisk(urlPath: string, rows: number): Promise<Bitmap> {
  const file = fileForUrlPath(DIST_DIR, `/${urlPath}`);
  if (!file) throw new Error(`${urlPath} is not in ${DIST_DIR}: run \`npx astro build\``);
  const { width = 0, height = 0 } = await sharp(file).metadata();
  const top = Math.min(rows, height);
  const rgba = await sharp(file).extract({ left: 0, top: 0, width, height: top }).ensureAlpha().raw().toBuffer();
  return { width, height: top, rgba };
}

describe.each([CJK_FONT, LATIN_FONT].map((f) => [f.package, f] as const))('the font package %s', (name, pkg) => {
  const root = resolve(import.meta.dirname, '../..');
  const pkgDir = resolve(root, 'node_modules', ...name.split('/'));

  it('is at the version package.json pins, as installed under node_modules/', () => {
    const pinned = (JSON.parse(readFileSync(resolve(root, 'package.json'), 'utf8')) as { dependencies: Record<string, string> })
      .dependencies[name];
    expect(pinned, 'an exact version, so every machine draws with the same font').toMatch(/^\d+\.\d+\.\d+$/u);
    const locked = (
      JSON.parse(readFileSync(resolve(root, 'package-lock.json'), 'utf8')) as {
        packages: Record<string, { version: string; integrity?: string }>;
      }
    ).packages[`node_modules/${name}`];
    expect(locked?.version).toBe(pinned);
    expect(locked?.integrity).toMatch(/^sha512-/u);
    const installed = createRequire(import.meta.url)(`${fontPackageDir(name)}/package.json`) as { name: string; version: string };
    expect(installed).toMatchObject({ name, version: pinned });
    expect(realpathSync(fontPackageDir(name))).toBe(realpathSync(pkgDir));
    for (const file of Object.values(fontFiles(pkg))) {
      expect(relative(realpathSync(pkgDir), realpathSync(file)).split(sep)[0], file).not.toBe('..');
      expect(file, 'no system font folder').not.toMatch(/^\/(usr|Library|System)\//u);
    }
  });

  it(`names the family resvg matches, ${pkg.family}, in each of its files, Regular and Bold`, () => {
    for (const weight of ['regular', 'bold'] as const) {
      const font = create(readFileSync(fontFiles(pkg)[weight]));
      expect(font && !font.isCollection && font.postscriptName).toBe(pkg.postscript[weight]);
      // resvg (fontdb) matches the typographic family, name ID 16, when a font has one, else the family, name ID 1
      const names = (font as unknown as { name: { records: { preferredFamily?: { en?: string }; fontFamily?: { en?: string } } } }).name
        .records;
      expect(names.preferredFamily?.en ?? names.fontFamily?.en).toBe(pkg.family);
    }
  });
});

describe('the fonts in use', () => {
  it('are the packaged ones: Noto Sans SC for Chinese images, Noto Sans then Noto Sans SC for English', () => {
    expect(loadFonts('zh').faces.map((f) => [f.regular.postscriptName, f.bold.postscriptName])).toEqual([
      [CJK_FONT.postscript.regular, CJK_FONT.postscript.bold],
    ]);
    expect(loadFonts('en').faces.map((f) => [f.regular.postscriptName, f.bold.postscriptName])).toEqual([
      [LATIN_FONT.postscript.regular, LATIN_FONT.postscript.bold],
      [CJK_FONT.postscript.regular, CJK_FONT.postscript.bold],
    ]);
  });

  it('is what resvg draws 青岛 with: ink from those files, none without them (no system fonts), Bold heavier than Regular', () => {
    const svg = (weight: number) =>
      `<svg xmlns="http://www.w3.org/2000/svg" width="80" height="32" font-family="${CJK_FAMILY}"><rect width="80" height="32" fill="#fff"/><text x="4" y="24" font-size="20" font-weight="${weight}" fill="#000">青岛</text></svg>`;
    const regular = render(svg(400), 2, CJK);
    const bold = render(svg(700), 2, CJK);
    const none = render(svg(400), 2, NO_FONT);
    expect(inkShare(regular, regular.height)).toBeGreaterThan(0.03);
    expect(inkShare(none, none.height)).toBe(0);
    expect(inkShare(bold, bold.height)).toBeGreaterThan(inkShare(regular, regular.height) * 1.1);
  });

  it('is what resvg draws “Qingdao” with in English: Noto Sans, not Noto Sans SC', () => {
    const en = loadFonts('en');
    const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="120" height="32" ${fontAttributes(en)}><rect width="120" height="32" fill="#fff"/><text x="4" y="24" font-size="20" fill="#000">“Qingdao”</text></svg>`;
    const latin = render(svg, 2, packaged(en));
    const latinOnly = render(svg, 2, { files: [fontFiles(LATIN_FONT).regular], family: LATIN_FONT.family });
    expect(inkShare(latin, latin.height)).toBeGreaterThan(0.03);
    expect(meanDiff(latin, latinOnly, latin.height)).toBe(0);
    expect(meanDiff(latin, render(svg, 2, CJK), latin.height)).toBeGreaterThan(5);
  });
});

// chartImages() stops the build on a character no font of the edition has; this is the guard it relies on
it('finds the characters the fonts have no glyph for, and none in ordinary Chinese or English text', () => {
  expect(missingGlyphs('青岛市“双招双引”，2020—2025年：9117.2亿元', loadFonts('zh'))).toEqual([]);
  expect(missingGlyphs('Qingdao Daily, “Citywide” · 2024—2025: 911.72 billion yuan, 青岛日报', loadFonts('en'))).toEqual([]);
  for (const lang of LANGS) expect(missingGlyphs('青岛 Qingdao 🙂\u{2A6D6}', loadFonts(lang))).toEqual(['🙂', '\u{2A6D6}']);
});

describe.each(LANGS.flatMap((lang) => CHARTS.map((c) => [lang, c.id, c] as const)))('%s chart %s', (lang, id, def) => {
  const paths = chartPaths(id, lang);
  // the date line does not reach the title band, so any date lays the band out the same
  const images = chartImages(def, getDataset(), {
    lang,
    site: publicSite()?.href,
    date: lang === 'zh' ? '制图日期' : 'Chart drawn',
    palette,
  });

  it('has a 1080 px PNG and a tall phone PNG of the laid-out size', () => {
    const { wide, phone } = STATIC_IMAGE_SIZES;
    const widePng = pngSize(paths.pngWide);
    expect(widePng.width).toBe(wide.width * wide.scale);
    expect(widePng.height).toBe(images.wide.layout.height * wide.scale);
    const phonePng = pngSize(paths.pngPhone);
    expect(phonePng.width).toBe(phone.width * phone.scale);
    expect(phonePng.height).toBe(images.phone.layout.height * phone.scale);
    expect(phonePng.height).toBeGreaterThanOrEqual(phone.height * phone.scale);
  });

  it('has an SVG with every glyph as a path, concrete light colours, a title and a description', () => {
    const file = fileForUrlPath(DIST_DIR, `/${paths.svg}`);
    expect(file).toBeDefined();
    const svg = readFileSync(file ?? '', 'utf8');
    expect(svg).not.toMatch(/<text\b/u);
    expect(svg).not.toMatch(/var\(--/u);
    expect(svg).not.toMatch(/currentColor/u);
    expect(svg).toMatch(new RegExp(`<svg[^>]* width="${STATIC_IMAGE_SIZES.wide.width}"`, 'u'));
    expect(svg).toContain(`<title>${escapeHtml(images.text.title)}</title>`);
    expect(svg).toMatch(/<desc>[^<]+<\/desc>/u);
    expect(svg.toLowerCase()).toContain(`fill="${(palette['bg'] ?? '').toLowerCase()}"`);
    // resvg draws each run of text as at least one path, besides the background (a line of
    // Chinese is one path, not one a glyph: a 38-character title drawn in 30 paths in all)
    const { layout, chart } = images.wide;
    const pathCount = (svg.match(/<path\b/gu) ?? []).length;
    expect(pathCount).toBeGreaterThan(layout.head.length + layout.rest.length + chart.texts.filter((x) => x.trim() !== '').length);
  });

  it(`is laid out for ${lang === 'zh' ? 'Noto Sans SC alone' : 'Noto Sans first, then Noto Sans SC'}`, () => {
    expect(images.fonts).toBe(loadFonts(lang));
    const family =
      lang === 'zh' ? 'font-family="Noto Sans S Chinese">' : 'font-family="Noto Sans, Noto Sans S Chinese" style="font-kerning:none">';
    expect(images.wide.svg).toMatch(new RegExp(`^<svg [^>]*${family}`, 'u'));
    if (lang === 'zh') expect(images.wide.svg + images.phone.svg).not.toMatch(/<tspan[^>]* font-family=/u);
  });

  // that the comparison tells fonts apart (the band drawn with no font, or an English band all in
  // Noto Sans SC, differs from the file) is shown on the first chart of each language; every
  // chart's file is compared with its band drawn in the packaged fonts
  const showsPower = def === CHARTS[0];
  it.each(['wide', 'phone'] as const)(
    'draws its title band in the packaged fonts, as without them nothing would be (%s PNG)',
    async (kind) => {
      const image = images[kind];
      const zoom = STATIC_IMAGE_SIZES[kind].scale;
      const band = headBand(image, images.fonts);
      const drawn = render(band, zoom, packaged(images.fonts));
      const rows = drawn.height;
      const onDisk = await pngOnDisk(kind === 'wide' ? paths.pngWide : paths.pngPhone, rows);
      expect(inkShare(onDisk, rows)).toBeGreaterThan(0.02);
      expect(meanDiff(onDisk, drawn, rows)).toBeLessThan(0.5);
      if (!showsPower) return;
      expect(meanDiff(onDisk, render(band, zoom, NO_FONT), rows)).toBeGreaterThan(4);
      if (lang === 'en') {
        // the same band all in Noto Sans SC, as the English images were drawn before
        const inCjk = render(headBand(image, loadFonts('zh')), zoom, CJK);
        expect(meanDiff(onDisk, inCjk, rows)).toBeGreaterThan(4);
      }
    },
  );
});
