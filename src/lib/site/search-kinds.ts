/**
 * Which pages the site search indexes, and what kind of page each is: the kind is stored with
 * the page in the index (data-pagefind-meta and data-pagefind-filter, set by Base.astro) so a
 * result can say "chart", "series", "source" … before its title. Pages of no kind (the
 * explorer, the data dictionary, the search page itself, embeds) are left out of the index.
 */
export const SEARCH_KINDS = ['story', 'chart', 'series', 'event', 'promises', 'source', 'glossary'] as const;
export type SearchKind = (typeof SEARCH_KINDS)[number];

/**
 * The kind of a page from its path inside its edition (no leading slash, no /en/ prefix):
 * '' → story, charts/x/ → chart (charts/series-x/ → series), indicators/x/ → series, events/x/ → event, promises/ →
 * promises, sources/x/ → source, glossary/ → glossary; anything else is not indexed.
 */
export function searchKindOf(editionPath: string): SearchKind | undefined {
  if (editionPath === '') return 'story';
  const [first, second, ...rest] = editionPath.split('/');
  const one = second !== undefined && second !== '' && rest.length === 1 && rest[0] === '';
  const top = second === '' && rest.length === 0;
  // a series' chart page (src/charts/series.ts) is a series, not one of the story's charts
  if (first === 'charts' && one) return second.startsWith('series-') ? 'series' : 'chart';
  if (first === 'indicators' && one) return 'series';
  if (first === 'events' && one) return 'event';
  if (first === 'sources' && one) return 'source';
  if (first === 'promises' && top) return 'promises';
  if (first === 'glossary' && top) return 'glossary';
  return undefined;
}
