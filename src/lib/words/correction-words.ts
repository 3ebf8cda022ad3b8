/**
 * A correction as a reader reads it: one sentence saying what was wrong, what it is now and
 * why, and the pages that changed. No ids, file names or data vocabulary: the figure is named
 * by its indicator, place and period, values are written with their units and qualifiers as
 * everywhere else on the site. Changes dated on or before the day of first publication were
 * made before any reader saw the figure: they are not corrections.
 */
import { t, type Lang, type MessageKey } from '../../i18n/index.ts';
import { breakdownName, type Dataset, type SiteFigure } from '../data/dataset.ts';
import type { Correction } from '../data/schema.ts';
import { correctionAnchor } from '../data/corrections.ts';
import { figurePeriod, indicatorName, placeName } from './figure-words.ts';
import { formatIsoDate, formatWithUnit } from './format.ts';
import { sourceName } from './source-names.ts';
import { routes } from '../site/routes.ts';
import { localized } from '../data/table-facts.ts';

export interface PageRef {
  path: string;
  label: string;
}

export interface CorrectionLine {
  /** anchor on the corrections page: version, figure and field */
  anchor: string;
  date: string;
  dateText: string;
  /** what was wrong, what it is now, and why */
  sentence: string;
  pages: PageRef[];
}

/** A change the public saw: made after the day of first publication. */
export const isCorrection = (c: Pick<Correction, 'date'>, firstPublished: string): boolean => c.date > firstPublished;

function subject(f: SiteFigure | undefined, data: Dataset, lang: Lang): string {
  if (!f) return t(lang, 'corrections.unknownFigure');
  const scope = [
    f.geo === 'qingdao' ? '' : placeName(data, f.geo, lang),
    f.breakdown.length === 0 ? '' : breakdownName(data, f.breakdown, lang),
    figurePeriod(f, lang),
  ].filter((x) => x !== '');
  return t(lang, 'corrections.subject', {
    name: indicatorName(data, f.indicator, lang),
    scope: scope.join(t(lang, 'event.listSeparator')),
  });
}

/** A field's old or new content in the reader's words. */
function inWords(c: Correction, raw: string, f: SiteFigure | undefined, data: Dataset, lang: Lang): string {
  if (raw === '') return t(lang, 'corrections.empty');
  const unit = f ? data.units.get(f.unit) : undefined;
  switch (c.field) {
    case 'value':
      return unit ? formatWithUnit(raw, unit, lang, f?.qualifier) : raw;
    case 'qualifier':
      return unit && f ? formatWithUnit(f.valueText, unit, lang, raw) : raw;
    case 'period_start':
    case 'period_end':
      return f
        ? figurePeriod(
            { period_start: c.field === 'period_start' ? raw : f.period_start, period_end: c.field === 'period_end' ? raw : f.period_end },
            lang,
          )
        : raw;
    case 'quote':
      return t(lang, 'corrections.quoted', { text: raw });
    case 'indicator':
      return data.indicators.has(raw) ? indicatorName(data, raw, lang) : raw;
    case 'geo':
      return data.places.has(raw) ? placeName(data, raw, lang) : raw;
    case 'status':
      return t(lang, `status.${raw}` as MessageKey);
    case 'source': {
      const s = data.sources.get(raw);
      return s ? sourceName(s, lang) : raw;
    }
    case 'unit': {
      const u = data.units.get(raw);
      return u ? (lang === 'zh' ? u.symbol_zh : u.name_en) : raw;
    }
    case 'breakdown':
      return breakdownName(data, raw.split(';'), lang);
    default:
      return raw;
  }
}

export function correctionLine(c: Correction, data: Dataset, lang: Lang, pages: PageRef[]): CorrectionLine {
  const f = data.byId.get(c.figure);
  const what = subject(f, data, lang);
  const reason = localized(c, 'reason', lang);
  const change =
    c.field === 'added'
      ? t(lang, 'corrections.sentence.added', { what })
      : c.field === 'removed'
        ? t(lang, 'corrections.sentence.removed', { what })
        : t(lang, 'corrections.sentence.changed', {
            what,
            field: t(lang, `corrections.field.${c.field}` as MessageKey),
            old: inWords(c, c.old, f, data, lang),
            new: inWords(c, c.new, f, data, lang),
          });
  return {
    anchor: correctionAnchor(c),
    date: c.date,
    dateText: formatIsoDate(c.date, lang),
    sentence: t(lang, 'corrections.sentence', { change, reason }),
    pages,
  };
}

/** The pages a figure appears on, apart from charts: its indicator's page and its sources' pages. */
export function figurePages(figureId: string, data: Dataset, lang: Lang): PageRef[] {
  const f = data.byId.get(figureId);
  if (!f) return [];
  const link = routes(lang);
  const pages: PageRef[] = [
    { path: link.indicator(f.indicator), label: t(lang, 'corrections.page.indicator', { name: indicatorName(data, f.indicator, lang) }) },
  ];
  for (const id of f.derived ? [] : f.sources) {
    const s = data.sources.get(id);
    if (s) pages.push({ path: link.source(id), label: t(lang, 'corrections.page.source', { name: sourceName(s, lang) }) });
  }
  return pages;
}
