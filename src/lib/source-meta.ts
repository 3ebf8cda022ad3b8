/**
 * How a source's publication date is stated: the parts the text gives, and in words the parts
 * it leaves out. Nothing is filled in.
 */
import { t, type Lang } from '../i18n/index.ts';
import { formatPartialDate } from './format.ts';
import type { Source } from './data/schema.ts';

export function sourceDateText(s: Pick<Source, 'published_year' | 'published_month' | 'published_day'>, lang: Lang): string {
  const { published_year: year, published_month: month, published_day: day } = s;
  if (year === '' && month === '' && day === '') return t(lang, 'sources.date.unstated');
  const words = { monthUnstated: t(lang, 'date.monthUnstated'), yearUnstated: t(lang, 'date.yearUnstated') };
  const stated = formatPartialDate({ year, month, day }, lang, words);
  // formatPartialDate says a missing month or year only between stated parts; say the trailing gaps too
  if (year && month === '' && day === '') return `${stated}${t(lang, 'sources.date.monthDayUnstated')}`;
  if (year && month && day === '') return `${stated}${t(lang, 'sources.date.dayUnstated')}`;
  return stated;
}
