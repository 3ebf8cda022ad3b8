/**
 * The static images that scripts/static-images.ts wrote into dist/: for every chart an SVG
 * whose text is paths (no font needed, no CSS variable left), a 1080 px PNG and a tall phone
 * PNG, all in Chinese glyphs rather than the empty boxes ("tofu") a font without CJK draws.
 * The tofu check compares the title band of each PNG on disk with the same lines drawn by
 * resvg in Noto Sans CJK and in DejaVu Sans (no CJK). Run after the build and the script.
 */
import { describe, expect, it } from 'vitest';
import { existsSync, readFileSync } from 'node:fs';
import { inflateSync } from 'node:zlib';
import { Resvg } from '@resvg/resvg-js';
import { CHARTS } from '../../src/charts/index.ts';
import { chartPaths, STATIC_IMAGE_SIZES } from '../../src/lib/chart/chart-files.ts';
import { chartImages, type ChartImage } from '../../src/lib/chart/chart-images.ts';
import { CJK_FAMILY, CJK_FONT_FILES, imageTexts, loadFonts, missingGlyphs, textElement } from '../../src/lib/chart/static-image.ts';
import { readThemeColors } from '../../src/lib/chart/theme-colors.ts';
import { publicSite } from '../../src/lib/site/address.ts';
import { getDataset } from '../../src/lib/data/dataset.ts';
import { DIST_DIR, fileForUrlPath } from '../../scripts/lib/serve-dist.ts';

const NO_CJK_FONT = '/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf';
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
      if (depth !== 8 || !channels || interlace !== 0) throw new Error(`PNG kind not handled: depth ${depth}, colour ${colour}, interlace ${interlace}`);
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

const CJK = { files: [CJK_FONT_FILES.regular, CJK_FONT_FILES.bold], family: CJK_FAMILY };
/** what the same SVG looks like where the CJK font is missing: resvg falls back to this family */
const NO_CJK = { files: [NO_CJK_FONT], family: 'DejaVu Sans' };

function render(svg: string, zoom: number, fonts: { files: string[]; family: string }): Bitmap {
  const image = new Resvg(svg, { font: { fontFiles: fonts.files, loadSystemFonts: false, defaultFontFamily: fonts.family }, fitTo: { mode: 'zoom', value: zoom } }).render();
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
    '</svg>',
  ].join('\n');
}

function pngOnDisk(urlPath: string): Bitmap {
  const file = fileForUrlPath(DIST_DIR, `/${urlPath}`);
  if (!file) throw new Error(`${urlPath} is not in ${DIST_DIR}: run \`npx tsx scripts/static-images.ts\` after the build`);
  return decodePng(readFileSync(file));
}

it('the fonts the images need are installed', () => {
  for (const f of [...CJK.files, NO_CJK_FONT]) expect(existsSync(f), f).toBe(true);
});

it('resvg draws 青岛 in Noto Sans CJK, and the same text in a font without CJK comes out different (tofu)', () => {
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="80" height="32"><rect width="80" height="32" fill="#fff"/><text x="4" y="24" font-size="20" fill="#000">青岛</text></svg>`;
  const cjk = render(svg, 2, CJK);
  const tofu = render(svg, 2, NO_CJK);
  expect(inkShare(cjk, cjk.height)).toBeGreaterThan(0.03);
  expect(meanDiff(cjk, tofu, cjk.height)).toBeGreaterThan(5);
});

describe.each(CHARTS.map((c) => [c.id, c] as const))('chart %s', (id, def) => {
  const paths = chartPaths(id);
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

  it('uses only characters that Noto Sans CJK SC has glyphs for', () => {
    const font = loadFonts().regular;
    const missing = [...imageTexts(images.text, images.wide.chart), ...images.phone.chart.texts].flatMap((s) => missingGlyphs(s, font).map((c) => `${c} in "${s}"`));
    expect(missing).toEqual([]);
  });

  it.each(['wide', 'phone'] as const)('draws its title band in Chinese glyphs, not tofu (%s PNG)', (kind) => {
    const image = images[kind];
    const onDisk = pngOnDisk(kind === 'wide' ? paths.pngWide : paths.pngPhone);
    const zoom = STATIC_IMAGE_SIZES[kind].scale;
    const band = headBand(image);
    const cjk = render(band, zoom, CJK);
    const tofu = render(band, zoom, NO_CJK);
    const rows = cjk.height;
    expect(inkShare(onDisk, rows)).toBeGreaterThan(0.02);
    const toCjk = meanDiff(onDisk, cjk, rows);
    const toTofu = meanDiff(onDisk, tofu, rows);
    expect(toCjk).toBeLessThan(0.5);
    expect(toTofu).toBeGreaterThan(4);
  });
});
