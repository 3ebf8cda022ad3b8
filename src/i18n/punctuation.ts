/**
 * The punctuation that joins pieces of text the templates put together: Chinese uses full-width
 * marks with no spaces (名称：值（2023年）；下一项), English half-width ones with spaces
 * (name: value (2023); next). Interface sentences carry their own punctuation in the
 * dictionaries; this is for the seams between them and data.
 */
import type { Lang } from './index.ts';

interface Marks {
  /** after a label: 来源： / Source: */
  colon: string;
  /** between items of a list that may hold commas: ；/ ; */
  listSep: string;
  /** between clauses: ，/ , */
  comma: string;
  /** before a parenthesis: nothing in Chinese, a space in English */
  open: string;
  close: string;
  /** between a source's title and its date: a space after 《…》, a comma after “…” */
  beforeDate: string;
}

export const PUNCTUATION: Record<Lang, Marks> = {
  zh: { colon: '：', listSep: '；', comma: '，', open: '（', close: '）', beforeDate: ' ' },
  en: { colon: ': ', listSep: '; ', comma: ', ', open: ' (', close: ')', beforeDate: ', ' },
};

/** "text（aside）" / "text (aside)": the aside in the reader's parentheses, the leading space included. */
export function paren(lang: Lang, aside: string): string {
  const p = PUNCTUATION[lang];
  return `${p.open}${aside}${p.close}`;
}
