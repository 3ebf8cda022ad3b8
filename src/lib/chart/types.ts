import type * as Plot from '@observablehq/plot';
import type { Lang } from '../../i18n/index.ts';
import type { Dataset, SiteFigure } from '../data/site-figure.ts';

/** The tables a chart may look names and units up in; passed in, so a spec reads no global dataset. */
export type ChartLookups = Pick<Dataset, 'places' | 'indicators' | 'units' | 'sources' | 'breakdowns' | 'events'>;

/** What a chart's words depend on: the language and the lookups. */
export interface ChartWords {
  lang: Lang;
  lookups: ChartLookups;
}

export interface ChartContext extends ChartWords {
  width: number;
}

/**
 * One chart: which rows it shows, how they are drawn, and what they say. `spec` is a pure
 * function of its rows and context (width, language, lookups), so the story, the chart page, the embed, the static image and the
 * golden tests all draw the same chart. Titles, subtitles and notes are in the i18n
 * dictionaries under charts.<id>.*.
 */
export interface ChartDefinition {
  id: string;
  select(data: Dataset): SiteFigure[];
  spec(rows: readonly SiteFigure[], ctx: ChartContext): ChartSpec;
  /**
   * The title: the finding in one sentence a reader can repeat, with a number or a direction,
   * taken from the rows and scoped to them (the chart's label, charts.<id>.label, becomes
   * the subtitle). Every story chart has one; a series' chart takes its title from `words`.
   */
  title?(rows: readonly SiteFigure[], ctx: ChartWords): string;
  /** the main finding, as a sentence, with its numbers taken from the rows */
  describe(rows: readonly SiteFigure[], ctx: ChartContext): string;
  /**
   * Words for a chart made from the data rather than written (a series' chart): when given,
   * they replace the dictionary's charts.<id>.title, .subtitle and .note1… .
   */
  words?: (ctx: ChartWords) => { title: string; subtitle: string; notes: string[] };
}

/** How a legend entry is drawn: one per encoding a chart uses. */
export type Swatch =
  'primary' | 'secondary' | 'derived' | 'target' | 'part' | 'track' | 'gap' | 'event' | 'event-year' | 'circle' | 'square' | 'diamond';

export interface LegendEntry {
  swatch: Swatch;
  /** the same words the tooltip uses */
  label: string;
}

/**
 * Plot's options plus the legend of the marks the spec actually drew: the kit functions
 * report every encoding they use, so the legend can never list a mark the chart lacks.
 */
export type ChartSpec = Plot.PlotOptions & { legend: LegendEntry[] };

/** Colours are CSS variables so the same SVG follows the reader's light or dark theme. */
export const COLORS = {
  actual: 'var(--chart-actual)',
  secondary: 'var(--chart-secondary)',
  derived: 'var(--chart-derived)',
  target: 'var(--chart-target)',
  muted: 'var(--chart-muted)',
  ink: 'var(--chart-ink)',
  grid: 'var(--chart-grid)',
} as const;
