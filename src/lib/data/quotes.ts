/**
 * Whether a quote stands in its source: every table that quotes a source (figures, events, the
 * glossary) asks this one question of the clean text, so all of them refuse a quote the same way.
 */

/** The problem with a quote, or undefined when it is found verbatim. */
export function quoteProblem(cleanText: string, quote: string, source: string): string | undefined {
  return cleanText.includes(quote) ? undefined : `not found verbatim in the clean text of ${source}`;
}
