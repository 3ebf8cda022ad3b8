/**
 * The size of a chart's wide PNG, known before the image script draws it, so a page that shows
 * the picture gives its <img> a width and height and nothing shifts while it loads.
 */
import { t, type Lang } from '../../i18n/index.ts';
import { formatIsoDate } from '../words/format.ts';
import type { Dataset } from '../data/dataset.ts';
import { chartImages } from './chart-images.ts';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseThemeColors } from './theme-colors.ts';
import type { ChartDefinition } from './types.ts';
import { publicSite } from '../site/address.ts';

// read from the project root: a path relative to this module would point into dist/ once bundled
const light = () => parseThemeColors(readFileSync(resolve(process.cwd(), 'src/styles/global.css'), 'utf8')).light;

/** CSS pixels of the wide image (the PNG is drawn at 2×; only the ratio matters to the page). */
export function chartImageSize(def: ChartDefinition, data: Dataset, lang: Lang): { width: number; height: number } {
  const images = chartImages(def, data, {
    lang,
    site: publicSite()?.href,
    date: t(lang, 'embed.imageDate', { date: formatIsoDate('2000-12-31', lang) }),
    palette: light(),
  });
  return { width: images.wide.layout.width, height: Math.round(images.wide.layout.height) };
}
