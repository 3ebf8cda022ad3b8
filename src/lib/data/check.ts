/**
 * Every rule the dataset must satisfy. Run by `npm run data:check`, by the build and by the
 * tests. All problems are collected and returned together; nothing is fixed or skipped.
 */
import { existsSync, readdirSync } from 'node:fs';
import { readDataFile } from '../text/read-text.ts';
import { basename, join, relative } from 'node:path';
import { loadTable, type LoadedTable, type RowOf } from './load.ts';
import { appendAll, type Located, type Problem } from './csv.ts';
import { TABLES, type TableName } from './schema.ts';
import { normalize, unsupportedRepairs, NormalizeError, type NormalizeResult } from '../text/normalize.ts';
import { rulesFor } from './normalization-rules.ts';
import { numberTextsIn, decimalsOf, inexactValue } from '../text/numbers-in-text.ts';
import { checkSeries, type SeriesReport } from './series-checks.ts';
import type { Overlap } from './overlap.ts';
import { evaluateFormula, evaluateInterval, findCycles, FormulaError, parseFormula, type Formula, type Interval } from './formula.ts';
import { checkPromises } from './promises.ts';
import { checkGlossary } from './glossary.ts';
import { quoteProblem } from './quotes.ts';
import { buildDate } from '../site/build-date.ts';

export interface CheckOptions {
  dataDir: string;
  /** draft folders whose tables are appended to data/'s (see data/drafts/README.md) */
  overlays?: string[];
  displayRoot?: string;
  /** the day of this build, YYYY-MM-DD (SOURCE_DATE_EPOCH or today, in Qingdao): no date of the data may lie after it */
  buildDay?: string;
}

/**
 * The first year the dataset can speak of: 1978, when reform and opening began (the oldest
 * event of the data is 1984, when Qingdao became an open coastal city). A year outside
 * FIRST_YEAR…the build year is a typing error (0000, 9999, 2099), and years 0–99 would be read
 * as 1900–1999 by JavaScript's dates.
 */
export const FIRST_YEAR = 1978;
/** How far past the build year a target or plan may run (a 15-year plan from 2035 still fits). */
export const PLAN_HORIZON_YEARS = 30;

