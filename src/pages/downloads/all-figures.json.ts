/** All figures as JSON: the same rows and string values as all-figures.csv, with what they are. */
import type { APIRoute } from 'astro';
import { getDataset } from '../../lib/data/dataset.ts';
import { ALL_FIGURES, ALL_FIGURES_COLUMN_NAMES, allFigureRecords, type FiguresJson } from '../../lib/downloads/tables.ts';
import { siteDatasetMeta } from '../../lib/downloads/download-meta.ts';

export const GET: APIRoute = ({ site }) => {
  const meta = siteDatasetMeta('zh', site);
  const body: FiguresJson = {
    name: ALL_FIGURES.name,
    title: meta.title,
    version: meta.version,
    created: meta.created,
    license: meta.license.id,
    filter: '',
    columns: [...ALL_FIGURES_COLUMN_NAMES],
    rows: [...allFigureRecords(getDataset())],
  };
  return new Response(JSON.stringify(body, null, 1), { headers: { 'Content-Type': 'application/json; charset=utf-8' } });
};
