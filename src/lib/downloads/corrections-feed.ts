/**
 * The corrections log as an Atom feed (RFC 4287). Links use the configured site address;
 * ids are tag: URIs (RFC 4151) so they stay the same whatever address the site moves to.
 */
import type { Correction } from '../data/schema.ts';
import { correctionAnchor } from '../data/corrections.ts';
import { escapeHtml } from '../text/escape-html.ts';

export interface FeedText {
  title: string;
  author: string;
  entryTitle: (c: Correction) => string;
  entryText: (c: Correction) => string;
}

const TAG = 'tag:qingdao-investment-figures,2026';

const esc = escapeHtml;

export function entryId(c: Correction): string {
  return `${TAG}:corrections/${c.version}/${c.figure}/${c.field}`;
}

export function correctionsAtom(
  rows: readonly Correction[],
  opts: { pageUrl: string; feedUrl: string; updated: string; text: FeedText },
): string {
  const sorted = [...rows].sort((a, b) => b.date.localeCompare(a.date) || a.figure.localeCompare(b.figure));
  const lines = [
    '<?xml version="1.0" encoding="utf-8"?>',
    '<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="zh-CN">',
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
      `    <link rel="alternate" type="text/html" href="${esc(`${opts.pageUrl}#${correctionAnchor(c)}`)}"/>`,
      `    <content type="text">${esc(opts.text.entryText(c))}</content>`,
      '  </entry>',
    );
  }
  lines.push('</feed>', '');
  return lines.join('\n');
}

/** The newest date in the log, as an Atom instant; the release date when the log is empty. */
export function feedUpdated(rows: readonly Correction[], fallback: string): string {
  const last = rows
    .map((c) => c.date)
    .sort()
    .at(-1);
  return last ? `${last}T00:00:00Z` : fallback;
}
