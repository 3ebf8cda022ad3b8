/**
 * The /data/ explorer's rows and filter choices, made at build time from the checked dataset.
 * Every number shown is formatted by format.ts; every label comes from the dictionary.
 */
import { breakdownName, type Dataset, type SiteFigure } from '../data/dataset.ts';
import { formatPeriod, formatValue, formatWithUnit, shownQualifier } from '../words/format.ts';
import { figureArithmetic, type Arithmetic } from '../words/arithmetic.ts';
import { t, type Lang } from '../../i18n/index.ts';
import type { FilterParam } from './filter.ts';
import { figureRefs, nameIn } from '../words/figure-refs.ts';
import { sourceTitle } from '../words/source-names.ts';
import { linkIds } from '../words/id-links.ts';
import { readableNote } from '../words/note-text.ts';
import { scriptRuns, type ScriptRun } from '../text/script-runs.ts';
import { chineseMarks } from '../text/chinese-marks.ts';
import { englishUnitsInText } from '../words/english-units.ts';

/** A run of a note: Chinese on an English page (zh), or on a Chinese page a title or English words (mark). */
export interface NoteText extends ScriptRun {
  mark?: 'cite' | 'en';
}

/**
 * A piece of a figure's note as DataText.astro shows it: the ids it names linked to their
 * names, on a page that is not Chinese each run of Chinese marked, and on a Chinese page each
 * title in 《》 and run of English words (MixedText.astro).
 */
export interface NoteRun {
  runs: NoteText[];
  href?: string;
  /** the id a linked piece names (its title) */
  id?: string;
}

function noteRuns(note: string, data: Dataset, lang: Lang): NoteRun[] {
  if (note === '') return [];
  const mixed = (text: string): NoteText[] =>
    lang === 'zh'
      ? chineseMarks(text).map((p) =>
          p.kind === 'cite' || p.kind === 'en' ? { text: p.text, zh: false, mark: p.kind } : { text: p.text, zh: false },
        )
      : scriptRuns(englishUnitsInText(text));
  return linkIds(note, data, lang).map((p) =>
    'href' in p && p.href !== undefined ? { runs: mixed(p.text), href: p.href, id: p.id } : { runs: mixed(readableNote(p.text, lang)) },
  );
}

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
  /** the figure's note, ready to show */
  noteRuns: NoteRun[];
  /** id in continuity.csv when the figure's series does not join (link /reconciliation/#id); '' otherwise */
  continuityNote: string;
}

const made = new WeakMap<Dataset, Map<Lang, ExplorerRow[]>>();

/** Every figure as an explorer row, made once per dataset and edition (the page and its figures file share them). */
export function explorerRows(data: Dataset, lang: Lang): ExplorerRow[] {
  let byLang = made.get(data);
  if (!byLang) made.set(data, (byLang = new Map()));
  let rows = byLang.get(lang);
  if (!rows) byLang.set(lang, (rows = makeExplorerRows(data, lang)));
  return rows;
}

function makeExplorerRows(data: Dataset, lang: Lang): ExplorerRow[] {
  return data.figures.map((f) => {
    const refs = figureRefs(f, data);
    const { indicator, place, unit } = refs;
    const sources = refs.sources.map((s) => ({ id: s.id, title: sourceTitle(s, lang) }));
    const script = refs.sources.length === 1 ? refs.sources[0]?.script : undefined;
    return {
      id: f.id,
      type: f.derived ? 'derived' : 'published',
      indicator: f.indicator,
      indicatorName: nameIn(indicator, lang),
      breakdown: breakdownName(data, f.breakdown, lang),
      period: formatPeriod(f.period_start, f.period_end, lang),
      periodSort: `${f.period_start}|${f.period_end}`,
      years: [Number(f.period_start.slice(0, 4)), Number(f.period_end.slice(0, 4))],
      geo: f.geo,
      placeName: nameIn(place, lang),
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
      noteRuns: noteRuns(lang === 'zh' ? f.noteZh : f.note, data, lang),
      continuityNote: f.continuityNote,
    };
  });
}

export interface FilterOption {
  value: string;
  label: string;
}

/** The choices of each filter: only values some row has, each with its row count (one pass over the rows). */
export function filterOptions(rows: readonly ExplorerRow[], data: Dataset, lang: Lang): Record<FilterParam, FilterOption[]> {
  const collator = new Intl.Collator(lang === 'zh' ? 'zh-CN' : 'en');
  const byLabel = (a: FilterOption, b: FilterOption) => collator.compare(a.label, b.label);
  const tally = <K>() => new Map<K, { n: number; label: string }>();
  const years = tally<number>();
  const indicators = tally<string>();
  const places = tally<string>();
  const sources = tally<string>();
  const statuses = new Set<string>();
  const kinds = new Set<string>();
  const types = new Set<string>();
  const add = <K>(m: Map<K, { n: number; label: string }>, k: K, label: string) => {
    const e = m.get(k);
    if (e) e.n++;
    else m.set(k, { n: 1, label });
  };
  for (const r of rows) {
    for (let y = r.years[0]; y <= r.years[1]; y++) add(years, y, '');
    add(indicators, r.indicator, r.indicatorName);
    add(places, r.geo, r.placeName);
    for (const s of new Set(r.sources.map((x) => x.id))) add(sources, s, '');
    statuses.add(r.status);
    kinds.add(r.sourceKind);
    types.add(r.type);
  }
  const options = (m: Map<string, { n: number; label: string }>) =>
    [...m]
      .map(([value, { n, label }]) => ({ value, label: t(lang, 'explorer.optionCount', { label, n: formatValue(n, lang) }) }))
      .sort(byLabel);
  return {
    year: [...years]
      .sort((a, b) => a[0] - b[0])
      .map(([y, { n }]) => ({
        value: String(y),
        label: t(lang, 'data.filter.yearOption', { year: String(y), count: formatValue(n, lang) }),
      })),
    indicator: options(indicators),
    place: options(places),
    source: [...data.sources.values()]
      .filter((s) => sources.has(s.id))
      .map((s) => ({
        value: s.id,
        label: t(lang, 'explorer.optionCount', { label: sourceTitle(s, lang), n: formatValue(sources.get(s.id)?.n ?? 0, lang) }),
      })),
    status: (['actual', 'target', 'plan'] as const)
      .filter((s) => statuses.has(s))
      .map((s) => ({ value: s, label: t(lang, `status.${s}`) })),
    kind: (['primary', 'secondary'] as const).filter((k) => kinds.has(k)).map((k) => ({ value: k, label: t(lang, `source.${k}`) })),
    type: (['published', 'derived'] as const).filter((k) => types.has(k)).map((k) => ({ value: k, label: t(lang, `data.type.${k}`) })),
  };
}
