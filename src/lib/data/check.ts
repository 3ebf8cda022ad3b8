/**
 * Every rule the dataset must satisfy. Run by `npm run data:check`, by the build and by the
 * tests. All problems are collected and returned together; nothing is fixed or skipped.
 */
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { basename, join, relative } from 'node:path';
import { evaluate } from 'mathjs';
import { loadTable, type LoadedTable, type RowOf } from './load.ts';
import type { Located, Problem } from './csv.ts';
import { TABLES, type TableName } from './schema.ts';
import { normalize, unsupportedRepairs, NormalizeError, type NormalizeResult } from '../text/normalize.ts';
import { rulesFor } from './normalization-rules.ts';
import { numbersIn, decimalsOf } from '../text/numbers-in-text.ts';
import { checkPromises } from './promises.ts';

export interface CheckOptions {
  dataDir: string;
  /** draft folders whose tables are appended to data/'s (see data/drafts/README.md) */
  overlays?: string[];
  displayRoot?: string;
}

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

export interface Overlap {
  key: string;
  figures: { id: string; value: string; unit: string; qualifier: string; source: string; kind: string }[];
  agree: boolean;
}

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
  const refList = (r: Located<unknown>, column: string, value: string, set: Set<string>, table: string) => {
    for (const v of value === '' ? [] : value.split(';')) ref(r, column, v, set, table);
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
  for (const r of tables.sources) {
    refList(r, 'event', r.row.event, eventIds, 'events.csv');
    if (r.row.published_year + r.row.published_month + r.row.published_day === '') {
      if (r.row.date_note === '') at(r, 'date_note', 'the text states no publication date: say so in date_note');
    } else checkDateParts(r, r.row.published_year, r.row.published_month, r.row.published_day, at, 'published_');
    if (r.row.date_basis === 'inferred' && r.row.date_note === '') at(r, 'date_note', 'an inferred date needs a note saying how it was inferred');
    const path = join(opts.dataDir, 'sources', r.row.file);
    if (!existsSync(path)) {
      at(r, 'file', `no such file ${relative(opts.displayRoot ?? process.cwd(), path)}`);
      continue;
    }
    const raw = readFileSync(path, 'utf8');
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
  const checkSeriesRow = (r: Located<unknown>, row: { indicator: string; unit: string; geo: string; breakdown: string; period_start: string; period_end: string }) => {
    ref(r, 'indicator', row.indicator, indicatorIds, 'indicators.csv');
    for (const code of row.breakdown === '' ? [] : row.breakdown.split(';')) ref(r, 'breakdown', code, breakdownIds, 'breakdowns.csv');
    ref(r, 'unit', row.unit, unitIds, 'units.csv');
    ref(r, 'geo', row.geo, placeIds, 'places.csv');
    const expectedUnit = indicatorUnit.get(row.indicator);
    if (expectedUnit !== undefined && expectedUnit !== row.unit) at(r, 'unit', `"${row.unit}" differs from the unit of indicator ${row.indicator} ("${expectedUnit}")`);
    if (row.period_start > row.period_end) at(r, 'period_end', `period ends (${row.period_end}) before it starts (${row.period_start})`);
  };

  // figures
  const stats = { figuresPerSource: {} as Record<string, number>, quotesChecked: 0, valuesChecked: 0, derivedChecked: 0 };
  for (const r of tables.figures) {
    const f = r.row;
    checkSeriesRow(r, f);
    ref(r, 'source', f.source, sourceIds, 'sources.csv');
    stats.figuresPerSource[f.source] = (stats.figuresPerSource[f.source] ?? 0) + 1;
    checkQuote(r, f.source, f.quote, clean, at, stats);
    if (!numbersIn(f.quote).some((n) => n === Number(f.value))) {
      at(r, 'value', `${f.value} is not stated in the quote (numbers found: ${numbersIn(f.quote).join(', ') || 'none'})`);
    } else stats.valuesChecked++;
  }

  // events
  for (const r of tables.events) {
    const e = r.row;
    checkDateParts(r, e.year, e.month, e.day, at, '');
    if (e.date_basis === 'inferred' && e.date_note === '') at(r, 'date_note', 'an inferred date needs a note saying how it was inferred');
    if (e.year === '' && e.date_note === '') at(r, 'date_note', 'the year is not stated: say so in date_note');
    ref(r, 'geo', e.geo, placeIds, 'places.csv');
    refList(r, 'source', e.source, sourceIds, 'sources.csv');
    const firstSource = e.source.split(';')[0] ?? '';
    checkQuote(r, firstSource, e.quote, clean, at, stats);
    for (const t of e.targets === '' ? [] : e.targets.split(';')) {
      const fig = figureById.get(t);
      if (!fig) at(r, 'targets', `"${t}" is not an id in figures.csv`);
      else if (fig.row.status === 'actual') at(r, 'targets', `figure "${t}" has status actual, not target or plan`);
    }
  }

  // derived figures: the formula must reproduce the value at the stated rounding
  const valueOf = (id: string): { value: number; decimals: number } | undefined => {
    const f = figureById.get(id);
    if (f) return { value: Number(f.row.value), decimals: decimalsOf(f.row.value) };
    const d = derivedById.get(id);
    if (d) return { value: Number(d.row.value), decimals: Number(d.row.decimals) };
    return undefined;
  };
  for (const r of tables.derived) {
    const d = r.row;
    checkSeriesRow(r, d);
    if (decimalsOf(d.value) !== Number(d.decimals)) at(r, 'value', `has ${decimalsOf(d.value)} decimals, the decimals column says ${d.decimals}`);
    const result = evaluateFormula(d.formula, valueOf, false);
    if ('error' in result) at(r, 'formula', result.error);
    else {
      const rounded = Number(result.value.toFixed(Number(d.decimals)));
      if (rounded !== Number(d.value)) at(r, 'value', `${d.value} does not match its formula, which gives ${result.value} (${rounded} at ${d.decimals} decimals)`);
      else stats.derivedChecked++;
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
    const low = evaluateFormula(a.formula, valueOf, 'low');
    const high = evaluateFormula(a.formula, valueOf, 'high');
    if ('error' in low || 'error' in high) {
      at(r, 'formula', 'error' in low ? low.error : 'error' in high ? high.error : '');
      continue;
    }
    const half = 0.5 * 10 ** -target.decimals + 1e-9;
    const holds = low.value - half <= target.value && target.value <= high.value + half;
    arithmetic.push({ id: a.id, formula: a.formula, equals: a.equals, published: target.value, computedLow: low.value, computedHigh: high.value, expect: a.expect, holds, note: a.note, noteZh: a.note_zh });
    if (a.expect === 'holds' && !holds) at(r, 'formula', `gives ${fmtRange(low.value, high.value)}, but ${a.equals} is ${target.value}: it does not hold within rounding (mark it discrepancy and explain, or fix the figures)`);
    if (a.expect === 'discrepancy' && holds) at(r, 'expect', `marked discrepancy, but it holds within rounding (${fmtRange(low.value, high.value)} vs ${target.value})`);
  }

  // the promise ledger: one row per target or plan, verdicts the numbers allow
  checkPromises(tables.promises, tables.figures, tables.derived, tables.events, at);

  return { problems, tables, clean, stats, arithmetic, overlaps: findOverlaps(tables) };
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
  if (!text.includes(quote)) at(r, 'quote', `not found verbatim in the clean text of ${source}`);
  else stats.quotesChecked++;
}

function checkDateParts(
  r: Located<unknown>,
  year: string,
  month: string,
  day: string,
  at: (r: Located<unknown>, c: string, m: string) => void,
  prefix: string,
): void {
  if (year === '' && month === '' && day === '') at(r, `${prefix}year`, 'no part of the date is given; at least one is needed');
  if (year !== '' && month !== '' && day !== '') {
    const iso = `${year}-${month.padStart(2, '0')}-${day.padStart(2, '0')}`;
    const d = new Date(`${iso}T00:00:00Z`);
    if (Number.isNaN(d.getTime()) || d.toISOString().slice(0, 10) !== iso) at(r, `${prefix}day`, `${iso} is not a real date`);
  }
}

/**
 * Evaluates `{id} / {id} * 100`. With bound 'low' or 'high', each input is moved to the end of
 * its rounding interval that lowers or raises the result (found by trying every corner), so a
 * published figure is judged against what its rounded inputs allow.
 */
function evaluateFormula(
  formula: string,
  valueOf: (id: string) => { value: number; decimals: number } | undefined,
  bound: false | 'low' | 'high',
): { value: number } | { error: string } {
  const refs = [...new Set([...formula.matchAll(/\{([a-z0-9-]+)\}/gu)].map((m) => m[1] as string))];
  if (refs.length === 0) return { error: 'formula refers to no figure: write ids in braces, e.g. {a} / {b} * 100' };
  const inputs: { name: string; value: number; half: number }[] = [];
  for (const [i, id] of refs.entries()) {
    const v = valueOf(id);
    if (!v) return { error: `"${id}" is not an id in figures.csv or derived.csv` };
    inputs.push({ name: `v${i}`, value: v.value, half: 0.5 * 10 ** -v.decimals });
  }
  let expr = formula;
  refs.forEach((id, i) => {
    expr = expr.replaceAll(`{${id}}`, `v${i}`);
  });
  if (/[{}]/u.test(expr)) return { error: 'formula has a malformed {id}' };
  const run = (scope: Record<string, number>): number | string => {
    try {
      const out: unknown = evaluate(expr, scope);
      return typeof out === 'number' && Number.isFinite(out) ? out : `formula does not give a finite number`;
    } catch (e) {
      return `formula cannot be evaluated: ${(e as Error).message}`;
    }
  };
  if (bound === false) {
    const out = run(Object.fromEntries(inputs.map((x) => [x.name, x.value])));
    return typeof out === 'string' ? { error: out } : { value: out };
  }
  let best: number | undefined;
  for (let mask = 0; mask < 1 << inputs.length; mask++) {
    const scope = Object.fromEntries(inputs.map((x, i) => [x.name, x.value + (mask & (1 << i) ? x.half : -x.half)]));
    const out = run(scope);
    if (typeof out === 'string') return { error: out };
    if (best === undefined || (bound === 'low' ? out < best : out > best)) best = out;
  }
  return { value: best as number };
}

/**
 * The same quantity (indicator, period, place, breakdown, status) published by more than one
 * source: the site shows both, and the report says whether they agree.
 */
function findOverlaps(tables: CheckReport['tables']): Overlap[] {
  const kindOf = new Map(tables.sources.map((r) => [r.row.id, r.row.kind]));
  const groups = new Map<string, Located<RowOf<'figures'>>[]>();
  for (const r of tables.figures) {
    const f = r.row;
    const key = [f.indicator, f.period_start, f.period_end, f.geo, f.breakdown, f.status].join('|');
    groups.set(key, [...(groups.get(key) ?? []), r]);
  }
  const out: Overlap[] = [];
  for (const [key, rows] of groups) {
    const sources = new Set(rows.map((r) => r.row.source));
    if (sources.size < 2) continue;
    const values = new Set(rows.map((r) => `${Number(r.row.value)}|${r.row.qualifier}`));
    out.push({
      key,
      figures: rows.map((r) => ({ id: r.row.id, value: r.row.value, unit: r.row.unit, qualifier: r.row.qualifier, source: r.row.source, kind: kindOf.get(r.row.source) ?? '' })),
      agree: values.size === 1,
    });
  }
  return out;
}
