/**
 * Rule: dates that can be. Every year lies between FIRST_YEAR and the year of the build (a
 * target's or plan's period may run PLAN_HORIZON_YEARS past it); a source is never published
 * after the build; an outcome never covers a period that ends after its source was published;
 * an event is never dated after a source reporting it; a correction is never dated after the
 * build. The build then never meets a date it cannot format (years 0–99 would be read as 19xx).
 */
import type { Located } from '../csv.ts';
import { isRealDate } from '../schema.ts';
import type { At, Tables } from './types.ts';

/**
 * The first year the dataset can speak of: 1978, when reform and opening began (the oldest
 * event of the data is 1984, when Qingdao became an open coastal city). A year outside
 * FIRST_YEAR…the build year is a typing error (0000, 9999, 2099).
 */
export const FIRST_YEAR = 1978;
/** How far past the build year a target or plan may run (a 15-year plan from 2035 still fits). */
export const PLAN_HORIZON_YEARS = 30;

export interface DateSpan {
  /** first and last day the stated parts allow, YYYY-MM-DD */
  first: string;
  last: string;
  /** the date as stated: 2021-03, 2021-03-02, 2021 */
  text: string;
}

/** Checks every date of the tables against each other and the day of the build (YYYY-MM-DD). */
export function checkDates(tables: Pick<Tables, 'sources' | 'figures' | 'derived' | 'events' | 'corrections'>, buildDay: string, at: At): void {
  const years = { first: FIRST_YEAR, last: Number(buildDay.slice(0, 4)) };

  /** source id → the span of days its stated publication date allows */
  const publishedBy = new Map<string, DateSpan>();
  for (const r of tables.sources) {
    const s = r.row;
    if (s.published_year + s.published_month + s.published_day === '') {
      if (s.date_note === '') at(r, 'date_note', 'the text states no publication date: say so in date_note');
    } else if (checkDateParts(r, s.published_year, s.published_month, s.published_day, at, 'published_', years)) {
      const span = dateSpan(s.published_year, s.published_month, s.published_day);
      if (span && span.first > buildDay) at(r, mostPrecise(s.published_month, s.published_day, 'published_'), `published ${span.text}, after the day of this build (${buildDay}): a source cannot be published in the future`);
      else if (span) publishedBy.set(s.id, span);
    }
    if (s.date_basis === 'inferred' && s.date_note === '') at(r, 'date_note', 'an inferred date needs a note saying how it was inferred');
  }

  // periods of published and computed figures; a target or plan may look ahead, an outcome cannot
  for (const r of [...tables.figures, ...tables.derived] as Located<{ period_start: string; period_end: string; status: string }>[]) {
    const row = r.row;
    if (row.period_start > row.period_end) at(r, 'period_end', `period ends (${row.period_end}) before it starts (${row.period_start})`);
    const lastEnd = row.status === 'actual' ? years.last : years.last + PLAN_HORIZON_YEARS;
    if (Number(row.period_start.slice(0, 4)) < years.first) at(r, 'period_start', `${row.period_start} is before ${years.first}, the first year the dataset covers`);
    if (Number(row.period_end.slice(0, 4)) > lastEnd) {
      at(r, 'period_end', row.status === 'actual' ? `${row.period_end} is after ${years.last}, the year of this build: an outcome cannot be reported for a period that has not ended` : `${row.period_end} is more than ${PLAN_HORIZON_YEARS} years after the year of this build (${years.last})`);
    }
  }
  for (const r of tables.figures) {
    const f = r.row;
    const published = publishedBy.get(f.source);
    if (f.status === 'actual' && published && f.period_end > published.last) {
      at(r, 'period_end', `the period ends ${f.period_end}, after ${f.source} was published (${published.text}): an outcome cannot be reported before its period ends; check the period, the status or the source's date`);
    }
  }

  for (const r of tables.events) {
    const e = r.row;
    if (checkDateParts(r, e.year, e.month, e.day, at, '', years)) {
      const span = dateSpan(e.year, e.month, e.day);
      for (const id of e.source) {
        const published = publishedBy.get(id);
        if (span && published && span.first > published.last) {
          at(r, mostPrecise(e.month, e.day, ''), `dated ${span.text}, after ${id} reporting it was published (${published.text}): check the date or the source`);
        }
      }
    }
    if (e.date_basis === 'inferred' && e.date_note === '') at(r, 'date_note', 'an inferred date needs a note saying how it was inferred');
    if (e.year === '' && e.date_note === '') at(r, 'date_note', 'the year is not stated: say so in date_note');
  }

  for (const r of tables.corrections) {
    if (Number(r.row.date.slice(0, 4)) < years.first) at(r, 'date', `${r.row.date} is before ${years.first}, the first year the dataset covers`);
    else if (r.row.date > buildDay) at(r, 'date', `${r.row.date} is after the day of this build (${buildDay}): a correction cannot be dated in the future`);
  }
}

/** Checks the parts of a date; true when they make a date (or a year) this dataset can hold. */
function checkDateParts(r: Located<unknown>, year: string, month: string, day: string, at: At, prefix: string, years: { first: number; last: number }): boolean {
  if (year === '' && month === '' && day === '') {
    at(r, `${prefix}year`, 'no part of the date is given; at least one is needed');
    return false;
  }
  if (year !== '' && (Number(year) < years.first || Number(year) > years.last)) {
    at(r, `${prefix}year`, `${year} is outside the years the dataset covers (${years.first}–${years.last}, the year of this build)`);
    return false;
  }
  if (year !== '' && month !== '' && day !== '') {
    // the one calendar rule the schema's ISO dates use too
    const iso = `${year}-${month.padStart(2, '0')}-${day.padStart(2, '0')}`;
    if (!isRealDate(iso)) {
      at(r, `${prefix}day`, `${iso} is not a real date`);
      return false;
    }
  }
  return true;
}

/** The days a date given in parts can be: 2021 is 2021-01-01…2021-12-31; undefined without a year. */
export function dateSpan(year: string, month: string, day: string): DateSpan | undefined {
  if (year === '') return undefined;
  const mm = month.padStart(2, '0');
  const dd = day.padStart(2, '0');
  if (month === '') return { first: `${year}-01-01`, last: `${year}-12-31`, text: year };
  const lastOfMonth = String(new Date(Date.UTC(Number(year), Number(month), 0)).getUTCDate()).padStart(2, '0');
  if (day === '') return { first: `${year}-${mm}-01`, last: `${year}-${mm}-${lastOfMonth}`, text: `${year}-${mm}` };
  return { first: `${year}-${mm}-${dd}`, last: `${year}-${mm}-${dd}`, text: `${year}-${mm}-${dd}` };
}

/** The column that states a date most precisely, for a message about the whole date. */
function mostPrecise(month: string, day: string, prefix: string): string {
  return `${prefix}${day !== '' ? 'day' : month !== '' ? 'month' : 'year'}`;
}
