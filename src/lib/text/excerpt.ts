/**
 * What of a source's text the site shows: the paragraphs (lines) that hold a quoted figure,
 * and at most one other, for context: the first paragraph of the article, which in these
 * texts is the headline or the lead saying what the article is about (the `url:`,
 * `publisher:`, `published:` header a secondary source's file starts with is not the article,
 * data/README.md). A quote that runs over a line break
 * keeps every line it touches. Everything else is left out, and where it is, the reader is
 * told how many paragraphs were left out, so the excerpt never passes for the whole article.
 */
import type { QuoteSpan } from './quote-highlight.ts';

export interface Block {
  start: number;
  end: number;
  /** paragraphs left out before this block */
  omittedBefore: number;
  /** true for the context paragraph (it holds no quote) */
  context: boolean;
}

export interface Excerpt {
  blocks: Block[];
  /** paragraphs left out after the last block */
  omittedAfter: number;
  /** paragraphs in the whole text */
  paragraphs: number;
}

/** The non-blank lines of a text, as [start, end) ranges. */
export function paragraphsOf(text: string): { start: number; end: number }[] {
  const out: { start: number; end: number }[] = [];
  const re = /[^\n]+/gu;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    const lead = m[0].length - m[0].trimStart().length;
    const body = m[0].trim();
    if (body !== '') out.push({ start: m.index + lead, end: m.index + lead + body.length });
  }
  return out;
}

/** The header lines a secondary source's file starts with (data/README.md): `url: …`. */
const HEADER = /^(url|publisher|published):/u;

export function excerptOf(text: string, spans: readonly QuoteSpan[]): Excerpt {
  const paras = paragraphsOf(text);
  const first = paras.findIndex((p) => !HEADER.test(text.slice(p.start, p.end)));
  const keep = new Set<number>();
  for (const s of spans) {
    paras.forEach((p, i) => {
      if (p.start < s.end && s.start < p.end) keep.add(i);
    });
  }
  let context = -1;
  if (first >= 0 && !keep.has(first)) {
    context = first;
    keep.add(first);
  }
  // a quote spanning the gap between two kept lines joins them into one block
  const kept = [...keep].sort((a, b) => a - b);
  const blocks: Block[] = [];
  let prev = -1;
  for (const i of kept) {
    const p = paras[i] as { start: number; end: number };
    const last = blocks.at(-1);
    const joined = last !== undefined && spans.some((s) => s.start < last.end + 1 && s.end > p.start && s.start < p.start);
    if (last && i === prev + 1 && joined) {
      last.end = p.end;
    } else {
      blocks.push({ start: p.start, end: p.end, omittedBefore: i - prev - 1, context: i === context });
    }
    prev = i;
  }
  return { blocks, omittedAfter: paras.length - 1 - prev, paragraphs: paras.length };
}