export interface ArithmeticOutcome {
  id: string;
  formula: string;
  equals: string;
  published: number;
  computedLow: number;
  computedHigh: number;
  expect: 'holds' | 'discrepancy';
  holds: boolean;
  note: string;
  noteZh: string;
}

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
  const tables = {} as { [N in TableName]: Located<RowOf<N>>[] };
  for (const name of Object.keys(TABLES) as TableName[]) {
    const loaded: LoadedTable<TableName>[] = [loadTable(name, { dataDir: opts.dataDir, displayRoot: opts.displayRoot }, problems)];
    for (const dir of opts.overlays ?? []) {
      // drafts are flat folders: splices.csv rather than normalization/splices.csv
      const flat = join(dir, basename(TABLES[name].file));
      if (existsSync(flat)) loaded.push(loadTable(name, { dataDir: opts.dataDir, displayRoot: opts.displayRoot, path: flat }, problems));
    }
    (tables as Record<string, unknown[]>)[name] = loaded.flatMap((t) => t.rows);
  }

  const at = (r: { file: string; line: number }, column: string, message: string) => problems.push({ file: r.file, line: r.line, column, message });
  const buildDay = opts.buildDay ?? buildDate().day;
  const years = { first: FIRST_YEAR, last: Number(buildDay.slice(0, 4)) };

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

  const ids = <N extends TableName>(name: N) => new Set((tables[name] as Located<{ id: string }>[]).map((r) => r.row.id));
  const sourceIds = ids('sources');
  const unitIds = ids('units');
  const placeIds = ids('places');
  const indicatorIds = ids('indicators');
  const eventIds = ids('events');
  const indicatorUnit = new Map(tables.indicators.map((r) => [r.row.id, r.row.unit]));
  const figureById = new Map(tables.figures.map((r) => [r.row.id, r]));
  const derivedById = new Map(tables.derived.map((r) => [r.row.id, r]));

  const ref = (r: Located<unknown>, column: string, value: string, set: Set<string>, table: string) => {
    if (value !== '' && !set.has(value)) at(r, column, `"${value}" is not an id in ${table}`);
  };
  const refList = (r: Located<unknown>, column: string, values: readonly string[], set: Set<string>, table: string) => {
    for (const v of values) ref(r, column, v, set, table);
  };

  for (const r of tables.places) {
    ref(r, 'parent', r.row.parent, placeIds, 'places.csv');
    if (r.row.parent === r.row.id) at(r, 'parent', 'a place cannot be its own parent');
  }
  for (const r of tables.indicators) ref(r, 'unit', r.row.unit, unitIds, 'units.csv');

  // every English note has its Chinese counterpart and no Chinese note stands alone
  const pairs: [TableName, string, string][] = [
    ['sources', 'date_note', 'date_note_zh'],
    ['sources', 'note', 'note_zh'],
    ['figures', 'note', 'note_zh'],
    ['events', 'date_note', 'date_note_zh'],
  ];
  for (const [name, en, zh] of pairs) {
    for (const r of tables[name] as Located<Record<string, string>>[]) {
      if (r.row[en] !== '' && r.row[zh] === '') at(r, zh, `${en} is given in English but not in Chinese`);
      if (r.row[en] === '' && r.row[zh] !== '') at(r, en, `${zh} is given in Chinese but not in English`);
    }
  }

  // sources: files exist, dates are consistent, clean text can be made
  const clean = new Map<string, NormalizeResult>();
  /** source id → the span of days its stated publication date allows */
  const publishedBy = new Map<string, DateSpan>();
  for (const r of tables.sources) {
    refList(r, 'event', r.row.event, eventIds, 'events.csv');
    if (r.row.published_year + r.row.published_month + r.row.published_day === '') {
      if (r.row.date_note === '') at(r, 'date_note', 'the text states no publication date: say so in date_note');
    } else if (checkDateParts(r, r.row.published_year, r.row.published_month, r.row.published_day, at, 'published_', years)) {
      const span = dateSpan(r.row.published_year, r.row.published_month, r.row.published_day);
      if (span && span.first > buildDay) at(r, mostPrecise(r.row.published_month, r.row.published_day, 'published_'), `published ${span.text}, after the day of this build (${buildDay}): a source cannot be published in the future`);
      else if (span) publishedBy.set(r.row.id, span);
    }
    if (r.row.date_basis === 'inferred' && r.row.date_note === '') at(r, 'date_note', 'an inferred date needs a note saying how it was inferred');
    const path = join(opts.dataDir, 'sources', r.row.file);
    // what the path is (a folder, a pipe, a link out of data/sources/) is the row's fault; what the file holds, the file's
    const read = readDataFile(path, { root: join(opts.dataDir, 'sources'), rootName: 'data/sources/', kind: 'article' });
    if ('fault' in read) {
      if (read.fault.path) at(r, 'file', read.fault.message === 'file is missing' ? `no such file ${relative(opts.displayRoot ?? process.cwd(), path)}` : `${r.row.file}: ${read.fault.message}`);
      else problems.push({ file: relative(opts.displayRoot ?? process.cwd(), path), line: read.fault.line, column: '-', message: read.fault.message });
      continue;
    }
    const raw = read.text;
    // A splice or mojibake span must stand exactly once in the raw text. One that does not is
    // reported on its own row and left out, so the rest of the source (its quotes) is still checked.
    const standing = <T extends { source: string }>(rows: Located<T>[], text: (row: T) => string, column: string, what: string): T[] =>
      rows
        .filter((x) => x.row.source === r.row.id)
        .filter((x) => {
          const count = raw.split(text(x.row)).length - 1;
          if (count !== 1) at(x, column, `${what} ${JSON.stringify(text(x.row))} occurs ${count} times in ${r.row.file}, expected exactly once`);
          return count === 1;
        })
        .map((x) => x.row);
    const rules = {
      splices: standing(tables.splices, (s) => s.text, 'text', 'spliced text'),
      mojibake: standing(tables.mojibake, (m) => m.span, 'span', 'mojibake span'),
    };
    try {
      clean.set(r.row.id, normalize(raw, rulesFor(r.row.id, rules)));
    } catch (e) {
      if (e instanceof NormalizeError) at(r, 'file', `normalisation failed: ${e.message}`);
      else throw e;
    }
  }
  const sourceFiles = new Set(tables.sources.map((r) => r.row.file));
  for (const sub of ['raw', 'raw-secondary']) {
    const dir = join(opts.dataDir, 'sources', sub);
    if (!existsSync(dir)) continue;
    for (const f of readdirSync(dir)) {
      if (f.endsWith('.txt') && !sourceFiles.has(`${sub}/${f}`)) {
        problems.push({ file: relative(opts.displayRoot ?? process.cwd(), join(dir, f)), line: 1, column: '-', message: 'raw source file is not listed in sources.csv' });
      }
    }
  }
  for (const r of tables.splices) ref(r, 'source', r.row.source, sourceIds, 'sources.csv');
  for (const r of tables.mojibake) {
    ref(r, 'source', r.row.source, sourceIds, 'sources.csv');
    for (const bad of unsupportedRepairs(r.row.span, r.row.repaired)) {
      at(r, 'repaired', `"${bad}" is not supported by the GBK bytes of the span; keep what cannot be rebuilt inside ⟪…⟫`);
    }
  }

  // what published and derived figures share: references, the indicator's unit, the period
  const breakdownIds = ids('breakdowns');
  const checkSeriesRow = (r: Located<unknown>, row: { indicator: string; unit: string; geo: string; breakdown: readonly string[]; period_start: string; period_end: string; status: string }) => {
    ref(r, 'indicator', row.indicator, indicatorIds, 'indicators.csv');
    refList(r, 'breakdown', row.breakdown, breakdownIds, 'breakdowns.csv');
    ref(r, 'unit', row.unit, unitIds, 'units.csv');
    ref(r, 'geo', row.geo, placeIds, 'places.csv');
    const expectedUnit = indicatorUnit.get(row.indicator);
    if (expectedUnit !== undefined && expectedUnit !== row.unit) at(r, 'unit', `"${row.unit}" differs from the unit of indicator ${row.indicator} ("${expectedUnit}")`);
    if (row.period_start > row.period_end) at(r, 'period_end', `period ends (${row.period_end}) before it starts (${row.period_start})`);
    const startYear = Number(row.period_start.slice(0, 4));
    const endYear = Number(row.period_end.slice(0, 4));
    // a target or plan may look ahead; an outcome cannot
    const lastEnd = row.status === 'actual' ? years.last : years.last + PLAN_HORIZON_YEARS;
    if (startYear < years.first) at(r, 'period_start', `${row.period_start} is before ${years.first}, the first year the dataset covers`);
    if (endYear > lastEnd) at(r, 'period_end', row.status === 'actual' ? `${row.period_end} is after ${years.last}, the year of this build: an outcome cannot be reported for a period that has not ended` : `${row.period_end} is more than ${PLAN_HORIZON_YEARS} years after the year of this build (${years.last})`);
  };

  // counts: never negative; whole numbers unless the unit counts in 万 or the like
  const unitKind = new Map(tables.units.map((r) => [r.row.id, r.row.kind]));
  const unitSymbol = new Map(tables.units.map((r) => [r.row.id, r.row.symbol_zh]));
  const countRule = (value: string, symbol: string): string | undefined => {
    if (Number(value) < 0) return `${value} is negative, but the unit is a count: a count cannot be below zero`;
    if (!/[十百千万亿]/u.test(symbol) && !Number.isInteger(Number(value))) return `${value} is not a whole number, but the unit (${symbol}) counts single things`;
    return undefined;
  };

  // figures
  const stats = { figuresPerSource: {} as Record<string, number>, quotesChecked: 0, valuesChecked: 0, derivedChecked: 0 };
  for (const r of tables.figures) {
    const f = r.row;
    checkSeriesRow(r, f);
    ref(r, 'source', f.source, sourceIds, 'sources.csv');
    stats.figuresPerSource[f.source] = (stats.figuresPerSource[f.source] ?? 0) + 1;
    checkQuote(r, f.source, f.quote, clean, at, stats);
    const published = publishedBy.get(f.source);
    if (f.status === 'actual' && published && f.period_end > published.last) {
      at(r, 'period_end', `the period ends ${f.period_end}, after ${f.source} was published (${published.text}): an outcome cannot be reported before its period ends; check the period, the status or the source's date`);
    }
    // a unit that differs from its indicator's is reported already; its kind says nothing then
    const countProblem = unitKind.get(f.unit) === 'count' && indicatorUnit.get(f.indicator) === f.unit ? countRule(f.value, unitSymbol.get(f.unit) ?? '') : undefined;
    const inexact = inexactValue(f.value);
    const stated = numberTextsIn(f.quote);
    if (inexact) at(r, 'value', inexact);
    else if (countProblem) at(r, 'value', countProblem);
    else if (!stated.includes(f.value)) {
      // the same number with other decimals (6.0 for a quote's 6) is named as such
      const near = stated.find((n) => Number(n) === Number(f.value));
      at(
        r,
        'value',
        near !== undefined
          ? `${f.value} is not written as the quote writes it (${near}): give the value with the digits and decimals the source prints`
          : `${f.value} is not stated in the quote (numbers found: ${stated.join(', ') || 'none'})`,
      );
    } else stats.valuesChecked++;
  }

  // events
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
    ref(r, 'geo', e.geo, placeIds, 'places.csv');
    refList(r, 'source', e.source, sourceIds, 'sources.csv');
    const firstSource = e.source[0] ?? '';
    checkQuote(r, firstSource, e.quote, clean, at, stats);
    for (const t of e.targets) {
      const fig = figureById.get(t);
      if (!fig) at(r, 'targets', `"${t}" is not an id in figures.csv`);
      else if (fig.row.status === 'actual') at(r, 'targets', `figure "${t}" has status actual, not target or plan`);
    }
  }

  // the corrections log is dated too: never before the dataset's years, never after this build
  for (const r of tables.corrections) {
    if (Number(r.row.date.slice(0, 4)) < years.first) at(r, 'date', `${r.row.date} is before ${years.first}, the first year the dataset covers`);
    else if (r.row.date > buildDay) at(r, 'date', `${r.row.date} is after the day of this build (${buildDay}): a correction cannot be dated in the future`);
  }

  // derived figures: the formula must reproduce the value at the stated rounding
  const valueOf = (id: string): { value: number; decimals: number } | undefined => {
    const f = figureById.get(id);
    if (f) return { value: Number(f.row.value), decimals: decimalsOf(f.row.value) };
    const d = derivedById.get(id);
    if (d) return { value: Number(d.row.value), decimals: Number(d.row.decimals) };
    return undefined;
  };
  /** A formula whose ids all exist, or undefined after reporting what is wrong with it. */
  const usable = (r: Located<unknown>, text: string): Formula | undefined => {
    let f: Formula;
    try {
      f = parseFormula(text);
    } catch (e) {
      if (!(e instanceof FormulaError)) throw e;
      at(r, 'formula', e.message);
      return undefined;
    }
    const unknown = f.refs.filter((id) => !valueOf(id));
    for (const id of unknown) at(r, 'formula', `"${id}" is not an id in figures.csv or derived.csv`);
    return unknown.length === 0 ? f : undefined;
  };
  // each published number stands for the interval it was rounded from
  const intervalOf = (id: string): Interval => {
    const v = valueOf(id) as { value: number; decimals: number };
    const half = 0.5 * 10 ** -v.decimals;
    return { low: v.value - half, high: v.value + half };
  };
  // a cycle first: a figure computed from itself has no value to compare, so it is not evaluated
  const parsedDerived = new Map<string, Formula>();
  for (const r of tables.derived) {
    const f = usable(r, r.row.formula);
    if (f) parsedDerived.set(r.row.id, f);
  }
  const inCycle = new Set<string>();
  for (const cycle of findCycles(new Map([...parsedDerived].map(([id, f]) => [id, f.refs])))) {
    const first = derivedById.get(cycle[0] as string);
    if (first) at(first, 'formula', `derived figures refer to each other in a cycle: ${cycle.join(' → ')}; a derived figure must be computed from published figures in the end`);
    for (const id of cycle) inCycle.add(id);
  }
  for (const r of tables.derived) {
    const d = r.row;
    checkSeriesRow(r, d);
    const inexact = inexactValue(d.value);
    if (inexact) {
      at(r, 'value', inexact);
      continue;
    }
    if (decimalsOf(d.value) !== Number(d.decimals)) at(r, 'value', `has ${decimalsOf(d.value)} decimals, the decimals column says ${d.decimals}`);
    if (unitKind.get(d.unit) === 'count' && Number(d.value) < 0) at(r, 'value', `${d.value} is negative, but the unit (${d.unit}) is a count: a count cannot be below zero (check the formula and its inputs)`);
    const f = parsedDerived.get(d.id);
    if (!f || inCycle.has(d.id)) continue;
    try {
      // an input that rounds to zero, or could, makes the quotient meaningless
      evaluateInterval(f, intervalOf);
      evaluateFormula(f, (id) => (valueOf(id) as { value: number }).value);
      stats.derivedChecked++; // the value against the formula and its precision: series-checks.ts
    } catch (e) {
      if (!(e instanceof FormulaError)) throw e;
      at(r, 'formula', e.message);
    }
  }

  // arithmetic the articles imply
  const arithmetic: ArithmeticOutcome[] = [];
  for (const r of tables.arithmetic) {
    const a = r.row;
    const target = valueOf(a.equals);
    if (!target) {
      at(r, 'equals', `"${a.equals}" is not an id in figures.csv or derived.csv`);
      continue;
    }
    const f = usable(r, a.formula);
    if (!f) continue;
    let range: Interval;
    try {
      range = evaluateInterval(f, intervalOf);
    } catch (e) {
      if (!(e instanceof FormulaError)) throw e;
      at(r, 'formula', e.message);
      continue;
    }
    const half = 0.5 * 10 ** -target.decimals + 1e-9;
    const holds = range.low - half <= target.value && target.value <= range.high + half;
    arithmetic.push({ id: a.id, formula: a.formula, equals: a.equals, published: target.value, computedLow: range.low, computedHigh: range.high, expect: a.expect, holds, note: a.note, noteZh: a.note_zh });
    if (a.expect === 'holds' && !holds) at(r, 'formula', `gives ${fmtRange(range.low, range.high)}, but ${a.equals} is ${target.value}: it does not hold within rounding (mark it discrepancy and explain, or fix the figures)`);
    if (a.expect === 'discrepancy' && holds) at(r, 'expect', `marked discrepancy, but it holds within rounding (${fmtRange(range.low, range.high)} vs ${target.value})`);
  }

  // the promise ledger: one row per target or plan, verdicts the numbers allow
  checkPromises(tables.promises, tables.figures, tables.derived, tables.events, at);

  // the glossary: quotes in the clean text, sources that use the term, references that exist
  const withFigures = new Set([...tables.figures, ...tables.derived].map((r) => r.row.indicator));
  checkGlossary(tables.glossary, { sourceIds, clean, indicatorIds, indicatorsWithFigures: withFigures }, at);

  const series = checkSeries(tables, { dataDir: opts.dataDir, displayRoot: opts.displayRoot }, clean);
  appendAll(problems, series.problems);
  return { problems, tables, clean, stats, arithmetic, overlaps: series.overlaps, series };
}

