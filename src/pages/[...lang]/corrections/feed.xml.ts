/** /corrections/feed.xml: every change to a released figure, newest first, as Atom. */
import type { APIRoute } from 'astro';
import { correctionsAtom, feedUpdated } from '../../../lib/downloads/corrections-feed.ts';
import { buildTime } from '../../../lib/downloads/citation.ts';
import { t, type MessageKey } from '../../../i18n/index.ts';
import { langPaths } from '../../../i18n/paths.ts';
import { pageShell } from '../../../layouts/page-shell.ts';

export const getStaticPaths = langPaths;

export const GET: APIRoute = ({ site, params }) => {
  const { lang, link, data } = pageShell(params);
  if (!site) throw new Error('astro.config.mjs must set `site`: the feed links need the address');
  const rows = data.report.tables.corrections.map((r) => r.row);
  const empty = t(lang, 'corrections.empty');
  const xml = correctionsAtom(rows, {
    pageUrl: new URL(link.corrections(), site).href,
    feedUrl: new URL(link.correctionsFeed(), site).href,
    updated: feedUpdated(rows, buildTime()),
    text: {
      title: t(lang, 'corrections.feedTitle'),
      author: t(lang, 'site.publisher'),
      entryTitle: (c) =>
        t(lang, 'corrections.entryTitle', { figure: c.figure, field: t(lang, `corrections.field.${c.field}` as MessageKey) }),
      entryText: (c) =>
        t(lang, 'corrections.entryText', {
          version: c.version,
          old: c.old === '' ? empty : c.old,
          new: c.new === '' ? empty : c.new,
          reason: lang === 'zh' ? c.reason_zh : c.reason,
        }),
    },
  });
  return new Response(xml, { headers: { 'Content-Type': 'application/atom+xml; charset=utf-8' } });
};
