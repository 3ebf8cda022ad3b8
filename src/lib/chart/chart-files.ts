import type { Lang } from '../../i18n/index.ts';
import { sharedFiles, sitePaths } from '../site/routes.ts';

/**
 * Where each chart's pages and files live, relative to the site root. One place, because the
 * chart page links them, the build writes them and the tests look for them.
 */
export const STATIC_IMAGE_SIZES = {
  /** the 1080 px wide PNG: 540 CSS px drawn at 2× */
  wide: { width: 540, scale: 2, suffix: '-1080' },
  /** the tall phone PNG: a 360 × 640 CSS px portrait (9:16) drawn at 2× */
  phone: { width: 360, height: 640, scale: 2, suffix: '-phone' },
} as const;

export interface ChartPaths {
  page: string;
  embed: string;
  csv: string;
  svg: string;
  pngWide: string;
  pngPhone: string;
  /** the chart's oEmbed document */
  oembed: string;
}

/**
 * Paths without a leading slash, so they join onto the base URL, dist/ or the site address alike.
 * Each edition has its own: the English chart, its images and rows live under en/.
 */
export function chartPaths(id: string, lang: Lang): ChartPaths {
  const at = sitePaths(lang);
  return {
    page: at.chart(id),
    embed: at.embed(id),
    csv: at.chartCsv(id),
    svg: at.chartImage(id, '', 'svg'),
    pngWide: at.chartImage(id, STATIC_IMAGE_SIZES.wide.suffix, 'png'),
    pngPhone: at.chartImage(id, STATIC_IMAGE_SIZES.phone.suffix, 'png'),
    oembed: at.chartOembed(id),
  };
}

/** The parent script for embeds, served from the site root. */
export const EMBED_PARENT_SCRIPT = sharedFiles.embedParent();
