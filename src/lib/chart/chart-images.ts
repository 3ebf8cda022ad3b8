/**
 * Everything one chart's static images need, for the build script and for the tests that
 * check its output: the texts, the chart drawn at each image's width, and the layouts.
 */
import { t, type Lang } from '../../i18n/index.ts';
import { PUNCTUATION } from '../../i18n/punctuation.ts';
import { buildChartFrame } from './frame.ts';
import type { ChartDefinition } from './types.ts';
import type { Dataset } from '../data/site-figure.ts';
import { chartPaths, STATIC_IMAGE_SIZES } from './chart-files.ts';
import { renderPlotSvg } from './render-svg.ts';
import { fontFamilyList, loadFonts, missingGlyphs, type Fonts } from './image-fonts.ts';
import {
  composeImageSvg,
  imageTexts,
  layoutImage,
  prepareChartSvg,
  type ChartDrawing,
  type ImageLayout,
  type ImageText,
} from './image-layout.ts';
import type { Palette } from './theme-colors.ts';

export const PADDING = { wide: 20, phone: 16 } as const;
/** the width the wide image's chart is drawn at, inside its padding; the share card shows the same drawing */
const WIDE_CHART_WIDTH = STATIC_IMAGE_SIZES.wide.width - PADDING.wide * 2;

export interface ChartImage {
  layout: ImageLayout;
  chart: ChartDrawing;
  /** with <text>; resvg makes the paths */
  svg: string;
}

export interface ChartImages {
  text: ImageText;
  /** the edition's fonts, which resvg draws the SVGs with */
  fonts: Fonts;
  wide: ChartImage;
  phone: ChartImage;
}

export interface ImageContext {
  lang: Lang;
  /** the site's public address (SITE_URL); undefined draws the site's name without an address */
  site: string | undefined;
  /** the line with the date the image was made, already worded */
  date: string;
  palette: Palette;
}

/** The chart drawn for an image, `width` CSS px wide inside the image's padding. */
export function chartDrawing(def: ChartDefinition, data: Dataset, lang: Lang, width: number, palette: Palette): ChartDrawing {
  const frame = buildChartFrame(def, data, lang);
  const svg = renderPlotSvg(def.spec(frame.rows, { width, lang, lookups: data }), {
    ariaLabel: frame.title,
    ariaDescription: frame.description,
  });
  return prepareChartSvg(svg, palette, `chart ${def.id}`, loadFonts(lang));
}

/**
 * What a chart's share card draws: its title and its wide drawing (or, when that is too small to
 * read, its title and subtitle). `wide` is that drawing when the caller has made it already
 * (the chart's images: `chartImages(…).wide.chart`).
 */
export function chartCard(
  def: ChartDefinition,
  data: Dataset,
  lang: Lang,
  palette: Palette,
  wide?: ChartDrawing,
): { title: string; subtitle: string; chart: ChartDrawing } {
  const frame = buildChartFrame(def, data, lang);
  return { title: frame.title, subtitle: frame.subtitle, chart: wide ?? chartDrawing(def, data, lang, WIDE_CHART_WIDTH, palette) };
}

export function chartImages(def: ChartDefinition, data: Dataset, ctx: ImageContext): ChartImages {
  const { lang, palette } = ctx;
  const { id } = def;
  const fonts = loadFonts(lang);
  const frame = buildChartFrame(def, data, lang);
  const pageUrl = ctx.site ? new URL(chartPaths(id, lang).page, ctx.site) : undefined;
  const text: ImageText = {
    title: frame.title,
    subtitle: frame.subtitle,
    notes: frame.notes.map((n) => `${t(lang, 'chart.notes')}${PUNCTUATION[lang].colon}${n}`),
    sourceLine: frame.sourceLine,
    date: ctx.date,
    address: pageUrl
      ? t(lang, 'embed.imageSite', { site: t(lang, 'site.shortName'), address: `${pageUrl.host}${pageUrl.pathname}` })
      : t(lang, 'site.shortName'),
    description: frame.description,
    legend: frame.legend,
  };
  const image = (width: number, padding: number, minHeight?: number): ChartImage => {
    const chart = chartDrawing(def, data, lang, width - padding * 2, palette);
    const layout = layoutImage(text, chart, minHeight === undefined ? { width, padding } : { width, padding, minHeight }, palette, fonts);
    return { layout, chart, svg: composeImageSvg(layout, chart, fonts) };
  };
  const { wide, phone } = STATIC_IMAGE_SIZES;
  const result = { text, fonts, wide: image(wide.width, PADDING.wide), phone: image(phone.width, PADDING.phone, phone.height) };
  for (const s of [...imageTexts(text, result.wide.chart), ...result.phone.chart.texts]) {
    const missing = missingGlyphs(s, fonts);
    if (missing.length > 0) {
      const names = missing.map((c) => `"${c}" (U+${(c.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, '0')})`);
      throw new Error(`static images: chart ${id}: ${names.join(', ')} in "${s}" has no glyph in ${fontFamilyList(fonts)}`);
    }
  }
  return result;
}
