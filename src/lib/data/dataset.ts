/**
 * The checked dataset, shaped for pages and charts. Loading runs the full data check;
 * any problem stops the build with every `file:line: column: problem` line.
 */
import { resolve } from 'node:path';
import { checkData, type CheckReport } from './check.ts';
import { formatProblem } from './csv.ts';
import { siteZh, unreadableInWords } from '../text/zh-text.ts';
import { t } from '../../i18n/index.ts';
import type { Breakdown, Event, Indicator, Place, PromiseRow, Source, Unit } from './schema.ts';

export interface SiteFigure {
  id: string;
  indicator: string;
  /** the value as published (or as computed, for derived figures) */
  valueText: string;
  value: number;
  unit: string;
  qualifier: string;
  period_start: string;
  period_end: string;
  geo: string;
  status: 'actual' | 'target' | 'plan';
  breakdown: string;
  /** source id; for a derived figure, the sources of its inputs joined by ';' */
  source: string;
  /** 'secondary' when any source behind the figure is a secondary one */
  sourceKind: 'primary' | 'secondary';
  quote: string;
  /** English note, as in the data */
  note: string;
  /** the same note in Chinese */
  noteZh: string;
  derived: boolean;
  formula: string;
  inputs: string[];
}

export interface Dataset {
  figures: SiteFigure[];
  byId: Map<string, SiteFigure>;
  indicators: Map<string, Indicator>;
  places: Map<string, Place>;
  breakdowns: Map<string, Breakdown>;
  units: Map<string, Unit>;
  sources: Map<string, Source>;
  events: Event[];
  /** the promise ledger, in the order of data/promises.csv */
  promises: PromiseRow[];
  report: CheckReport;
}

let cached: Dataset | undefined;

// The project root is the working directory of every build, test and script; a path
// relative to this module would point into dist/ once Astro has bundled it.
export const DATA_DIR = resolve(process.cwd(), 'data');

export function getDataset(): Dataset {
  if (cached) return cached;
  const report = checkData({ dataDir: DATA_DIR });
  if (report.problems.length > 0) {
    throw new Error(`data check failed:\n${report.problems.map(formatProblem).join('\n')}`);
  }
  // Chinese the site writes (names, summaries, notes) is set as printed: simplified, full-width
  // punctuation. Quotes and headlines are kept as the sources print them; downloads keep data/ as is.
  const sources = new Map(report.tables.sources.map((r) => [r.row.id, { ...r.row, publisher: siteZh(r.row.publisher), date_note_zh: siteZh(r.row.date_note_zh), note_zh: siteZh(r.row.note_zh) }]));
  const figures: SiteFigure[] = report.tables.figures.map(({ row }) => ({
    id: row.id,
    indicator: row.indicator,
    valueText: row.value,
    value: Number(row.value),
    unit: row.unit,
    qualifier: row.qualifier,
    period_start: row.period_start,
    period_end: row.period_end,
    geo: row.geo,
    status: row.status,
    breakdown: row.breakdown,
    source: row.source,
    sourceKind: sources.get(row.source)?.kind ?? 'primary',
    quote: row.quote,
    note: row.note,
    noteZh: unreadableInWords(siteZh(row.note_zh), t('zh', 'text.unreadable')),
    derived: false,
    formula: '',
    inputs: [],
  }));
  const byId = new Map(figures.map((f) => [f.id, f]));
  // derived rows may build on each other; resolve their sources through their inputs
  const derivedRows = report.tables.derived.map((r) => r.row);
  const sourcesOf = (id: string, seen = new Set<string>()): string[] => {
    if (seen.has(id)) return [];
    seen.add(id);
    const f = byId.get(id);
    if (f && !f.derived) return [f.source];
    const d = derivedRows.find((x) => x.id === id);
    if (!d) return [];
    return [...new Set(inputsOf(d.formula).flatMap((i) => sourcesOf(i, seen)))];
  };
  for (const d of derivedRows) {
    const srcs = sourcesOf(d.id);
    const fig: SiteFigure = {
      id: d.id,
      indicator: d.indicator,
      valueText: d.value,
      value: Number(d.value),
      unit: d.unit,
      qualifier: 'exact',
      period_start: d.period_start,
      period_end: d.period_end,
      geo: d.geo,
      status: d.status,
      breakdown: d.breakdown,
      source: srcs.join(';'),
      sourceKind: srcs.some((s) => sources.get(s)?.kind === 'secondary') ? 'secondary' : 'primary',
      quote: '',
      note: d.note,
      noteZh: siteZh(d.note_zh),
      derived: true,
      formula: d.formula,
      inputs: inputsOf(d.formula),
    };
    figures.push(fig);
    byId.set(fig.id, fig);
  }
  cached = {
    figures,
    byId,
    indicators: new Map(report.tables.indicators.map((r) => [r.row.id, { ...r.row, name_zh: siteZh(r.row.name_zh) }])),
    places: new Map(report.tables.places.map((r) => [r.row.id, { ...r.row, name_zh: siteZh(r.row.name_zh) }])),
    breakdowns: new Map(report.tables.breakdowns.map((r) => [r.row.id, { ...r.row, name_zh: siteZh(r.row.name_zh) }])),
    units: new Map(report.tables.units.map((r) => [r.row.id, r.row])),
    sources,
    events: report.tables.events.map((r) => ({ ...r.row, name_zh: unreadableInWords(siteZh(r.row.name_zh), t('zh', 'text.unreadable')), summary_zh: siteZh(r.row.summary_zh), date_note_zh: siteZh(r.row.date_note_zh) })),
    promises: report.tables.promises.map((r) => ({ ...r.row, reason_zh: siteZh(r.row.reason_zh) })),
    report,
  };
  return cached;
}

/** A figure's breakdown codes in words: 十大新兴产业; 内资 */
export function breakdownName(data: Pick<Dataset, 'breakdowns'>, breakdown: string, lang: 'zh' | 'en'): string {
  if (breakdown === '') return '';
  return breakdown
    .split(';')
    .map((code) => {
      const b = data.breakdowns.get(code);
      if (!b) throw new Error(`breakdown "${code}" is not in breakdowns.csv`);
      return lang === 'zh' ? b.name_zh : b.name_en;
    })
    .join(lang === 'zh' ? '；' : '; ');
}

export function inputsOf(formula: string): string[] {
  return [...new Set([...formula.matchAll(/\{([a-z0-9-]+)\}/gu)].map((m) => m[1] as string))];
}
