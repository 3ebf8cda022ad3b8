/**
 * What a Chinese sentence from the data cites that is not the site's own Chinese: a title in
 * 《》 (set in <cite>), a run of two or more English words (an English phrase or name, marked
 * lang="en"), and, where the text quotes another's words letter for letter, each “…” (a <q>,
 * whose marks the browser sets). One definition for the pages (MixedText.astro) and the rows the
 * explorer script draws (src/lib/explorer/row-dom.ts).
 */
export type MarkKind = 'cite' | 'en' | 'q' | 'plain';

export interface MarkedPiece {
  text: string;
  kind: MarkKind;
}

/** 《title》, or two or more English words in a row (numbers between them belong to the run) */
const MARKS = /(《[^》]*》)|([A-Za-z][\w’'.&-]*(?:[ ,:]+(?:\d[\d,.]*[ ,:]+)*[A-Za-z][\w’'.&-]*)+)/gu;
/** the same, or a quotation in “…” */
const MARKS_QUOTED = /(《[^》]*》)|([A-Za-z][\w’'.&-]*(?:[ ,:]+(?:\d[\d,.]*[ ,:]+)*[A-Za-z][\w’'.&-]*)+)|“([^“”]*)”/gu;

/** The pieces of a Chinese sentence; a quotation's piece holds its words without the marks. */
export function chineseMarks(text: string, { quoted = false } = {}): MarkedPiece[] {
  const out: MarkedPiece[] = [];
  let last = 0;
  for (const m of text.matchAll(quoted ? MARKS_QUOTED : MARKS)) {
    if (m.index > last) out.push({ text: text.slice(last, m.index), kind: 'plain' });
    if (m[3] !== undefined) out.push({ text: m[3], kind: 'q' });
    else out.push({ text: m[0], kind: m[1] ? 'cite' : 'en' });
    last = m.index + m[0].length;
  }
  if (last < text.length) out.push({ text: text.slice(last), kind: 'plain' });
  return out;
}
