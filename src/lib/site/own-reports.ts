/**
 * The one setting on republishing: which publishers are this site's own newsroom, and
 * whether the site publishes its own reports in full. Every other source (government pages,
 * other papers, agencies) is quoted, never republished: its page shows only the paragraphs
 * that hold a figure (and one for context, src/lib/text/excerpt.ts), and its raw text is kept
 * in the repository for the build and the data check but not published (no raw.txt).
 *
 * `publishers` are matched against the start of a source's `publisher` in data/sources.csv
 * (Chinese, as written there). None of the current sources is the site's own, so it is empty.
 */
export const OWN_REPORTS: { readonly publishers: readonly string[]; readonly publishInFull: boolean } = {
  publishers: [],
  publishInFull: true,
};

/** Whether the site may show this source's whole text (and its raw file). */
export function publishedInFull(source: { publisher: string }, setting = OWN_REPORTS): boolean {
  return setting.publishInFull && setting.publishers.some((p) => p !== '' && source.publisher.startsWith(p));
}
