/**
 * Every rule the dataset must satisfy. Run by `npm run data:check`, by the build and by the
 * tests. All problems are collected and returned together; nothing is fixed or skipped.
 *
 * The tables are read by the loader (load.ts); each rule is a module of rules/ (references,
 * dates, source texts, values, formulas) or a module of its own table (promises, glossary,
 * series checks); this file runs them in order and keeps the rules that join tables lightly.
 */
import { loadTables, type RowOf } from './load.ts';
import { appendAll, type Located, type Problem } from './csv.ts';
import type { TableName } from './schema.ts';
import type { NormalizeResult } from '../text/normalize.ts';
import { checkSeries, type SeriesReport } from './series-checks.ts';
import type { Overlap } from './overlap.ts';
import { checkPromises } from './promises.ts';
import { checkGlossary } from './glossary.ts';
import { quoteProblem } from './quotes.ts';
import { LANGUAGE_PAIRS } from './table-facts.ts';
import { checkReferences } from './rules/references.ts';
import { checkDates } from './rules/dates.ts';
import { readSourceTexts } from './rules/source-texts.ts';
import { checkValues } from './rules/values.ts';
import { checkFormulas, type ArithmeticOutcome } from './rules/formulas.ts';
import { buildDate } from '../site/build-date.ts';
export interface CheckOptions {
  dataDir: string;
  /** draft folders whose tables are appended to data/'s (see data/drafts/README.md) */
  overlays?: string[];
  displayRoot?: string;
  /** the day of this build, YYYY-MM-DD (SOURCE_DATE_EPOCH or today, in Qingdao): no date of the data may lie after it */
  buildDay?: string;
}

export { FIRST_YEAR, PLAN_HORIZON_YEARS } from './rules/dates.ts';
export type { ArithmeticOutcome } from './rules/formulas.ts';

export type { Overlap } from './overlap.ts';

export interface CheckReport {
  problems: Problem[];
  tables: { [N in TableName]: Located<RowOf<N>>[] };
  clean: Map<string, NormalizeResult>;
  stats: {
    figuresPerSource: Record<string, number>;
    quotesChecked: number;
    valuesChecked: number;
    derivedChecked: number;
  };
  arithmetic: ArithmeticOutcome[];
  overlaps: Overlap[];
  /** bounds of computed figures, continuity breaks, corrections against the last release */
  series: SeriesReport;
}

export function checkData(opts: CheckOptions): CheckReport {
  const problems: Problem[] = [];
  const tables = loadTables(opts, problems);
  const at = (r: { file: string; line: number }, column: string, message: string) => problems.push({ file: r.file, line: r.line, column, message });

  // unique ids
  for (const name of ['sources', 'units', 'places', 'breakdowns', 'indicators', 'figures', 'events', 'derived', 'arithmetic', 'promises'] as const) {
    const seen = new Map<string, Located<unknown>>();
    for (const r of tables[name] as Located<{ id: string }>[]) {
      const first = seen.get(r.row.id);
      if (first) at(r, 'id', `duplicate id "${r.row.id}" (first at ${first.file}:${first.line})`);
      else seen.set(r.row.id, r);
    }
  }
  // figures and derived share one namespace, because formulas refer to both
  const figureIds = new Set(tables.figures.map((r) => r.row.id));
  for (const r of tables.derived) if (figureIds.has(r.row.id)) at(r, 'id', `id "${r.row.id}" is also a figure id`);

  // every id a row refers to exists (the references are declared in table-facts.ts)
  checkReferences(tables, at);
  for (const r of tables.places) if (r.row.parent === r.row.id) at(r, 'parent', 'a place cannot be its own parent');

  // every English note has its Chinese counterpart and no Chinese note stands alone
  for (const { table, en, zh } of LANGUAGE_PAIRS) {
    for (const r of tables[table] as Located<Record<string, string>>[]) {
      if (r.row[en] !== '' && r.row[zh] === '') at(r, zh, `${en} is given in English but not in Chinese`);
      if (r.row[en] === '' && r.row[zh] !== '') at(r, en, `${zh} is given in Chinese but not in English`);
    }
  }

  checkDates(tables, opts.buildDay ?? buildDate().day, at);
  const clean = readSourceTexts(tables, opts, at, problems);

  // a figure has the unit of its indicator
  const indicatorUnit = new Map(tables.indicators.map((r) => [r.row.id, r.row.unit]));
  for (const r of [...tables.figures, ...tables.derived]) {
    const expectedUnit = indicatorUnit.get(r.row.indicator);
    if (expectedUnit !== undefined && expectedUnit !== r.row.unit) at(r, 'unit', `"${r.row.unit}" differs from the unit of indicator ${r.row.indicator} ("${expectedUnit}")`);
  }

  // quotes stand verbatim in the clean text of their source
  const stats = { figuresPerSource: {} as Record<string, number>, quotesChecked: 0, valuesChecked: 0, derivedChecked: 0 };
  for (const r of tables.figures) {
    stats.figuresPerSource[r.row.source] = (stats.figuresPerSource[r.row.source] ?? 0) + 1;
    checkQuote(r, r.row.source, r.row.quote, clean, at, stats);
  }
  const figureById = new Map(tables.figures.map((r) => [r.row.id, r]));
  for (const r of tables.events) {
    checkQuote(r, r.row.source[0] ?? '', r.row.quote, clean, at, stats);
    for (const t of r.row.targets) {
      if (figureById.get(t)?.row.status === 'actual') at(r, 'targets', `figure "${t}" has status actual, not target or plan`);
    }
  }

  checkValues(tables, at, stats);
  const arithmetic = checkFormulas(tables, at, stats);

  // the promise ledger: one row per target or plan, verdicts the numbers allow
  checkPromises(tables.promises, tables.figures, tables.derived, tables.events, at);

  // the glossary: quotes in the clean text, sources that use the term
  const withFigures = new Set([...tables.figures, ...tables.derived].map((r) => r.row.indicator));
  const ids = (name: TableName) => new Set((tables[name] as Located<{ id: string }>[]).map((r) => r.row.id));
  checkGlossary(tables.glossary, { sourceIds: ids('sources'), clean, indicatorIds: ids('indicators'), indicatorsWithFigures: withFigures }, at);

  const series = checkSeries(tables, { dataDir: opts.dataDir, displayRoot: opts.displayRoot }, clean);
  appendAll(problems, series.problems);
  return { problems, tables, clean, stats, arithmetic, overlaps: series.overlaps, series };
}

function checkQuote(
  r: Located<unknown>,
  source: string,
  quote: string,
  clean: Map<string, NormalizeResult>,
  at: (r: Located<unknown>, c: string, m: string) => void,
  stats: { quotesChecked: number },
): void {
  const text = clean.get(source)?.text;
  if (text === undefined) return; // the source itself is reported already
  const problem = quoteProblem(text, quote, source);
  if (problem) at(r, 'quote', problem);
  else stats.quotesChecked++;
}
