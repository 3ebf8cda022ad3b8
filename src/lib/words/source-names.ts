/**
 * How a source's publication date is stated: the parts the text gives, and in words the parts
 * it leaves out. Nothing is filled in.
 */
import { t, type Lang } from '../../i18n/index.ts';
import { PUNCTUATION } from '../../i18n/punctuation.ts';
import { formatPartialDate } from './format.ts';
import type { Source } from '../data/schema.ts';
import type { Dataset } from '../data/site-figure.ts';
import { localized } from '../data/table-facts.ts';

/** 香港商报《2020年青岛市GDP达1.24万亿 外贸进出口逆势上扬》 */
export function sourceName(s: Pick<Source, 'publisher' | 'publisher_en' | 'title_zh' | 'title_en'>, lang: Lang): string {
  return t(lang, 'event.sourceLabel', { publisher: sourcePublisher(s, lang), title: sourceTitle(s, lang) });
}

/** The title in the reader's language; the Chinese edition keeps the source's own title. */
export function sourceTitle(s: Pick<Source, 'title_zh' | 'title_en'>, lang: Lang): string {
  return localized(s, 'title', lang);
}

export function sourcePublisher(s: Pick<Source, 'publisher' | 'publisher_en'>, lang: Lang): string {
  return localized(s, 'publisher', lang);
}

/**
 * A source as a source line names it: publisher, title and, where the text states any part of
 * its date, that date (with the unstated parts said, not filled in).
 */
export function sourceLabel(data: Pick<Dataset, 'sources'>, id: string, lang: Lang, withDate = true): string {
  const s = data.sources.get(id);
  if (!s) throw new Error(`no source "${id}" in sources.csv`);
  const name = sourceName(s, lang);
  if (!withDate || s.published_year + s.published_month + s.published_day === '') return name;
  const words = { monthUnstated: t(lang, 'date.monthUnstated'), yearUnstated: t(lang, 'date.yearUnstated') };
  // a date without its year reads "3月17日（年份未注明）", not "（年份未说明）3月17日"
  if (s.published_year === '') {
    const partial = formatPartialDate({ year: '', month: s.published_month, day: s.published_day }, lang, { ...words, yearUnstated: '' });
    return `${name}${PUNCTUATION[lang].beforeDate}${t(lang, 'sources.label.noYear', { date: partial })}`;
  }
  return `${name}${PUNCTUATION[lang].beforeDate}${formatPartialDate({ year: s.published_year, month: s.published_month, day: s.published_day }, lang, words)}`;
}

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
