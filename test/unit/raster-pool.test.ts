/**
 * The build's images are drawn in worker threads (src/lib/chart/raster-pool.ts): a PNG and a
 * text-as-paths SVG drawn there must be the bytes resvg draws in the main thread, a bad SVG must
 * come back as an error naming resvg, and a caller awaiting room() never has more than twice the
 * threads' jobs outstanding.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadFonts, subsetFonts, type Fonts } from '../../src/lib/chart/image-fonts.ts';
import { resvgFor } from '../../src/lib/chart/image-raster.ts';
import { RasterPool } from '../../src/lib/chart/raster-pool.ts';

const svg = (label: string) =>
  `<svg xmlns="http://www.w3.org/2000/svg" width="200" height="80" font-family="Noto Sans S Chinese"><rect x="4" y="4" width="120" height="30" fill="#c33"/><text x="8" y="64" font-size="20">${label}</text></svg>`;

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
  it('draws the same PNG and SVG bytes as resvg in the main thread', async () => {
    const source = svg('青岛实际使用外资37.5亿美元');
    const drawn = await pool.draw({ svg: source, fonts, width: 400, toSvg: true });
    const here = resvgFor(source, fonts, 400);
    const image = here.render();
    expect(drawn.width).toBe(400);
    expect(drawn.height).toBe(160);
    expect(Buffer.compare(drawn.png as Buffer, image.asPng())).toBe(0);
    expect(drawn.svg).toBe(here.toString());
    expect(drawn.svg).not.toMatch(/<text\b/u);
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
