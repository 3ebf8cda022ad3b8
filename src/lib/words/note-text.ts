/**
 * The data's notes are written for the data files: dates as ISO (2022-06-20), apostrophes as
 * typed ('). On a page they read as the rest of the page does: a date in the reader's language
 * (2022年6月20日, 20 June 2022) and, in English, the typographer's apostrophe (Qingdao’s). The
 * data files keep what was written.
 */
import type { Lang } from '../../i18n/index.ts';
import { formatIsoDate } from './format.ts';

/** a whole ISO date, not part of an id such as ev-2020-07-24-… */
const ISO_DATE = /(?<![\w-])\d{4}-\d{2}-\d{2}(?![\w-])/gu;

export function readableNote(text: string, lang: Lang): string {
  const dated = text.replace(ISO_DATE, (iso) => formatIsoDate(iso, lang));
  return lang === 'en' ? dated.replace(/(?<=\p{L})'(?=\p{L})|(?<=s)'(?=[\s,.;:)]|$)/gu, '’') : dated;
}
