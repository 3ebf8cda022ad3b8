/** /corrections/feed.xml: the corrections page's sentences, newest first, as Atom. */
import type { APIRoute } from 'astro';
import { correctionsAtom, feedUpdated } from '../../../lib/downloads/corrections-feed.ts';
import { buildTime } from '../../../lib/downloads/citation.ts';
import { t } from '../../../i18n/index.ts';
import { langPaths } from '../../../i18n/paths.ts';
import { pageShell } from '../../../layouts/page-shell.ts';
import { readerCorrections } from '../../../story/corrections.ts';

export const getStaticPaths = langPaths;

export const GET: APIRoute = ({ site, params }) => {
  const { lang, link } = pageShell(params);
  if (!site) throw new Error('astro.config.mjs must set `site`: the feed links need the address');
  const lines = readerCorrections(lang);
  const xml = correctionsAtom(lines, {
    lang,
    pageUrl: new URL(link.corrections(), site).href,
    feedUrl: new URL(link.correctionsFeed(), site).href,
    updated: feedUpdated(lines, buildTime()),
    text: {
      title: t(lang, 'corrections.feedTitle'),
      author: t(lang, 'site.publisher'),
      entryTitle: (c) => t(lang, 'corrections.entryTitle', { date: c.dateText }),
      entryText: (c) =>
        c.pages.length === 0
          ? c.sentence
          : `${c.sentence}${t(lang, 'corrections.feedPages', { pages: c.pages.map((p) => `${p.label} ${new URL(p.path, site).href}`).join(t(lang, 'event.listSeparator')) })}`,
    },
  });
  return new Response(xml, { headers: { 'Content-Type': 'application/atom+xml; charset=utf-8' } });
};
