/**
 * Placing events on the 2020–2025 timeline. Pure functions over rows of events.csv, so the
 * rules (what is a major conference, where an event without a month goes, which years are
 * gaps) are tested without building the site.
 */
import type { Event, Source } from '../data/schema.ts';

/** The years the site covers; events outside them are background, never on the axis. */
export const TIMELINE_SPAN = { first: 2020, last: 2025 } as const;

export interface Span {
  first: number;
  last: number;
}

export type DatedEvent = Pick<Event, 'id' | 'year' | 'month' | 'day'>;

export interface YearGroup<E extends DatedEvent> {
  year: number;
  /** events whose month the source states, in date order */
  dated: E[];
  /** events the source places in this year without a month: they cannot be put on a month */
  monthUnstated: E[];
  /** no event in the data for this year: drawn as a gap, never filled in */
  empty: boolean;
}

export interface Timeline<E extends DatedEvent> {
  years: YearGroup<E>[];
  /** dated outside the span (earlier milestones the sources mention) */
  background: E[];
  /** no year at all: cannot be placed anywhere on a time axis */
  yearUnstated: E[];
}

export interface Gap {
  from: number;
  to: number;
}

/** Orders by month, then day; a month without a day comes before the days of that month. */
export function compareByDate(a: DatedEvent, b: DatedEvent): number {
  const key = (e: DatedEvent) => [Number(e.year || 0), Number(e.month || 0), Number(e.day || 0)] as const;
  const ka = key(a);
  const kb = key(b);
  for (let i = 0; i < ka.length; i++) {
    const d = (ka[i] ?? 0) - (kb[i] ?? 0);
    if (d !== 0) return d;
  }
  return 0;
}

/**
 * Every event lands in exactly one place: a year of the span (by month, or in the
 * month-unstated lane), the background list, or the year-unstated list. Nothing is dropped.
 */
export function groupByYear<E extends DatedEvent>(events: readonly E[], span: Span = TIMELINE_SPAN): Timeline<E> {
  if (span.first > span.last) throw new Error(`timeline span starts (${span.first}) after it ends (${span.last})`);
  const years: YearGroup<E>[] = [];
  for (let y = span.first; y <= span.last; y++) years.push({ year: y, dated: [], monthUnstated: [], empty: true });
  const background: E[] = [];
  const yearUnstated: E[] = [];
  for (const e of events) {
    if (e.year === '') {
      yearUnstated.push(e);
      continue;
    }
    const y = Number(e.year);
    const group = years[y - span.first];
    if (!group || group.year !== y) {
      background.push(e);
      continue;
    }
    group.empty = false;
    if (e.month === '') group.monthUnstated.push(e);
    else group.dated.push(e);
  }
  // Array.prototype.sort is stable: events on the same date keep their order in events.csv
  for (const g of years) g.dated.sort(compareByDate);
  background.sort(compareByDate);
  return { years, background, yearUnstated };
}

/** Runs of consecutive years without any event, e.g. [{from: 2021, to: 2022}]. */
export function findGaps(years: readonly Pick<YearGroup<DatedEvent>, 'year' | 'empty'>[]): Gap[] {
  const gaps: Gap[] = [];
  for (const y of years) {
    if (!y.empty) continue;
    const last = gaps[gaps.length - 1];
    if (last && last.to === y.year - 1) last.to = y.year;
    else gaps.push({ from: y.year, to: y.year });
  }
  return gaps;
}

/** Events that are the subject of an article (sources.csv `event`), not ones it mentions in passing. */
export function mainEventIds(sources: Iterable<Pick<Source, 'event'>>): Set<string> {
  const ids = new Set<string>();
  for (const s of sources) for (const id of s.event) ids.add(id);
  return ids;
}

const GATHERING_KINDS: ReadonlySet<Event['kind']> = new Set(['conference', 'meeting', 'forum', 'summit']);

export type EventTier = 'major' | 'minor';

/** Major: a gathering (conference, meeting, forum, summit) that an article is about. */
export function eventTier(e: Pick<Event, 'id' | 'kind'>, mainIds: ReadonlySet<string>): EventTier {
  return GATHERING_KINDS.has(e.kind) && mainIds.has(e.id) ? 'major' : 'minor';
}

export type EventSourceKind = 'primary' | 'secondary' | 'mixed';

/** Whether an event is known from the original articles, only from secondary reports, or both. */
export function eventSourceKind(e: Pick<Event, 'id' | 'source'>, sources: ReadonlyMap<string, Pick<Source, 'kind'>>): EventSourceKind {
  const kinds = new Set(
    e.source.map((id) => {
      const s = sources.get(id);
      if (!s) throw new Error(`events.csv: event "${e.id}" names source "${id}", which is not in sources.csv`);
      return s.kind;
    }),
  );
  if (kinds.size === 0) throw new Error(`events.csv: event "${e.id}" names no source`);
  if (kinds.size > 1) return 'mixed';
  return kinds.has('secondary') ? 'secondary' : 'primary';
}

export type DatePart = 'year' | 'month' | 'day';

/** The parts of an event's date the source leaves unsaid. */
export function unstatedParts(e: Pick<Event, 'year' | 'month' | 'day'>): DatePart[] {
  return (['year', 'month', 'day'] as const).filter((p) => e[p] === '');
}

/**
 * A machine-readable value for <time datetime>, only as precise as the source: a day
 * without its month gives just the year (a valid date string cannot skip the month).
 */
export function datetimeAttribute(e: Pick<Event, 'year' | 'month' | 'day'>): string | undefined {
  if (e.year === '') return undefined;
  if (e.month === '') return e.year;
  const mm = e.month.padStart(2, '0');
  if (e.day === '') return `${e.year}-${mm}`;
  return `${e.year}-${mm}-${e.day.padStart(2, '0')}`;
}

/**
 * Figures whose source is one of the event's sources. Derived figures carry the sources
 * of their inputs and count when any of those is one of the event's.
 */
export function figuresFromSources<F extends { sources: readonly string[] }>(eventSources: readonly string[], figures: readonly F[]): F[] {
  const wanted = new Set(eventSources);
  return figures.filter((f) => f.sources.some((s) => wanted.has(s)));
}

/** Groups rows by indicator, indicators in order of first appearance. */
export function groupByIndicator<F extends { indicator: string }>(figures: readonly F[]): { indicator: string; figures: F[] }[] {
  const groups = new Map<string, F[]>();
  for (const f of figures) {
    const g = groups.get(f.indicator);
    if (g) g.push(f);
    else groups.set(f.indicator, [f]);
  }
  return [...groups].map(([indicator, rows]) => ({ indicator, figures: rows }));
}

/** Position of a dated event within its year, 0–1, for the overview axis; undefined without a month. */
export function positionInYear(e: Pick<Event, 'month' | 'day'>): number | undefined {
  if (e.month === '') return undefined;
  const m = Number(e.month) - 1;
  // without a day the event sits mid-month: the source gives the month, not its start
  const d = e.day === '' ? 0.5 : (Number(e.day) - 0.5) / 31;
  return (m + d) / 12;
}
