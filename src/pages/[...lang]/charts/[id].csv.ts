/**
 * A chart's own rows as a spreadsheet-safe CSV (UTF-8 with BOM, formula-leading cells
 * neutralised), written as a static file at build time.
 */
import type { APIRoute } from 'astro';
import { allCharts, chartById } from '../../../charts/index.ts';
import { chartRowsCsv } from '../../../lib/chart/chart-csv.ts';
import { getDataset } from '../../../lib/data/dataset.ts';
import { inEveryLang, langOfParam } from '../../../i18n/paths.ts';

export function getStaticPaths() {
  return inEveryLang(allCharts(getDataset()).map((c) => ({ params: { id: c.id } })));
}

export const GET: APIRoute = ({ params }) => {
  const data = getDataset();
  const def = chartById(params.id ?? '', data);
  return new Response(chartRowsCsv(def.select(data), data, langOfParam(params.lang)), {
    headers: { 'Content-Type': 'text/csv; charset=utf-8' },
  });
};
