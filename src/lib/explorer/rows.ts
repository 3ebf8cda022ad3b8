/**
 * The /data/ explorer's rows and filter choices, made at build time from the checked dataset.
 * Every number shown is formatted by format.ts; every label comes from the dictionary.
 */
import { breakdownName, type Dataset, type SiteFigure } from '../data/dataset.ts';
import { formatPeriod, formatValue, formatWithUnit, shownQualifier } from '../words/format.ts';
import { figureArithmetic, type Arithmetic } from '../words/arithmetic.ts';
import { t, type Lang } from '../../i18n/index.ts';
import type { FilterParam } from './filter.ts';
import { figureRefs } from '../words/figure-refs.ts';
import { sourceTitle } from '../words/source-names.ts';

export interface ExplorerRow {
  id: string;
  type: 'published' | 'derived';
  indicator: string;
  indicatorName: string;
  breakdown: string;
  period: string;
  /** period_start|period_end: sorts by start, then end */
  periodSort: string;
  years: [number, number];
  geo: string;
  placeName: string;
  value: number;
  valueText: string;
  status: SiteFigure['status'];
  statusLabel: string;
  sources: { id: string; title: string }[];
  sourceKind: 'primary' | 'secondary';
  quote: string;
  /** lang of the quote: English sources are quoted in English */
  quoteLang: string;
  /** a computed figure's arithmetic, its inputs named and linked */
  arithmetic: Arithmetic | undefined;
  note: string;
  /** id in continuity.csv when the figure's series does not join (link /reconciliation/#id); '' otherwise */
  continuityNote: string;
}

export function explorerRows(data: Dataset, lang: Lang): ExplorerRow[] {
  return data.figures.map((f) => {
    const refs = figureRefs(f, data);
    const { indicator, place, unit } = refs;
    const sources = refs.sources.map((s) => ({ id: s.id, title: sourceTitle(s, lang) }));
    const script = refs.sources.length === 1 ? refs.sources[0]?.script : undefined;
    return {
      id: f.id,
      type: f.derived ? 'derived' : 'published',
      indicator: f.indicator,
      indicatorName: lang === 'zh' ? indicator.name_zh : indicator.name_en,
      breakdown: breakdownName(data, f.breakdown, lang),
      period: formatPeriod(f.period_start, f.period_end, lang),
      periodSort: `${f.period_start}|${f.period_end}`,
      years: [Number(f.period_start.slice(0, 4)), Number(f.period_end.slice(0, 4))],
      geo: f.geo,
      placeName: lang === 'zh' ? place.name_zh : place.name_en,
      value: f.value,
      valueText: formatWithUnit(f.valueText, unit, lang, shownQualifier(f)),
      status: f.status,
      statusLabel: t(lang, `status.${f.status}`),
      sources,
      sourceKind: f.sourceKind,
      quote: f.quote,
      quoteLang: script === 'english' ? 'en' : 'zh-CN',
      // on /data/ an input links to its own row, which the explorer reveals
      arithmetic: figureArithmetic(f, data, lang, (input) => `#row-${input.id}`),
      note: lang === 'zh' ? f.noteZh : f.note,
      continuityNote: f.continuityNote,
    };
  });
}

export interface FilterOption {
  value: string;
  label: string;
}

/** The choices of each filter: only values some row has, each with its row count. */
export function filterOptions(rows: readonly ExplorerRow[], data: Dataset, lang: Lang): Record<FilterParam, FilterOption[]> {
  const count = (pred: (r: ExplorerRow) => boolean) => formatValue(rows.filter(pred).length, lang);
  const collator = new Intl.Collator(lang === 'zh' ? 'zh-CN' : 'en');
  const byLabel = (a: FilterOption, b: FilterOption) => collator.compare(a.label, b.label);
  const years = new Set<number>();
  for (const r of rows) for (let y = r.years[0]; y <= r.years[1]; y++) years.add(y);
  const uniq = <T>(xs: T[]) => [...new Set(xs)];
  return {
    year: [...years]
      .sort((a, b) => a - b)
      .map((y) => ({
        value: String(y),
        label: t(lang, 'data.filter.yearOption', { year: String(y), count: count((r) => r.years[0] <= y && y <= r.years[1]) }),
      })),
    indicator: uniq(rows.map((r) => r.indicator))
      .map((id) => ({
        value: id,
        label: t(lang, 'explorer.optionCount', {
          label: rows.find((r) => r.indicator === id)?.indicatorName ?? id,
          n: count((r) => r.indicator === id),
        }),
      }))
      .sort(byLabel),
    place: uniq(rows.map((r) => r.geo))
      .map((id) => ({
        value: id,
        label: t(lang, 'explorer.optionCount', { label: rows.find((r) => r.geo === id)?.placeName ?? id, n: count((r) => r.geo === id) }),
      }))
      .sort(byLabel),
    source: [...data.sources.values()]
      .filter((s) => rows.some((r) => r.sources.some((x) => x.id === s.id)))
      .map((s) => ({
        value: s.id,
        label: t(lang, 'explorer.optionCount', { label: sourceTitle(s, lang), n: count((r) => r.sources.some((x) => x.id === s.id)) }),
      })),
    status: (['actual', 'target', 'plan'] as const)
      .filter((s) => rows.some((r) => r.status === s))
      .map((s) => ({ value: s, label: t(lang, `status.${s}`) })),
    kind: (['primary', 'secondary'] as const)
      .filter((k) => rows.some((r) => r.sourceKind === k))
      .map((k) => ({ value: k, label: t(lang, `source.${k}`) })),
    type: (['published', 'derived'] as const)
      .filter((k) => rows.some((r) => r.type === k))
      .map((k) => ({ value: k, label: t(lang, `data.type.${k}`) })),
  };
}
