/**
 * Where text may break into lines, for every drawing the site makes: the SVG charts and the
 * PNG/SVG images. One definition of the characters that break like Chinese, one line-breaking
 * rule after W3C clreq (no line starts with closing punctuation or ends with opening
 * punctuation; Latin text breaks between words), one filling of lines; the width of a line
 * is measured by the caller (the charts estimate it for the readers' fonts, the images take it
 * from the font files they draw with).
 */
import { WIDE_TEXT } from './chinese-chars.ts';

/** Characters that break like Chinese: any two may be split (clreq), unless punctuation forbids it. */
export const CJK_CLASS = WIDE_TEXT;

const WIDE = new RegExp(`^[${CJK_CLASS}]$`, 'u');

/** One character that sets a full em wide and may be broken before or after. */
export function isWideChar(ch: string): boolean {
  return WIDE.test(ch);
}

/** Closing punctuation may not start a line (clreq 3.1.7) … */
export const NO_LINE_START = /^[，。、；：！？）》」』”’…—,.;:!?)\]%]/u;
/** … and opening punctuation may not end one. */
export const NO_LINE_END = /[（《「『“‘([]$/u;

const UNIT = new RegExp(`[${CJK_CLASS}]|[^\\s${CJK_CLASS}]+|\\s+`, 'gu');

/**
 * The pieces a line may break between: a CJK character, a Latin word, a run of spaces; an
 * address also after each slash. Punctuation that may not start or end a line is joined to
 * its neighbour.
 */
export function breakUnits(text: string): string[] {
  const raw = text.match(UNIT) ?? [];
  const out: string[] = [];
  for (const tok of raw.flatMap((x) => (/^[^\s]*\/[^\s]*$/u.test(x) ? x.split(/(?<=\/)/u) : [x]))) {
    const prev = out[out.length - 1];
    // an apostrophe inside a word (province’s) is no break: the word goes on whole
    if (prev !== undefined && (NO_LINE_START.test(tok) || NO_LINE_END.test(prev) || (/\p{L}’$/u.test(prev) && /^\p{L}/u.test(tok))))
      out[out.length - 1] = prev + tok;
    else out.push(tok);
  }
  return out;
}

/**
 * Text filled into lines no wider than the room, as `measure` counts width. A piece wider
 * than the room alone is split between its characters, the last resort. A last line of one
 * Chinese character takes the character before it along, so no line holds a lone character
 * where the line above can spare one.
 */
export function wrapLines(text: string, room: number, measure: (s: string) => number): string[] {
  const lines: string[][] = [];
  let line: string[] = [];
  const width = (ps: readonly string[]) => measure(ps.join('').trim());
  const push = (piece: string) => {
    if (measure(piece.trim()) <= room) {
      line = piece.trim() === '' ? [] : [piece.trimStart()];
      return;
    }
    let part = '';
    for (const ch of piece.trim()) {
      if (part && measure(part + ch) > room) {
        lines.push([part]);
        part = ch;
      } else part += ch;
    }
    line = part ? [part] : [];
  };
  for (const piece of breakUnits(text)) {
    if (line.length > 0 && width([...line, piece]) > room) {
      lines.push(line);
      push(piece);
    } else if (line.length === 0) push(piece);
    else line.push(piece);
  }
  if (line.length > 0 && line.join('').trim() !== '') lines.push(line);
  const last = lines.at(-1);
  const before = lines.at(-2);
  if (last && before && last.length === 1 && isWideChar(last[0]?.trim() ?? '') && before.length >= 3) {
    const moved = before.pop() as string;
    if (/\s$/u.test(moved)) before.push(moved);
    else last.unshift(moved);
  }
  return lines.map((l) => l.join('').trim()).filter((l) => l !== '');
}

/**
 * A label or title broken at its clauses when wider than the room: after a colon, comma or
 * semicolon outside brackets, clauses joined again while they fit. A clause still wider than
 * the room breaks between its words when it has any (English), by wrapLines; a Chinese
 * clause stays whole, as a table's cell would keep it.
 */
export function wrapClauses(text: string, room: number, measure: (s: string) => number): string[] {
  if (measure(text) <= room) return [text];
  // clauses end after a colon, comma or semicolon outside brackets
  const clauses: string[] = [''];
  let depth = 0;
  for (const ch of text) {
    clauses[clauses.length - 1] += ch;
    if (ch === '（' || ch === '(') depth++;
    else if ((ch === '）' || ch === ')') && depth > 0) depth--;
    else if (depth === 0 && /[：，；]/u.test(ch)) clauses.push('');
  }
  const out: string[] = [];
  for (const c of clauses) {
    const last = out.at(-1);
    if (last !== undefined && measure(last + c) <= room) out[out.length - 1] = last + c;
    else out.push(c);
  }
  // an English clause is words: it breaks between them rather than running past the room
  return out.flatMap((l) => (measure(l) > room && /\s/u.test(l.trim()) ? wrapLines(l.trim(), room, measure) : [l]));
}
