/**
 * Events as the timeline and event pages show them: every string formatted through
 * format.ts and the dictionary, so the Astro components only lay them out.
 */
import { routes } from '../site/routes.ts';
import { t, type Lang, type MessageKey } from '../../i18n/index.ts';
import { sourceLabel } from '../words/source-names.ts';
import { figureArithmetic, type Arithmetic } from '../words/arithmetic.ts';
import { breakdownName, type Dataset, type SiteFigure } from '../data/dataset.ts';
import type { Event } from '../data/schema.ts';
import { formatPartialDate, formatPeriod, formatValue } from '../words/format.ts';
import { figureRefs, nameIn, placeRef } from '../words/figure-refs.ts';
import { figureValue } from '../words/figure-words.ts';
import {
  TIMELINE_SPAN,
  datetimeAttribute,
  eventSourceKind,
  eventTier,
  figuresFromSources,
  findGaps,
  groupByIndicator,
  groupByYear,
  mainEventIds,
  positionInYear,
  unstatedParts,
  type EventSourceKind,
  type EventTier,
  type Gap,
} from './placing.ts';
import { localized } from '../data/table-facts.ts';

export interface FigureView {
  id: string;
  indicator: string;
  value: string;
  period: string;
  place: string;
  status: SiteFigure['status'];
  statusLabel: string;
  breakdown: string;
  quote: string;
  source: { id: string; label: string }[];
  secondary: boolean;
  derived: boolean;
  formula: string;
  /** a computed figure's arithmetic, its inputs named and linked */
  arithmetic: Arithmetic | undefined;
}

export interface EventView {
  id: string;
  href: string;
  name: string;
  /** the event's name as the sources give it, shown beside the English name */
  nameZh: string;
  kind: Event['kind'];
  kindLabel: string;
  tier: EventTier;
  sourceKind: EventSourceKind;
  /** date as precise as the source, with unstated parts said */
  dateText: string;
  datetime: string | undefined;
  yearInferred: boolean;
  /** "原文未说明：月份、日" or '' */
  unstatedText: string;
  dateNote: string;
  place: string;
  summary: string;
  quote: string;
  documents: string[];
  targets: FigureView[];
  sources: { id: string; href: string; label: string; kind: 'primary' | 'secondary' }[];
  /** position in its year for the overview axis, 0–1; undefined when the month is unstated */
  position: number | undefined;
}

export interface YearView {
  year: number;
  label: string;
  anchor: string;
  empty: boolean;
  dated: EventView[];
  monthUnstated: EventView[];
}

export interface TimelineView {
  span: { first: number; last: number };
  years: YearView[];
  gaps: Gap[];
  background: EventView[];
  yearUnstated: EventView[];
  /** sentence describing the overview axis for screen readers and the figure caption */
  overviewDescription: string;
}

export function eventHref(id: string, lang: Lang): string {
  return routes(lang).event(id);
}

export function sourceHref(id: string, lang: Lang): string {
  return routes(lang).source(id);
}

export function yearLabel(year: number, lang: Lang): string {
  return formatPartialDate({ year: String(year), month: '', day: '' }, lang, dateWords(lang));
}

function dateWords(lang: Lang) {
  return { monthUnstated: t(lang, 'date.monthUnstated'), yearUnstated: t(lang, 'date.yearUnstated') };
}

export function figureView(f: SiteFigure, data: Dataset, lang: Lang): FigureView {
  const refs = figureRefs(f, data);
  return {
    id: f.id,
    indicator: nameIn(refs.indicator, lang),
    // with the source's measure word in Chinese (70座, 500个以上)
    value: figureValue(f, data, lang),
    period: formatPeriod(f.period_start, f.period_end, lang),
    place: nameIn(refs.place, lang),
    status: f.status,
    statusLabel: t(lang, `status.${f.status}` as MessageKey),
    breakdown: breakdownName(data, f.breakdown, lang),
    quote: f.quote,
    source: f.sources.map((id) => ({ id, label: sourceLabel(data, id, lang, false) })),
    secondary: f.sourceKind === 'secondary',
    derived: f.derived,
    formula: f.formula,
    arithmetic: figureArithmetic(f, data, lang),
  };
}

export function eventView(e: Event, data: Dataset, lang: Lang, mainIds: ReadonlySet<string>): EventView {
  const unstated = unstatedParts(e);
  const place = placeRef(e.geo, `event ${e.id}`, data);
  return {
    id: e.id,
    href: eventHref(e.id, lang),
    name: nameIn(e, lang),
    nameZh: e.name_zh,
    kind: e.kind,
    kindLabel: t(lang, `event.kind.${e.kind}` as MessageKey),
    tier: eventTier(e, mainIds),
    sourceKind: eventSourceKind(e, data.sources),
    dateText: formatPartialDate(e, lang, dateWords(lang)),
    datetime: datetimeAttribute(e),
    yearInferred: e.date_basis === 'inferred',
    unstatedText:
      unstated.length === 0
        ? ''
        : t(lang, 'event.unstated', {
            parts: unstated.map((p) => t(lang, `event.part.${p}` as MessageKey)).join(t(lang, 'event.listSeparator')),
          }),
    dateNote: localized(e, 'date_note', lang),
    place: nameIn(place, lang),
    summary: localized(e, 'summary', lang),
    quote: e.quote,
    documents: e.documents,
    targets: e.targets.map((id) => {
      const f = data.byId.get(id);
      if (!f) throw new Error(`events.csv: event "${e.id}" lists target "${id}", which is not a figure`);
      return figureView(f, data, lang);
    }),
    sources: e.source.map((id) => ({
      id,
      href: sourceHref(id, lang),
      label: sourceLabel(data, id, lang, false),
      kind: data.sources.get(id)?.kind ?? 'primary',
    })),
    position: positionInYear(e),
  };
}

