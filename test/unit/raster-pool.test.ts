/**
 * The build's images are drawn in worker threads (src/lib/chart/raster-pool.ts): a PNG drawn
 * there must hold the pixels resvg's own encoder writes in the main thread (the pool writes its
 * PNGs with another encoder), also where the SVG leaves something see-through; its text-as-paths
 * SVG must be resvg's bytes; a bad SVG must come back as an error naming resvg, and a caller
 * awaiting room() never has more than twice the threads' jobs outstanding.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import sharp from 'sharp';
import { loadFonts, subsetFonts, type Fonts } from '../../src/lib/chart/image-fonts.ts';
import { resvgFor } from '../../src/lib/chart/image-raster.ts';
import { RasterPool } from '../../src/lib/chart/raster-pool.ts';

const svg = (label: string) =>
  `<svg xmlns="http://www.w3.org/2000/svg" width="200" height="80" font-family="Noto Sans S Chinese"><rect x="4" y="4" width="120" height="30" fill="#c33"/><text x="8" y="64" font-size="20">${label}</text></svg>`;

/** a PNG's pixels as plain RGBA, whatever wrote it */
const pixelsOf = async (png: Buffer) => sharp(png).ensureAlpha().raw().toBuffer({ resolveWithObject: true });

let dir: string;
let fonts: Fonts;
let pool: RasterPool;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'qd-raster-pool-'));
  fonts = await subsetFonts(loadFonts('zh'), '青岛实际使用外资亿美元0123456789', dir);
  pool = new RasterPool(2);
});

afterAll(async () => {
  await pool.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('raster pool', () => {
  it('draws the pixels and the SVG bytes resvg draws in the main thread', async () => {
    const source = svg('青岛实际使用外资37.5亿美元');
    const drawn = await pool.draw({ svg: source, fonts, width: 400, toSvg: true });
    const here = resvgFor(source, fonts, 400);
    const image = here.render();
    expect(drawn.width).toBe(400);
    expect(drawn.height).toBe(160);
    const [ours, resvgs] = await Promise.all([pixelsOf(drawn.png as Buffer), pixelsOf(image.asPng())]);
    expect(ours.info).toEqual(resvgs.info);
    expect(Buffer.compare(ours.data, resvgs.data)).toBe(0);
    expect(drawn.svg).toBe(here.toString());
    expect(drawn.svg).not.toMatch(/<text\b/u);
  });

  it('draws what an SVG leaves see-through on white, the pixels resvg itself would write', async () => {
    // no background rect: half-transparent red over nothing, and a corner left empty
    const source =
      '<svg xmlns="http://www.w3.org/2000/svg" width="4" height="2"><rect width="3" height="2" fill="#cc3333" fill-opacity="0.5"/></svg>';
    const drawn = await pool.draw({ svg: source, fonts });
    const { data, info } = await pixelsOf(drawn.png as Buffer);
    expect([info.width, info.height]).toEqual([4, 2]);
    // #cc3333 at 128/255 over white, and the untouched corner white: not the darker premultiplied
    // values (102, 26, 26, 128) resvg holds in memory
    expect([...data.subarray(0, 4)]).toEqual([229, 153, 153, 255]);
    expect([...data.subarray(12, 16)]).toEqual([255, 255, 255, 255]);
    const resvgs = await pixelsOf(resvgFor(source, fonts).render().asPng());
    expect(Buffer.compare(data, resvgs.data)).toBe(0);
  });

  it('reports an SVG resvg cannot read as an error, and goes on drawing', async () => {
    await expect(pool.draw({ svg: '<svg', fonts })).rejects.toThrow(/^resvg: /u);
    const after = await pool.draw({ svg: svg('2020'), fonts, width: 200 });
    expect(after.png?.subarray(1, 4).toString('latin1')).toBe('PNG');
  });

  it('keeps at most twice the threads of jobs outstanding for a caller that awaits room()', async () => {
    let outstanding = 0;
    let most = 0;
    const all: Promise<unknown>[] = [];
    for (let i = 0; i < 12; i++) {
      await pool.room();
      outstanding += 1;
      most = Math.max(most, outstanding);
      all.push(pool.draw({ svg: svg(String(i)), fonts, width: 200 }).finally(() => (outstanding -= 1)));
    }
    await Promise.all(all);
    expect(most).toBeLessThanOrEqual(4);
    expect(most).toBeGreaterThan(1);
  });
});
