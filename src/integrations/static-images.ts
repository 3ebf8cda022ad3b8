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
import { LANGS, t } from '../i18n/index.ts';
import { chartPaths, STATIC_IMAGE_SIZES } from '../lib/chart/chart-files.ts';
import { chartImages } from '../lib/chart/chart-images.ts';
import { loadFonts, subsetFonts, svgCharacters } from '../lib/chart/image-fonts.ts';
import { renderPng, svgWithPaths } from '../lib/chart/image-raster.ts';
import { readThemeColors } from '../lib/chart/theme-colors.ts';
import { getDataset } from '../lib/data/dataset.ts';
import { formatIsoDate } from '../lib/words/format.ts';
import { buildDate } from '../lib/site/build-date.ts';
import { absoluteSite, publicSite } from '../lib/site/address.ts';
import { oembedDocument } from '../lib/chart/oembed.ts';
import { copiedEmbedPath } from '../lib/chart/embed-code.ts';
import { editionPath } from '../i18n/paths.ts';

/** Writes every chart's images, in every edition, into `dist`; `log` hears one line an image set. */
export async function writeStaticImages(dist: string, log: (line: string) => void): Promise<void> {
  // the images carry the public address only when the build was given one
  const site = publicSite()?.href;
  const palette = readThemeColors().light;
  const { wide, phone } = STATIC_IMAGE_SIZES;
  const data = getDataset();
  const fontDir = mkdtempSync(join(tmpdir(), 'qd-image-fonts-'));
  try {
    // every edition has its own images: the English ones in English, under en/
    for (const lang of LANGS) {
      const date = t(lang, 'embed.imageDate', { date: formatIsoDate(buildDate().day, lang) });
      const all = allCharts(data).map((def) => ({ def, images: chartImages(def, data, { lang, site, date, palette }) }));
      // one edition's fonts, cut to the characters of all its images (see subsetFonts)
      const text = all.map(({ images }) => svgCharacters(images.wide.svg) + svgCharacters(images.phone.svg)).join('');
      const langDir = join(fontDir, lang);
      mkdirSync(langDir);
      const fonts = await subsetFonts(loadFonts(lang), text, langDir);
      for (const { def, images } of all) {
        const { id } = def;
        const paths = chartPaths(id, lang);
        mkdirSync(join(dist, paths.page), { recursive: true });
        writeFileSync(join(dist, paths.svg), svgWithPaths(images.wide.svg, images.text, fonts));
        const widePng = renderPng(images.wide.svg, wide.width * wide.scale, fonts);
        writeFileSync(join(dist, paths.pngWide), widePng.png);
        const phonePng = renderPng(images.phone.svg, phone.width * phone.scale, fonts);
        writeFileSync(join(dist, paths.pngPhone), phonePng.png);
        // the oEmbed document names the PNG just drawn, with its size
        const oembed = oembedDocument({
          site: absoluteSite(),
          editionRoot: editionPath(lang),
          siteName: t(lang, 'site.name'),
          title: images.text.title,
          frameTitle: t(lang, 'embed.frameTitle', { title: images.text.title, site: t(lang, 'site.shortName') }),
          embedPath: copiedEmbedPath(id, lang),
          thumbnail: { path: paths.pngWide, width: widePng.width, height: widePng.height },
        });
        writeFileSync(join(dist, paths.oembed), `${JSON.stringify(oembed, null, 2)}\n`);
        log(`${lang} ${id}: svg, ${widePng.width}×${widePng.height} png, ${phonePng.width}×${phonePng.height} png`);
      }
    }
  } finally {
    rmSync(fontDir, { recursive: true, force: true });
  }
  if (allCharts(data).length === 0) log('the chart registry (src/charts/index.ts) is empty; no images written');
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
