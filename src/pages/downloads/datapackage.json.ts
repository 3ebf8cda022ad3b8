/** The research bundle's Frictionless Data Package descriptor (tabular-data-package). */
import { createHash } from 'node:crypto';
import type { APIRoute } from 'astro';
import { getDataset } from '../../lib/data/dataset.ts';
import { publishedCsvFiles } from '../../lib/downloads/tables.ts';
import { buildDataPackage } from '../../lib/downloads/datapackage.ts';
import { siteDatasetMeta } from '../../lib/downloads/download-meta.ts';
import { t, type Lang } from '../../i18n/index.ts';

/** Keywords as each dictionary lists them, split on that language's list mark. */
const keywordsIn = (lang: Lang): string[] =>
  t(lang, 'data.package.keywords')
    .split(lang === 'zh' ? '、' : ',')
    .map((k) => k.trim())
    .filter(Boolean);

// one package serves both editions: its title, description and keywords in both languages
export const GET: APIRoute = ({ site }) => {
  const files = publishedCsvFiles(getDataset());
  const zh = siteDatasetMeta('zh', site);
  const en = siteDatasetMeta('en', site);
  const pkg = buildDataPackage(
    { ...zh, title: `${zh.title} / ${en.title}` },
    (path) => {
      const bytes = files.get(path);
      if (!bytes) throw new Error(`datapackage: no published file ${path}`);
      return { bytes: bytes.length, sha256: createHash('sha256').update(bytes).digest('hex') };
    },
    {
      description: `${t('zh', 'site.description')}\n\n${t('en', 'site.description')}`,
      keywords: [...keywordsIn('zh'), ...keywordsIn('en')],
    },
  );
  return new Response(JSON.stringify(pkg, null, 2), { headers: { 'Content-Type': 'application/json; charset=utf-8' } });
};
