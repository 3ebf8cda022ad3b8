/**
 * One edition's posters (share cards, long images) written as PNG files: every text checked for
 * a glyph in the packaged fonts, the fonts cut to the posters' characters, each poster drawn in
 * the raster pool through the PNG cache and written under dist/.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { Lang } from '../i18n/index.ts';
import { fontFamilyList, missingGlyphs, subsetFonts, type Fonts } from '../lib/chart/image-fonts.ts';
import type { Poster } from '../lib/chart/poster.ts';
import type { RasterPool } from '../lib/chart/raster-pool.ts';
import { cachedPngAsync } from './png-cache.ts';

export interface PosterPngs {
  /** what the posters are, for messages: "share cards" */
  what: string;
  dist: string;
  /** a folder of this run's own, where the cut fonts of each edition go */
  fontDir: string;
  lang: Lang;
  /** the edition's whole fonts, as the posters were laid out with */
  whole: Fonts;
  width: number;
  raster: RasterPool;
  posters: readonly { path: string; poster: Poster }[];
  /** a check of the drawn PNG before it is written: throws to stop the build */
  check?: (path: string, png: Buffer) => void;
  written: (path: string, png: Buffer, poster: Poster) => void;
}

export async function writePosterPngs(o: PosterPngs): Promise<void> {
  for (const { path, poster } of o.posters) {
    for (const s of poster.texts) {
      const missing = missingGlyphs(s, o.whole);
      if (missing.length > 0)
        throw new Error(`${o.what}: ${path}: ${missing.join(' ')} in "${s}" has no glyph in ${fontFamilyList(o.whole)}`);
    }
  }
  const langDir = join(o.fontDir, o.lang);
  mkdirSync(langDir);
  const fonts = await subsetFonts(o.whole, o.posters.map((p) => p.poster.texts.join('')).join(''), langDir);
  const written: Promise<void>[] = [];
  for (const { path, poster } of o.posters) {
    await o.raster.room();
    const done = cachedPngAsync(
      poster.svg,
      async () => (await o.raster.draw({ svg: poster.svg, fonts, width: o.width })).png as Buffer,
    ).then((png) => {
      o.check?.(path, png);
      mkdirSync(dirname(join(o.dist, path)), { recursive: true });
      writeFileSync(join(o.dist, path), png);
      o.written(path, png, poster);
    });
    // a failure is met by the Promise.all below, not reported as unhandled before it
    done.catch(() => undefined);
    written.push(done);
  }
  await Promise.all(written);
}