export function buildTimeline(data: Dataset, lang: Lang): TimelineView {
  const mainIds = mainEventIds(data.sources.values());
  const view = (e: Event) => eventView(e, data, lang, mainIds);
  const grouped = groupByYear(data.events);
  const years: YearView[] = grouped.years.map((g) => ({
    year: g.year,
    label: yearLabel(g.year, lang),
    anchor: `y${g.year}`,
    empty: g.empty,
    dated: g.dated.map(view),
    monthUnstated: g.monthUnstated.map(view),
  }));
  const gaps = findGaps(grouped.years);
  const count = years.reduce((n, y) => n + y.dated.length + y.monthUnstated.length, 0);
  const unstated = years.reduce((n, y) => n + y.monthUnstated.length, 0);
  const span = { first: TIMELINE_SPAN.first, last: TIMELINE_SPAN.last };
  let overviewDescription = t(lang, 'timeline.overview.desc', {
    from: yearLabel(span.first, lang),
    to: yearLabel(span.last, lang),
    count: formatValue(count, lang),
    unstated: formatValue(unstated, lang),
  });
  if (gaps.length > 0) {
    const gapYears = gaps.flatMap((g) => Array.from({ length: g.to - g.from + 1 }, (_, i) => yearLabel(g.from + i, lang)));
    overviewDescription += t(lang, 'timeline.overview.gaps', { years: gapYears.join(t(lang, 'event.listSeparator')) });
  }
  return {
    span,
    years,
    gaps,
    background: grouped.background.map(view),
    yearUnstated: grouped.yearUnstated.map(view),
    overviewDescription,
  };
}

export interface FigureGroup {
  indicator: string;
  figures: FigureView[];
}

export interface TopicGroup {
  topic: string;
  label: string;
  count: number;
  groups: FigureGroup[];
}

export interface EventPage {
  event: EventView;
  /** what a reader takes away: the targets the event set, then one headline figure per topic */
  keyFigures: FigureView[];
  /** all figures from the event's sources, by topic, then by indicator */
  topics: TopicGroup[];
  figureCount: number;
}

/** At most this many figures are shown before the folded groups. */
export const KEY_FIGURE_LIMIT = 5;
/** A structural count (six strands, four lists) is how the drive is organised, not a result. */
const NOT_KEY_TOPICS = new Set(['structure']);

/**
 * The key figures of an event: its targets (up to two), then, for each topic without a target,
 * in the order the source reports them, the first published city-wide figure of the event's place with
 * no breakdown, computed figures and rankings left out. Never more than KEY_FIGURE_LIMIT.
 */
export function keyFiguresOf<F extends Pick<SiteFigure, 'id' | 'indicator' | 'geo' | 'breakdown' | 'derived' | 'status' | 'unit'>>(
  e: Pick<Event, 'geo' | 'targets'>,
  rows: readonly F[],
  topicOf: (indicator: string) => string,
): F[] {
  const targets = rows.filter((f) => e.targets.includes(f.id)).slice(0, 2);
  const picked: F[] = [...targets];
  // a target's topic is taken by the target: no reported figure of another definition beside it
  const seen = new Set<string>(targets.map((f) => topicOf(f.indicator)));
  for (const f of rows) {
    if (picked.length >= KEY_FIGURE_LIMIT) break;
    const topic = topicOf(f.indicator);
    if (seen.has(topic) || NOT_KEY_TOPICS.has(topic)) continue;
    if (f.derived || f.status !== 'actual' || f.geo !== e.geo || f.breakdown.length > 0 || f.unit === 'rank') continue;
    seen.add(topic);
    picked.push(f);
  }
  return picked;
}

export function buildEventPage(e: Event, data: Dataset, lang: Lang): EventPage {
  const event = eventView(e, data, lang, mainEventIds(data.sources.values()));
  const rows = figuresFromSources(e.source, data.figures);
  const topicOf = (indicator: string) => data.indicators.get(indicator)?.topic ?? '';
  // the event's targets may come from derived.csv or another source: look them up by id
  const targetRows = e.targets.map((id) => data.byId.get(id)).filter((f): f is SiteFigure => f !== undefined && !rows.includes(f));
  const keyFigures = keyFiguresOf(e, [...targetRows, ...rows], topicOf).map((f) => figureView(f, data, lang));
  const byTopic = new Map<string, SiteFigure[]>();
  for (const f of rows) byTopic.set(topicOf(f.indicator), [...(byTopic.get(topicOf(f.indicator)) ?? []), f]);
  const topics = [...byTopic].map(([topic, figs]) => ({
    topic,
    label: topic === '' ? t(lang, 'event.topic.other') : t(lang, `topic.${topic}` as MessageKey),
    count: figs.length,
    groups: groupByIndicator(figs).map((g) => ({
      indicator: figureView(g.figures[0] as SiteFigure, data, lang).indicator,
      figures: g.figures.map((f) => figureView(f, data, lang)),
    })),
  }));
  return { event, keyFigures, topics, figureCount: rows.length };
}
