/**
 * The front page's lead: the headline finding and its key numbers. The finding is Qingdao's
 * share of Shandong's foreign direct investment actually used, every published figure of that
 * one series in period order: each is a ratio of two amounts for the same period, so figures
 * for periods of different lengths still measure the same thing and may stand side by side.
 * The headline states the first and the last; the key numbers show them all, each with its
 * period and, where it applies, that it is second-hand or that its year was inferred.
 */
import { t, type Lang, type MessageKey } from '../i18n/index.ts';
import { getDataset, type SiteFigure } from '../lib/data/dataset.ts';
import { figurePeriod, figureValue, indicatorName } from '../lib/words/figure-words.ts';
import { fig, indicatorOf, period } from './figures.ts';

/** the series the headline is about */
export const LEAD_SERIES = { indicator: 'fdi-actual-share-province', geo: 'qingdao' } as const;

export interface KeyNumber {
  figureId: string;
  value: string;
  period: string;
  name: string;
  /** what a reader must know to weigh it (二手来源, 年份为推断); empty when nothing */
  notes: string[];
}

/** Every published (not computed) figure of the lead series for the whole city, oldest first. */
export function leadSeries(): SiteFigure[] {
  const data = getDataset();
  const rows = data.figures
    .filter(
      (f) =>
        !f.derived &&
        f.status === 'actual' &&
        f.indicator === LEAD_SERIES.indicator &&
        f.geo === LEAD_SERIES.geo &&
        f.breakdown.length === 0,
    )
    .sort((a, b) => a.period_end.localeCompare(b.period_end));
  if (rows.length < 2)
    throw new Error(
      `story lead: the series ${LEAD_SERIES.indicator} (${LEAD_SERIES.geo}) needs at least two published figures, found ${rows.length}`,
    );
  return rows;
}

export function figureNotes(f: SiteFigure, lang: Lang): string[] {
  const data = getDataset();
  const notes: string[] = [];
  if (f.sourceKind === 'secondary') notes.push(t(lang, 'chart.legend.secondary'));
  if (f.sources.some((s) => data.sources.get(s)?.date_basis === 'inferred')) notes.push(t(lang, 'promises.yearInferred'));
  return notes;
}

export function keyNumbers(lang: Lang): KeyNumber[] {
  const data = getDataset();
  return leadSeries().map((f) => ({
    figureId: f.id,
    value: figureValue(f, data, lang),
    period: figurePeriod(f, lang),
    name: indicatorName(data, f.indicator, lang),
    notes: figureNotes(f, lang),
  }));
}

export function headline(lang: Lang): string {
  const rows = leadSeries();
  const first = rows[0]!;
  const last = rows[rows.length - 1]!;
  const way = last.value < first.value ? 'fell' : last.value > first.value ? 'rose' : 'held';
  return t(lang, `story.lead.headline.${way}` as MessageKey, {
    firstPeriod: period(first.id, lang),
    first: fig(first.id, lang),
    lastPeriod: period(last.id, lang),
    last: fig(last.id, lang),
  });
}

/** The paragraph under the headline: what the shares are, and what the drive reported instead. */
export function dek(lang: Lang): string {
  return t(lang, 'story.lead.dek', {
    tradePeriod: period('trade-total-yoy-2023-2024c', lang),
    tradeYoy: fig('trade-total-yoy-2023-2024c', lang),
    signedPeriod: period('projects-signed-1yi-2024-2025m', lang),
    signedName: indicatorOf('projects-signed-1yi-2024-2025m', lang),
    signed: fig('projects-signed-1yi-2024-2025m', lang),
  });
}
