/** /corrections/feed.xml: every change to a released figure, newest first, as Atom. */
import type { APIRoute } from 'astro';
import { getDataset } from '../../lib/data/dataset.ts';
import { correctionsAtom, feedUpdated } from '../../lib/downloads/corrections-feed.ts';
import { buildTime } from '../../lib/downloads/citation.ts';
import { t, type MessageKey } from '../../i18n/index.ts';

export const GET: APIRoute = ({ site }) => {
  if (!site) throw new Error('astro.config.mjs must set `site`: the feed links need the address');
  const base = import.meta.env.BASE_URL;
  const rows = getDataset().report.tables.corrections.map((r) => r.row);
  const empty = t('zh', 'corrections.empty');
  const xml = correctionsAtom(rows, {
    pageUrl: new URL(`${base}corrections/`, site).href,
    feedUrl: new URL(`${base}corrections/feed.xml`, site).href,
    updated: feedUpdated(rows, buildTime()),
    text: {
      title: t('zh', 'corrections.feedTitle'),
      author: t('zh', 'site.publisher'),
      entryTitle: (c) =>
        t('zh', 'corrections.entryTitle', { figure: c.figure, field: t('zh', `corrections.field.${c.field}` as MessageKey) }),
      entryText: (c) => `${c.version}：${c.old === '' ? empty : c.old} → ${c.new === '' ? empty : c.new}。${c.reason_zh}`,
    },
  });
  return new Response(xml, { headers: { 'Content-Type': 'application/atom+xml; charset=utf-8' } });
};
