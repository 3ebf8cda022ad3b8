/**
 * Browser stand-in for src/lib/dataset.ts on the benchmark's comparison page. The chart
 * specifications look up places, indicators, units and sources through getDataset(); in the
 * browser there are no CSV files to check, so the page fetches the chart's rows and those
 * lookup tables as JSON (written by scripts/bench.ts) and hands them over here first.
 */
import type { Dataset, SiteFigure } from '../src/lib/data/dataset.ts';

export type { Dataset, SiteFigure };

/** what scripts/bench.ts writes to chart-data.json */
export interface ChartDataJson {
  rows: SiteFigure[];
  indicators: [string, unknown][];
  places: [string, unknown][];
  units: [string, unknown][];
  sources: [string, unknown][];
}

let current: Dataset | undefined;

export function useDataset(json: ChartDataJson): Dataset {
  current = {
    figures: json.rows,
    byId: new Map(json.rows.map((r) => [r.id, r])),
    indicators: new Map(json.indicators),
    places: new Map(json.places),
    units: new Map(json.units),
    sources: new Map(json.sources),
    events: [],
    report: undefined,
  } as unknown as Dataset;
  return current;
}

export function getDataset(): Dataset {
  if (!current) throw new Error('dataset-in-browser: getDataset() before useDataset()');
  return current;
}
