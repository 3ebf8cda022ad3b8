/**
 * A chart as a panel for a larger image (the 一图读懂 long images): the same frame, legend,
 * notes and source line as the chart's own PNG, laid out at a narrow width so that, scaled up
 * to the long image's width, its smallest text is still large enough to read on a phone.
 */
import type { Lang } from '../../i18n/index.ts';
import { t } from '../../i18n/index.ts';
import { PUNCTUATION } from '../../i18n/punctuation.ts';
import type { Dataset } from '../data/site-figure.ts';
import { buildChartFrame } from './frame.ts';
import { loadFonts } from './image-fonts.ts';
import { composeImageSvg, imageTexts, layoutImage, prepareChartSvg } from './image-layout.ts';
import { renderPlotSvg } from './render-svg.ts';
import type { Palette } from './theme-colors.ts';
import type { ChartDefinition } from './types.ts';

export interface ChartPanel {
  /** a whole <svg> with <text> still in it */
  svg: string;
  width: number;
  height: number;
  texts: string[];
  /** the smallest text size the panel draws, in its own px */
  smallestText: number;
  title: string;
}

/** the smallest size of text an image's layout sets (image-layout.ts: notes, credits, legend) */
const LAYOUT_SMALLEST = 12;
/** what Plot sets where a mark names no size */
const PLOT_DEFAULT = 10;

export function chartPanel(def: ChartDefinition, data: Dataset, lang: Lang, width: number, palette: Palette): ChartPanel {
  const fonts = loadFonts(lang);
  const frame = buildChartFrame(def, data, lang);
  const padding = 8;
  const svg = renderPlotSvg(def.spec(frame.rows, { width: width - padding * 2, lang, lookups: data }), {
    ariaLabel: frame.title,
    ariaDescription: frame.description,
  });
  const chart = prepareChartSvg(svg, palette, `chart ${def.id}`, fonts);
  const text = {
    title: frame.title,
    subtitle: frame.subtitle,
    notes: frame.notes.map((n) => `${t(lang, 'chart.notes')}${PUNCTUATION[lang].colon}${n}`),
    sourceLine: frame.sourceLine,
    date: '',
    address: '',
    description: frame.description,
    legend: frame.legend,
  };
  const layout = layoutImage(text, chart, { width, padding }, palette, fonts);
  const sizes = [...chart.body.matchAll(/font-size(?:="|:\s*)(\d+(?:\.\d+)?)/gu)].map((m) => Number(m[1]));
  return {
    svg: composeImageSvg(layout, chart, fonts),
    width: layout.width,
    height: layout.height,
    texts: imageTexts(text, chart).filter((s) => s !== ''),
    smallestText: Math.min(LAYOUT_SMALLEST, PLOT_DEFAULT, ...sizes),
    title: frame.title,
  };
}
