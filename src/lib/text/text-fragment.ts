/**
 * A link to a passage inside a page: a text directive (`#:~:text=…`, the URL Fragment Text
 * Directives draft that Chromium, Safari and Firefox follow) makes the browser scroll to the
 * passage and highlight it, without script. A browser that does not know it opens the page at
 * the top. The source viewer inserts reference numbers after figure quotes; a passage the
 * browser must match across one is given as a range (its text before the first and after the
 * last insertion), since the inserted digits are not in the quote.
 */

/** Percent-encodes a directive's text: what encodeURIComponent leaves, "-" is syntax in a directive. */
function encodeDirectiveText(s: string): string {
  return encodeURIComponent(s).replace(/-/gu, '%2D');
}

/**
 * The fragment that leads to the first occurrence of `passage` in `text`, or undefined when the
 * passage is not in the text. `insertions` are offsets in `text` at which the page shows text of
 * its own (the end of each highlighted figure quote in the source viewer).
 */
export function textDirective(text: string, passage: string, insertions: readonly number[]): string | undefined {
  if (passage === '') return undefined;
  const start = text.indexOf(passage);
  if (start < 0) return undefined;
  const end = start + passage.length;
  const inside = [...new Set(insertions.filter((i) => i > start && i < end))].sort((a, b) => a - b);
  if (inside.length === 0) return `#:~:text=${encodeDirectiveText(passage)}`;
  const first = text.slice(start, inside[0]);
  const last = text.slice(inside[inside.length - 1], end);
  return `#:~:text=${encodeDirectiveText(first)},${encodeDirectiveText(last)}`;
}
