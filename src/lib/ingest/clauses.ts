/**
 * Splits clean article text into paragraphs, sentences and clauses, keeping offsets into the
 * text so that every later step (quotes, highlights) points at the text itself, never a copy.
 */

export interface Span {
  start: number;
  end: number;
  text: string;
}

export interface Sentence extends Span {
  paragraph: number;
  clauses: Span[];
}

/** Sentence ends: Chinese and Latin full stops, question and exclamation marks, semicolons. */
const SENTENCE_END = /[。！？!?；;]/u;
/**
 * Clause breaks: commas, enumeration commas are kept inside (4.4个、2.9个 belong together),
 * colons and dashes that introduce a list. A comma between digits with three digits after it
 * is a thousands separator, not a break.
 */
const CLAUSE_BREAK = /[，,：:](?!\d{3}(?!\d))|——/u;

export function splitSentences(text: string): Sentence[] {
  const out: Sentence[] = [];
  let paragraph = 0;
  let lineStart = 0;
  for (const line of text.split('\n')) {
    const lineEnd = lineStart + line.length;
    if (line.trim() !== '') {
      let s = lineStart;
      for (let i = lineStart; i <= lineEnd; i++) {
        const ch = text[i] ?? '';
        // a Latin full stop ends a sentence only before a space or the line end (29.4 is a number)
        const isEnd = i === lineEnd || SENTENCE_END.test(ch) || (ch === '.' && /^(\s|$)/u.test(text[i + 1] ?? ''));
        if (!isEnd) continue;
        const e = i === lineEnd ? i : i + 1;
        if (text.slice(s, e).trim() !== '') out.push(makeSentence(text, s, e, paragraph));
        s = e;
      }
      paragraph++;
    }
    lineStart = lineEnd + 1;
  }
  return out;
}

function makeSentence(text: string, start: number, end: number, paragraph: number): Sentence {
  const clauses: Span[] = [];
  let s = start;
  const body = text.slice(start, end);
  const re = new RegExp(CLAUSE_BREAK.source, 'gu');
  for (const m of body.matchAll(re)) {
    const at = start + (m.index ?? 0);
    if (/[，,]/u.test(m[0]) && /\d/u.test(text[at - 1] ?? '') && /^\d{3}(?!\d)/u.test(text.slice(at + 1))) continue;
    if (at > s) clauses.push({ start: s, end: at, text: text.slice(s, at) });
    s = at + m[0].length;
  }
  if (end > s) clauses.push({ start: s, end, text: text.slice(s, end) });
  return { start, end, text: body, paragraph, clauses };
}

/** The clause of a sentence that holds an offset. */
export function clauseAt(sentence: Sentence, offset: number): Span {
  return sentence.clauses.find((c) => offset >= c.start && offset < c.end) ?? sentence.clauses[sentence.clauses.length - 1] ?? sentence;
}
