/** The research bundle's Frictionless Data Package descriptor (tabular-data-package). */
import { createHash } from 'node:crypto';
import type { APIRoute } from 'astro';
import { getDataset } from '../../lib/data/dataset.ts';
import { publishedCsvFiles } from '../../lib/downloads/tables.ts';
import { buildDataPackage } from '../../lib/downloads/datapackage.ts';
import { siteDatasetMeta } from '../../lib/downloads/download-meta.ts';
import { t } from '../../i18n/index.ts';

export const GET: APIRoute = ({ site }) => {
  const files = publishedCsvFiles(getDataset());
  const pkg = buildDataPackage(
    siteDatasetMeta('zh', site),
    (path) => {
      const bytes = files.get(path);
      if (!bytes) throw new Error(`datapackage: no published file ${path}`);
      return { bytes: bytes.length, sha256: createHash('sha256').update(bytes).digest('hex') };
    },
    { description: t('zh', 'site.description'), keywords: t('zh', 'data.package.keywords').split('、') },
  );
  return new Response(JSON.stringify(pkg, null, 2), { headers: { 'Content-Type': 'application/json; charset=utf-8' } });
};
