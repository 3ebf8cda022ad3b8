/**
 * A static copy of a source's raw text, byte for byte as received: only for the site's own
 * reports, when the setting allows (src/lib/site/own-reports.ts). Other sources are quoted on
 * their pages, not republished; their raw texts stay in data/sources/ for the build.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { APIRoute, GetStaticPaths } from 'astro';
import { DATA_DIR, getDataset } from '../../../lib/data/dataset.ts';
import { publishedInFull } from '../../../lib/site/own-reports.ts';

export const getStaticPaths = (() =>
  [...getDataset().sources.values()]
    .filter((s) => publishedInFull(s))
    .map((s) => ({ params: { id: s.id }, props: { file: s.file } }))) satisfies GetStaticPaths;

export const GET: APIRoute<{ file: string }> = ({ props }) =>
  new Response(new Uint8Array(readFileSync(join(DATA_DIR, 'sources', props.file))), {
    headers: { 'Content-Type': 'text/plain; charset=utf-8' },
  });
