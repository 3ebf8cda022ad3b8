/**
 * The corrections log as an Atom feed (RFC 4287). Links use the configured site address;
 * ids are tag: URIs (RFC 4151) so they stay the same whatever address the site moves to.
 */
import { escapeHtml } from '../text/escape-html.ts';

/** What the feed needs of a correction: its anchor on the corrections page and its date. */
export interface FeedEntry {
  anchor: string;
  date: string;
}

export interface FeedText<E extends FeedEntry> {
  title: string;
  author: string;
  entryTitle: (c: E) => string;
  entryText: (c: E) => string;
}

const TAG = 'tag:qingdao-investment-figures,2026';

const esc = escapeHtml;

/** Stable whatever the site's address or language: the anchor is the figure and the field changed. */
export function entryId(c: FeedEntry): string {
  return `${TAG}:corrections/${c.date}/${c.anchor}`;
}

export function correctionsAtom<E extends FeedEntry>(
  rows: readonly E[],
  opts: { lang: 'zh' | 'en'; pageUrl: string; feedUrl: string; updated: string; text: FeedText<E> },
): string {
  const sorted = [...rows].sort((a, b) => b.date.localeCompare(a.date) || a.anchor.localeCompare(b.anchor));
  const lines = [
    '<?xml version="1.0" encoding="utf-8"?>',
    `<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="${opts.lang === 'zh' ? 'zh-CN' : 'en'}">`,
    `  <id>${TAG}:corrections</id>`,
    `  <title>${esc(opts.text.title)}</title>`,
    `  <updated>${opts.updated}</updated>`,
    `  <author><name>${esc(opts.text.author)}</name></author>`,
    `  <link rel="self" type="application/atom+xml" href="${esc(opts.feedUrl)}"/>`,
    `  <link rel="alternate" type="text/html" href="${esc(opts.pageUrl)}"/>`,
  ];
  for (const c of sorted) {
    lines.push(
      '  <entry>',
      `    <id>${esc(entryId(c))}</id>`,
      `    <title>${esc(opts.text.entryTitle(c))}</title>`,
      `    <updated>${c.date}T00:00:00Z</updated>`,
      `    <link rel="alternate" type="text/html" href="${esc(`${opts.pageUrl}#${c.anchor}`)}"/>`,
      `    <content type="text">${esc(opts.text.entryText(c))}</content>`,
      '  </entry>',
    );
  }
  lines.push('</feed>', '');
  return lines.join('\n');
}

/** The newest date in the log, as an Atom instant; the release date when the log is empty. */
export function feedUpdated(rows: readonly Pick<FeedEntry, 'date'>[], fallback: string): string {
  const last = rows
    .map((c) => c.date)
    .sort()
    .at(-1);
  return last ? `${last}T00:00:00Z` : fallback;
}
