/**
 * The static images that scripts/static-images.ts wrote into dist/: for every chart an SVG
 * whose text is paths (no font needed, no CSS variable left), a 1080 px PNG and a tall phone
 * PNG, all in Chinese glyphs rather than the empty boxes ("tofu") a font without CJK draws.
 * The glyph check compares the title band of each PNG on disk with the same lines drawn by
 * resvg in the packaged Noto Sans SC and with no font at all (what a machine without the
 * font would draw: resvg is never given the system's fonts). Run after the build and the script.
 */
import { describe, expect, it } from 'vitest';
import { readFileSync, realpathSync } from 'node:fs';
import { createRequire } from 'node:module';
import { relative, resolve, sep } from 'node:path';
import { inflateSync } from 'node:zlib';
import { Resvg } from '@resvg/resvg-js';
import { create } from 'fontkitten';
import { CHARTS } from '../../src/charts/index.ts';
import { chartPaths, STATIC_IMAGE_SIZES } from '../../src/lib/chart/chart-files.ts';
import { chartImages, type ChartImage } from '../../src/lib/chart/chart-images.ts';
import { CJK_FONT_PACKAGE, CJK_POSTSCRIPT, fontPackageDir } from '../../src/lib/chart/image-fonts.ts';
import { CJK_FAMILY, cjkFontFiles, loadFonts, missingGlyphs, swatchElement, textElement } from '../../src/lib/chart/static-image.ts';
import { readThemeColors } from '../../src/lib/chart/theme-colors.ts';
import { publicSite } from '../../src/lib/site/address.ts';
import { getDataset } from '../../src/lib/data/dataset.ts';
import { DIST_DIR, fileForUrlPath } from '../../scripts/lib/serve-dist.ts';

const palette = readThemeColors().light;

interface Bitmap {
  width: number;
  height: number;
  /** RGBA, 8 bits a channel */
  rgba: Uint8Array;
}

/** Enough of PNG for resvg's output: 8-bit RGB or RGBA, not interlaced. */
function decodePng(buf: Buffer): Bitmap {
  if (buf.subarray(0, 8).toString('hex') !== '89504e470d0a1a0a') throw new Error('not a PNG');
  let pos = 8;
  let width = 0;
  let height = 0;
  let channels = 0;
  const idat: Buffer[] = [];
  while (pos < buf.length) {
    const len = buf.readUInt32BE(pos);
    const type = buf.toString('latin1', pos + 4, pos + 8);
    const body = buf.subarray(pos + 8, pos + 8 + len);
    if (type === 'IHDR') {
      width = body.readUInt32BE(0);
      height = body.readUInt32BE(4);
      const [depth, colour, , , interlace] = [body[8], body[9], body[10], body[11], body[12]];
      channels = colour === 6 ? 4 : colour === 2 ? 3 : 0;
      if (depth !== 8 || !channels || interlace !== 0)
        throw new Error(`PNG kind not handled: depth ${depth}, colour ${colour}, interlace ${interlace}`);
    } else if (type === 'IDAT') idat.push(body);
    pos += 12 + len;
  }
  const raw = inflateSync(Buffer.concat(idat));
  const stride = width * channels;
  const out = new Uint8Array(width * height * 4);
  let prev = new Uint8Array(stride);
  for (let y = 0; y < height; y++) {
    const filter = raw[y * (stride + 1)];
    const line = raw.subarray(y * (stride + 1) + 1, (y + 1) * (stride + 1));
    const cur = new Uint8Array(stride);
    for (let i = 0; i < stride; i++) {
      const a = i >= channels ? (cur[i - channels] ?? 0) : 0;
      const b = prev[i] ?? 0;
      const c = i >= channels ? (prev[i - channels] ?? 0) : 0;
      const p = a + b - c;
      const pa = Math.abs(p - a);
      const pb = Math.abs(p - b);
      const pc = Math.abs(p - c);
      const predictor = [0, a, b, (a + b) >> 1, pa <= pb && pa <= pc ? a : pb <= pc ? b : c][filter ?? 0] ?? 0;
      cur[i] = ((line[i] ?? 0) + predictor) & 0xff;
    }
    for (let x = 0; x < width; x++) {
      for (let ch = 0; ch < 4; ch++) out[(y * width + x) * 4 + ch] = ch < channels ? (cur[x * channels + ch] ?? 0) : 255;
    }
    prev = cur;
  }
  return { width, height, rgba: out };
}

const CJK = { files: [cjkFontFiles().regular, cjkFontFiles().bold], family: CJK_FAMILY };
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

function headBand(image: ChartImage): string {
  const { width } = image.layout;
  const height = Math.floor(image.layout.chart.y);
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family="${CJK_FAMILY}">`,
    `<rect width="100%" height="100%" fill="${image.layout.background}"/>`,
    ...image.layout.head.map(textElement),
    // the legend sits in the band too
    ...image.layout.swatches.map(swatchElement),
    '</svg>',
  ].join('\n');
}

function pngOnDisk(urlPath: string): Bitmap {
  const file = fileForUrlPath(DIST_DIR, `/${urlPath}`);
  if (!file) throw new Error(`${urlPath} is not in ${DIST_DIR}: run \`npx tsx scripts/static-images.ts\` after the build`);
  return decodePng(readFileSync(file));
}

