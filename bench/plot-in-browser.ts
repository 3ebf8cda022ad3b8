/**
 * Client-side rendering of one site chart, for the benchmark's comparison page: fetch the
 * chart's rows and the lookup tables its specification reads as JSON, and let Observable Plot
 * draw the same specification the site renders at build time. scripts/bench.ts resolves
 * `bench:chart` to the chart's module.
 */
import * as Plot from '@observablehq/plot';
import { chart } from 'bench:chart';
import type { ChartLookups } from '../src/lib/chart/types.ts';
import type { SiteFigure } from '../src/lib/data/site-figure.ts';

/** what scripts/bench.ts writes to chart-data.json */
interface ChartDataJson {
  rows: SiteFigure[];
  indicators: [string, unknown][];
  places: [string, unknown][];
  units: [string, unknown][];
  sources: [string, unknown][];
  breakdowns: [string, unknown][];
  events: unknown[];
}

/** the site switches to its wide drawing at this container width (see ChartFigure.astro) */
const WIDE_FROM = 520;
const WIDTHS = { narrow: 340, wide: 640 };

async function draw(): Promise<void> {
  const host = document.getElementById('chart');
  if (!host) throw new Error('plot-in-browser: no #chart element');
  const response = await fetch('chart-data.json');
  if (!response.ok) throw new Error(`plot-in-browser: chart-data.json answered ${response.status}`);
  const json = (await response.json()) as ChartDataJson;
  const lookups = {
    indicators: new Map(json.indicators),
    places: new Map(json.places),
    units: new Map(json.units),
    sources: new Map(json.sources),
    breakdowns: new Map(json.breakdowns),
    events: json.events,
  } as unknown as ChartLookups;
  const width = host.clientWidth >= WIDE_FROM ? WIDTHS.wide : WIDTHS.narrow;
  const lang = document.documentElement.lang.startsWith('zh') ? 'zh' : 'en';
  const node = Plot.plot({
    ...chart.spec(json.rows, { width, lang, lookups }),
    ariaLabel: host.dataset['label'] ?? '',
    ariaDescription: host.dataset['description'] ?? '',
  });
  host.replaceChildren(node);
}

void draw();