function fmtRange(low: number, high: number): string {
  return Math.abs(high - low) < 1e-9 ? `${round6(low)}` : `${round6(low)}…${round6(high)}`;
}
function round6(n: number): number {
  return Math.round(n * 1e6) / 1e6;
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

/** Checks the parts of a date; true when they make a date (or a year) this dataset can hold. */
function checkDateParts(
  r: Located<unknown>,
  year: string,
  month: string,
  day: string,
  at: (r: Located<unknown>, c: string, m: string) => void,
  prefix: string,
  years: { first: number; last: number },
): boolean {
  if (year === '' && month === '' && day === '') {
    at(r, `${prefix}year`, 'no part of the date is given; at least one is needed');
    return false;
  }
  if (year !== '' && (Number(year) < years.first || Number(year) > years.last)) {
    at(r, `${prefix}year`, `${year} is outside the years the dataset covers (${years.first}–${years.last}, the year of this build)`);
    return false;
  }
  if (year !== '' && month !== '' && day !== '') {
    const iso = `${year}-${month.padStart(2, '0')}-${day.padStart(2, '0')}`;
    const d = new Date(`${iso}T00:00:00Z`);
    if (Number.isNaN(d.getTime()) || d.toISOString().slice(0, 10) !== iso) {
      at(r, `${prefix}day`, `${iso} is not a real date`);
      return false;
    }
  }
  return true;
}

interface DateSpan {
  /** first and last day the stated parts allow, YYYY-MM-DD */
  first: string;
  last: string;
  /** the date as stated: 2021-03, 2021-03-02, 2021 */
  text: string;
}

/** The days a date given in parts can be: 2021 is 2021-01-01…2021-12-31; undefined without a year. */
function dateSpan(year: string, month: string, day: string): DateSpan | undefined {
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