describe('the font in use is the packaged one', () => {
  const root = resolve(import.meta.dirname, '../..');
  const pkgDir = resolve(root, 'node_modules', ...CJK_FONT_PACKAGE.split('/'));

  it(`is ${CJK_FONT_PACKAGE} at the version package.json pins, as installed under node_modules/`, () => {
    const pinned = (JSON.parse(readFileSync(resolve(root, 'package.json'), 'utf8')) as { dependencies: Record<string, string> })
      .dependencies[CJK_FONT_PACKAGE];
    expect(pinned, 'an exact version, so every machine draws with the same font').toMatch(/^\d+\.\d+\.\d+$/u);
    const locked = (
      JSON.parse(readFileSync(resolve(root, 'package-lock.json'), 'utf8')) as {
        packages: Record<string, { version: string; integrity?: string }>;
      }
    ).packages[`node_modules/${CJK_FONT_PACKAGE}`];
    expect(locked?.version).toBe(pinned);
    expect(locked?.integrity).toMatch(/^sha512-/u);
    const installed = createRequire(import.meta.url)(`${fontPackageDir()}/package.json`) as { name: string; version: string };
    expect(installed).toMatchObject({ name: CJK_FONT_PACKAGE, version: pinned });
    expect(realpathSync(fontPackageDir())).toBe(realpathSync(pkgDir));
    for (const file of Object.values(cjkFontFiles())) {
      expect(relative(realpathSync(pkgDir), realpathSync(file)).split(sep)[0], file).not.toBe('..');
      expect(file, 'no system font folder').not.toMatch(/^\/(usr|Library|System)\//u);
    }
  });

  it(`names the family resvg matches, ${CJK_FAMILY}, in each of its files, Regular and Bold`, () => {
    for (const weight of ['regular', 'bold'] as const) {
      const font = create(readFileSync(cjkFontFiles()[weight]));
      expect(font && !font.isCollection && font.postscriptName).toBe(CJK_POSTSCRIPT[weight]);
      // resvg (fontdb) matches the typographic family, name ID 16, when a font has one
      const names = (font as unknown as { name: { records: { preferredFamily?: { en?: string } } } }).name.records;
      expect(names.preferredFamily?.en).toBe(CJK_FAMILY);
    }
    expect(loadFonts().regular.postscriptName).toBe(CJK_POSTSCRIPT.regular);
    expect(loadFonts().bold.postscriptName).toBe(CJK_POSTSCRIPT.bold);
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
});

// chartImages() stops the build on a character the font lacks; this is the guard it relies on
it(`finds the characters ${CJK_FAMILY} has no glyph for, and none in ordinary Chinese text`, () => {
  const font = loadFonts().regular;
  expect(missingGlyphs('青岛市“双招双引”，2020—2025年：9117.2亿元', font)).toEqual([]);
  expect(missingGlyphs('青岛🙂\u{2A6D6}', font)).toEqual(['🙂', '\u{2A6D6}']);
});

describe.each(CHARTS.map((c) => [c.id, c] as const))('chart %s', (id, def) => {
  const paths = chartPaths(id, 'zh');
  // the date line does not reach the title band, so any date lays the band out the same
  const images = chartImages(def, getDataset(), { lang: 'zh', site: publicSite()?.href, date: '制图日期', palette });

  it('has a 1080 px PNG and a tall phone PNG of the laid-out size', () => {
    const { wide, phone } = STATIC_IMAGE_SIZES;
    const widePng = pngOnDisk(paths.pngWide);
    expect(widePng.width).toBe(wide.width * wide.scale);
    expect(widePng.height).toBe(images.wide.layout.height * wide.scale);
    const phonePng = pngOnDisk(paths.pngPhone);
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
    expect(svg).toContain(`<title>${images.text.title}</title>`);
    expect(svg).toMatch(/<desc>[^<]+<\/desc>/u);
    expect(svg.toLowerCase()).toContain(`fill="${(palette['bg'] ?? '').toLowerCase()}"`);
    expect((svg.match(/<path\b/gu) ?? []).length).toBeGreaterThan(images.text.title.length);
  });

  it.each(['wide', 'phone'] as const)('draws its title band in the packaged font, as without it nothing would be (%s PNG)', (kind) => {
    const image = images[kind];
    const onDisk = pngOnDisk(kind === 'wide' ? paths.pngWide : paths.pngPhone);
    const zoom = STATIC_IMAGE_SIZES[kind].scale;
    const band = headBand(image);
    const cjk = render(band, zoom, CJK);
    const blank = render(band, zoom, NO_FONT);
    const rows = cjk.height;
    expect(inkShare(onDisk, rows)).toBeGreaterThan(0.02);
    const toCjk = meanDiff(onDisk, cjk, rows);
    const toBlank = meanDiff(onDisk, blank, rows);
    expect(toCjk).toBeLessThan(0.5);
    expect(toBlank).toBeGreaterThan(4);
  });
});
