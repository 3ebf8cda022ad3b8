/** Every table of data/ as published in the research bundle: the checked file, unchanged. */
import type { APIRoute, GetStaticPaths } from 'astro';
import { TABLES, type TableName } from '../../lib/data/schema.ts';
import { tableFileBytes, tableFileName } from '../../lib/downloads/tables.ts';
import { getDataset } from '../../lib/data/dataset.ts';

export const getStaticPaths = (() =>
  (Object.keys(TABLES) as TableName[]).map((name) => ({
    params: { table: tableFileName(name).replace(/\.csv$/u, '') },
    props: { name },
  }))) satisfies GetStaticPaths;

export const GET: APIRoute<{ name: TableName }> = ({ props }) => {
  getDataset(); // a table is published only after the whole dataset passes its check
  return new Response(new Uint8Array(tableFileBytes(props.name)), { headers: { 'Content-Type': 'text/csv; charset=utf-8' } });
};
