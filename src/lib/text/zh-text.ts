/**
 * Chinese text the site writes (names, summaries, notes), set as a desk would print it:
 * full-width punctuation inside Chinese sentences, half-width inside numbers and Latin text
 * (clreq), and simplified characters. Quotes and a source's headline are not passed through
 * here: they stay as the clean text and the source print them.
 */
import { toSimplified } from './normalize.ts';
import { CHINESE_TEXT as CJK, hasChinese } from './chinese-chars.ts';

const FULL: Record<string, string> = { ',': '，', ';': '；', ':': '：', '?': '？', '!': '！' };

/** 作为一部分,胶州湾 → 作为一部分，胶州湾; (2.0版) → （2.0版）; 2.5, 3.5 and 12:30 stay. */
export function fullWidthPunctuation(text: string): string {
  let s = text.replace(new RegExp(`([${CJK}])\\s*([,;:?!])\\s*`, 'gu'), (_, a: string, p: string) => `${a}${FULL[p] ?? p}`);
  s = s.replace(new RegExp(`\\s*([,;:?!])\\s*(?=[${CJK}])`, 'gu'), (_, p: string) => FULL[p] ?? p);
  // a parenthesis around or next to Chinese text: both halves full-width, the pair kept matched
  s = s.replace(/\s*\(([^()]*)\)/gu, (whole, inner: string, offset: number, all: string) => {
    const before = all.slice(Math.max(0, offset - 1), offset);
    const after = all.slice(offset + whole.length, offset + whole.length + 1);
    return hasChinese(inner) || hasChinese(before) || hasChinese(after) ? `（${inner}）` : whole;
  });
  return s;
}

/** A sentence or name the site writes in Chinese: simplified characters, full-width punctuation. */
export function siteZh(text: string): string {
  return fullWidthPunctuation(toSimplified(text));
}

/**
 * An unreadable character kept from the source as ⟪?⟫ (or ⟪?pinyin⟫) in words a reader
 * understands; the note that explains it is given by the caller, one tap away.
 */
export function unreadableInWords(text: string, word: string): string {
  return text.replace(/⟪[^⟫]*⟫/gu, word);
}
