/** /corrections/feed.xml: the corrections page's sentences, newest first, as Atom. */
import type { APIRoute } from 'astro';
import { correctionsAtom, feedUpdated } from '../../../lib/downloads/corrections-feed.ts';
import { buildTime } from '../../../lib/downloads/citation.ts';
import { t } from '../../../i18n/index.ts';
import { editionPath, href, langOfParam, langPaths } from '../../../i18n/paths.ts';
import { readerCorrections } from '../../../story/corrections.ts';

export function getStaticPaths() {
  return langPaths();
}

export const GET: APIRoute = ({ site, params }) => {
  const lang = langOfParam(params.lang);
  if (!site) throw new Error('astro.config.mjs must set `site`: the feed links need the address');
  const base = import.meta.env.BASE_URL;
  const absolute = (path: string) => new URL(path.startsWith('/') ? path : `${base}${path}`, site).href;
  const lines = readerCorrections(lang, href(lang));
  const xml = correctionsAtom(lines, {
    lang,
    pageUrl: new URL(`${base}${editionPath(lang, 'corrections/')}`, site).href,
    feedUrl: new URL(`${base}${editionPath(lang, 'corrections/feed.xml')}`, site).href,
    updated: feedUpdated(lines, buildTime()),
    text: {
      title: t(lang, 'corrections.feedTitle'),
      author: t(lang, 'site.publisher'),
      entryTitle: (c) => t(lang, 'corrections.entryTitle', { date: c.dateText }),
      entryText: (c) =>
        c.pages.length === 0
          ? c.sentence
          : `${c.sentence}${t(lang, 'corrections.feedPages', { pages: c.pages.map((p) => `${p.label} ${absolute(p.path)}`).join(t(lang, 'event.listSeparator')) })}`,
    },
  });
  return new Response(xml, { headers: { 'Content-Type': 'application/atom+xml; charset=utf-8' } });
};
