/**
 * Writes each chart's static images into the built site, after `astro build`:
 *   dist/charts/<id>/<id>.svg         vector, text as paths, 540 CSS px wide
 *   dist/charts/<id>/<id>-1080.png    the same at 2×: 1080 px wide
 *   dist/charts/<id>/<id>-phone.png   a tall portrait for phones: 720 px wide, at least 1280 px tall
 * Light palette, title, subtitle, notes, source line, date and the site's name (with its address
 * when SITE_URL is set) drawn in.
 * The Chinese images are drawn in Noto Sans SC, the English ones in Noto Sans with Noto Sans SC
 * for the Chinese they quote (src/lib/chart/image-fonts.ts); a character none of an edition's
 * fonts can draw stops the build instead of printing as a box.
 *
 *   npx tsx scripts/static-images.ts [--dist DIR]
 *
 * The date is today's in Asia/Shanghai, or SOURCE_DATE_EPOCH's when set (reproducible builds).
 */
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { allCharts, CHARTS } from '../src/charts/index.ts';
import { LANGS, t } from '../src/i18n/index.ts';
import { chartPaths, STATIC_IMAGE_SIZES } from '../src/lib/chart/chart-files.ts';
import { chartImages } from '../src/lib/chart/chart-images.ts';
import { formatIsoDate } from '../src/lib/words/format.ts';
import { loadFonts, renderPng, subsetFonts, svgCharacters, svgWithPaths } from '../src/lib/chart/static-image.ts';
import { readThemeColors } from '../src/lib/chart/theme-colors.ts';
import { getDataset } from '../src/lib/data/dataset.ts';
import { buildDate } from '../src/lib/site/build-date.ts';
import { cliArgs } from './lib/cli-args.ts';
import { publicSite, warnIfNoSite } from '../src/lib/site/address.ts';

const ROOT = fileURLToPath(new URL('..', import.meta.url));

async function main(): Promise<void> {
  const dist = resolve(
    ROOT,
    cliArgs('static-images', 'tsx scripts/static-images.ts [--dist DIR]', { dist: { type: 'string' } }, { min: 0, max: 0 }).values.dist ??
      'dist',
  );
  if (!existsSync(join(dist, 'index.html')) && !existsSync(join(dist, 'charts'))) {
    throw new Error(`static images: ${dist} holds no built site; run \`npx astro build\` first`);
  }
  // the images carry the public address only when the build was given one (SITE_URL)
  warnIfNoSite();
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
        console.log(`static images: ${lang} ${id}: svg, ${widePng.width}×${widePng.height} png, ${phonePng.width}×${phonePng.height} png`);
      }
    }
  } finally {
    rmSync(fontDir, { recursive: true, force: true });
  }
  if (CHARTS.length === 0) console.warn('static images: the chart registry (src/charts/index.ts) is empty; no images written');
}

await main();
