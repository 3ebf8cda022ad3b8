/**
 * The data's notes write dates as ISO (2022-06-20), for the data files; on a page a date reads
 * in the reader's language (2022年6月20日, 20 June 2022). The data files keep the ISO dates.
 */
import type { Lang } from '../../i18n/index.ts';
import { formatIsoDate } from './format.ts';

/** a whole ISO date, not part of an id such as ev-2020-07-24-… */
const ISO_DATE = /(?<![\w-])\d{4}-\d{2}-\d{2}(?![\w-])/gu;

export function readableNote(text: string, lang: Lang): string {
  return text.replace(ISO_DATE, (iso) => formatIsoDate(iso, lang));
}
