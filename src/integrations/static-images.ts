/**
 * The Astro integration that draws each chart's static images into the built site when
 * `astro build` is done, so the build alone makes everything the site serves:
 *   charts/<id>/<id>.svg         vector, text as paths, 540 CSS px wide
 *   charts/<id>/<id>-1080.png    the same at 2×: 1080 px wide
 *   charts/<id>/<id>-phone.png   a tall portrait for phones: 720 px wide, at least 1280 px tall
 *   charts/<id>/oembed.json      the chart's oEmbed document, naming the 1080 px PNG as its thumbnail
 * (and the same under en/). Light palette, title, subtitle, notes, source line, date and the
 * site's name (with its address when one is set) drawn in. The Chinese images are drawn in
 * Noto Sans SC, the English ones in Noto Sans with Noto Sans SC for the Chinese they quote
 * (src/lib/chart/image-fonts.ts); a character none of an edition's fonts can draw stops the
 * build instead of printing as a box. The dev server does not make them.
 *
 * The date is today's in Asia/Shanghai, or SOURCE_DATE_EPOCH's when set (reproducible builds).
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { allCharts } from '../charts/index.ts';
import { LANGS, t, type Lang } from '../i18n/index.ts';
import { chartPaths, STATIC_IMAGE_SIZES } from '../lib/chart/chart-files.ts';
import { chartImages } from '../lib/chart/chart-images.ts';
import type { ImageText } from '../lib/chart/image-layout.ts';
import { loadFonts, subsetFonts, svgCharacters } from '../lib/chart/image-fonts.ts';
import { labelSvg } from '../lib/chart/image-raster.ts';
import { RasterPool } from '../lib/chart/raster-pool.ts';
import { readThemeColors } from '../lib/chart/theme-colors.ts';
import { getDataset } from '../lib/data/dataset.ts';
import { formatIsoDate } from '../lib/words/format.ts';
import { buildDate } from '../lib/site/build-date.ts';
import { absoluteSite, publicSite } from '../lib/site/address.ts';
import { oembedDocument } from '../lib/chart/oembed.ts';
import { copiedEmbedPath } from '../lib/chart/embed-code.ts';
import { editionPath } from '../i18n/paths.ts';
import { collectGarbage } from './collect-garbage.ts';

/** Charts laid out between two full collections of the heap. */
const COLLECT_EVERY = 200;

/** Writes every chart's images, in every edition, into `dist`; `log` hears one line an image set. */
export async function writeStaticImages(dist: string, log: (line: string) => void, pool?: RasterPool): Promise<void> {
  // the images carry the public address only when the build was given one
  const site = publicSite()?.href;
  const palette = readThemeColors().light;
  const { wide, phone } = STATIC_IMAGE_SIZES;
  const data = getDataset();
  const charts = allCharts(data);
  // what checking the data left behind, before the drawing threads start beside this one
  collectGarbage();
  const fontDir = mkdtempSync(join(tmpdir(), 'qd-image-fonts-'));
  const own = pool ? undefined : new RasterPool();
  const raster = (pool ?? own) as RasterPool;
  // the two SVGs and the words of one edition's charts, with its fonts cut to their characters
  // (see subsetFonts); the rest of each chart's layout is let go
  const prepare = async (lang: Lang) => {
    const date = t(lang, 'embed.imageDate', { date: formatIsoDate(buildDate().day, lang) });
    const all: { id: string; text: ImageText; wide: string; phone: string }[] = [];
    for (const [i, def] of charts.entries()) {
      const images = chartImages(def, data, { lang, site, date, palette });
      all.push({ id: def.id, text: images.text, wide: images.wide.svg, phone: images.phone.svg });
      // each layout leaves megabytes of garbage that V8 would let the heap grow by rather than
      // give back (at 20,000 figures a 1 GB heap for 0.3 GB alive while the threads drew)
      if (i % COLLECT_EVERY === COLLECT_EVERY - 1) collectGarbage();
      // let the drawing threads be fed while the next edition is laid out
      await new Promise((r) => setImmediate(r));
    }
    const text = all.map((i) => svgCharacters(i.wide) + svgCharacters(i.phone)).join('');
    const langDir = join(fontDir, lang);
    mkdirSync(langDir);
    return { lang, all, fonts: await subsetFonts(loadFonts(lang), text, langDir) };
  };
  const draw = async ({ lang, all, fonts }: Awaited<ReturnType<typeof prepare>>) => {
    const written: Promise<void>[] = [];
    for (const images of all) {
      const { id } = images;
      const paths = chartPaths(id, lang);
      await raster.room();
      // one parse of the wide SVG gives the SVG file (text as paths) and the 1080 px PNG
      const widePng = raster.draw({ svg: images.wide, fonts, width: wide.width * wide.scale, toSvg: true });
      const phonePng = raster.draw({ svg: images.phone, fonts, width: phone.width * phone.scale });
      const done = Promise.all([widePng, phonePng]).then(([w, p]) => {
        mkdirSync(join(dist, paths.page), { recursive: true });
        writeFileSync(join(dist, paths.svg), labelSvg(w.svg as string, images.text));
        writeFileSync(join(dist, paths.pngWide), w.png as Buffer);
        writeFileSync(join(dist, paths.pngPhone), p.png as Buffer);
        // the oEmbed document names the PNG just drawn, with its size
        const oembed = oembedDocument({
          site: absoluteSite(),
          editionRoot: editionPath(lang),
          siteName: t(lang, 'site.name'),
          title: images.text.title,
          frameTitle: t(lang, 'embed.frameTitle', { title: images.text.title, site: t(lang, 'site.shortName') }),
          embedPath: copiedEmbedPath(id, lang),
          thumbnail: { path: paths.pngWide, width: w.width, height: w.height },
        });
        writeFileSync(join(dist, paths.oembed), `${JSON.stringify(oembed, null, 2)}\n`);
        log(`${lang} ${id}: svg, ${w.width}×${w.height} png, ${p.width}×${p.height} png`);
      });
      // a failure is met by the Promise.all below, not reported as unhandled before it
      done.catch(() => undefined);
      written.push(done);
    }
    await Promise.all(written);
  };
  try {
    // every edition has its own images: the English ones in English, under en/; one edition is
    // drawn while the next is laid out
    let ready = await prepare(LANGS[0] as Lang);
    for (let i = 1; i <= LANGS.length; i++) {
      const next = LANGS[i];
      const [, prepared] = await Promise.all([draw(ready), next ? prepare(next) : undefined]);
      if (prepared) ready = prepared;
    }
  } finally {
    await own?.close();
    rmSync(fontDir, { recursive: true, force: true });
  }
  if (charts.length === 0) log('the chart registry (src/charts/index.ts) is empty; no images written');
}

export function staticImages(): AstroIntegration {
  return {
    name: 'static-images',
    hooks: {
      'astro:build:done': async ({ dir, logger }) => {
        const began = Date.now();
        let count = 0;
        await writeStaticImages(fileURLToPath(dir), (line) => {
          count += 1;
          logger.debug(line);
        });
        logger.info(`${count} image sets (chart × edition) drawn in ${((Date.now() - began) / 1000).toFixed(1)} s`);
      },
    },
  };
}
