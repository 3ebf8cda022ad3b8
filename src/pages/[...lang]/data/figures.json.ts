/** The /data/ explorer's figures in each edition, fetched by its script (src/lib/explorer/explorer-file.ts). */
import type { APIRoute } from 'astro';
import { getDataset } from '../../../lib/data/dataset.ts';
import { explorerRows } from '../../../lib/explorer/rows.ts';
import { encodeExplorerFile } from '../../../lib/explorer/explorer-file.ts';
import { langOfParam, langPaths } from '../../../i18n/paths.ts';

export function getStaticPaths() {
  return langPaths();
}

export const GET: APIRoute = ({ params }) => {
  const rows = explorerRows(getDataset(), langOfParam(params.lang));
  return new Response(JSON.stringify(encodeExplorerFile(rows)), { headers: { 'Content-Type': 'application/json; charset=utf-8' } });
};
