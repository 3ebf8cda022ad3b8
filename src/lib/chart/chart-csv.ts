/**
 * A chart's rows as CSV: the figures it draws, each with its unit, period, status, source and
 * the quoted sentence, so a downloaded file can be checked without the site.
 */
import type { Lang } from '../../i18n/index.ts';
import { PUNCTUATION } from '../../i18n/punctuation.ts';
import { joinList, toSpreadsheetCsv } from '../data/csv.ts';
import type { Dataset, SiteFigure } from '../data/site-figure.ts';
import { sourceLabel } from '../words/source-names.ts';
import { figureRefs, nameIn } from '../words/figure-refs.ts';

export const CHART_CSV_COLUMNS = [
  'id',
  'indicator',
  'indicator_name',
  'value',
  'unit',
  'unit_symbol',
  'qualifier',
  'period_start',
  'period_end',
  'geo',
  'geo_name',
  'status',
  'breakdown',
  'derived',
  'formula',
  'source',
  'source_kind',
  'source_title',
  'source_url',
  'quote',
  'note',
] as const;

export function chartCsvRecords(
  rows: readonly SiteFigure[],
  data: Dataset,
  lang: Lang,
): Record<(typeof CHART_CSV_COLUMNS)[number], string>[] {
  return rows.map((f) => {
    const refs = figureRefs(f, data);
    return {
      id: f.id,
      indicator: f.indicator,
      indicator_name: nameIn(refs.indicator, lang),
      value: f.valueText,
      unit: f.unit,
      unit_symbol: lang === 'zh' ? refs.unit.symbol_zh : refs.unit.name_en,
      qualifier: f.qualifier,
      period_start: f.period_start,
      period_end: f.period_end,
      geo: f.geo,
      geo_name: nameIn(refs.place, lang),
      status: f.status,
      breakdown: joinList(f.breakdown),
      derived: f.derived ? 'true' : 'false',
      formula: f.formula,
      source: joinList(f.sources),
      source_kind: f.sourceKind,
      source_title: f.sources.map((s) => sourceLabel(data, s, lang)).join(PUNCTUATION[lang].listSep),
      source_url: refs.sources
        .map((s) => s.url)
        .filter(Boolean)
        .join(' '),
      quote: f.quote,
      note: f.note,
    };
  });
}

export function chartRowsCsv(rows: readonly SiteFigure[], data: Dataset, lang: Lang): string {
  return toSpreadsheetCsv(chartCsvRecords(rows, data, lang), CHART_CSV_COLUMNS);
}
