/**
 * Dictionary text names things a researcher types or finds in a file: file names
 * (`figures.csv`), column names, code values (`at-least`), separators (`;`). The dictionaries
 * mark them with backticks; a page sets them as code, so the Chinese sentence around them reads
 * as Chinese and the names stay letter for letter what is in the file.
 */
export interface CodeSpan {
  text: string;
  code: boolean;
}

const BACKTICKED = /`([^`]+)`/gu;

export function codeSpans(text: string): CodeSpan[] {
  const out: CodeSpan[] = [];
  let at = 0;
  for (const m of text.matchAll(BACKTICKED)) {
    if (m.index > at) out.push({ text: text.slice(at, m.index), code: false });
    out.push({ text: m[1] ?? '', code: true });
    at = m.index + m[0].length;
  }
  if (at < text.length) out.push({ text: text.slice(at), code: false });
  if (out.some((s) => !s.code && s.text.includes('`'))) throw new Error(`unpaired backtick in dictionary text: ${text}`);
  return out;
}

/** The code inside a backtick pair is in no human language unless it is written in Han characters. */
export function codeLang(code: string): string | undefined {
  return /\p{Script=Han}/u.test(code) ? undefined : 'en';
}
