/**
 * Reads data/ into typed rows. Schema faults are collected, never thrown one at a time,
 * so a contributor sees every problem in one run.
 */
import { readDataFile } from '../text/read-text.ts';
import { existsSync } from 'node:fs';
import { basename, dirname, join, relative } from 'node:path';
import type { z } from 'zod';
import { appendAll, parseCsv, type Located, type Problem } from './csv.ts';
import { TABLES, type TableName } from './schema.ts';

export type RowOf<N extends TableName> = z.infer<(typeof TABLES)[N]['schema']>;

export interface LoadedTable<N extends TableName> {
  name: N;
  file: string;
  header: string[];
  rows: Located<RowOf<N>>[];
}

export interface LoadOptions {
  /** folder holding the tables (data/ by default) */
  dataDir: string;
  /** how file names appear in messages: relative to this folder */
  displayRoot?: string;
  /** read the table from this file instead of its place in dataDir */
  path?: string;
}

export function loadTable<N extends TableName>(name: N, opts: LoadOptions, problems: Problem[]): LoadedTable<N> {
  const def = TABLES[name];
  const path = opts.path ?? join(opts.dataDir, def.file);
  const file = relative(opts.displayRoot ?? process.cwd(), path) || path;
  // a draft table is read from its own folder; every other from the data folder
  const root = opts.path ? dirname(opts.path) : opts.dataDir;
  const read = readDataFile(path, { root, rootName: relative(opts.displayRoot ?? process.cwd(), root) || root, kind: 'table' });
  if ('fault' in read) {
    problems.push({ file, line: read.fault.line, column: '-', message: read.fault.message });
    return { name, file, header: [], rows: [] };
  }
  // a table saved by a spreadsheet in a locale that separates by ";" or by tab: one message, not one per row
  const firstLine = read.text.slice(0, read.text.indexOf('\n') >>> 0);
  if (!firstLine.includes(',')) {
    const sep = firstLine.includes(';') ? '";"' : firstLine.includes('\t') ? 'tab' : undefined;
    if (sep) {
      problems.push({ file, line: 1, column: '-', message: `the header is separated by ${sep}, not ",": save the table as comma-separated CSV` });
      return { name, file, header: [], rows: [] };
    }
  }
  const parsed = parseCsv(read.text, file);
  appendAll(problems, parsed.problems);

  const expected = Object.keys(def.schema.shape);
  const missing = expected.filter((c) => !parsed.header.includes(c));
  const extra = parsed.header.filter((c) => !expected.includes(c));
  for (const c of missing) problems.push({ file, line: 1, column: c, message: 'column is missing from the header' });
  for (const c of extra) problems.push({ file, line: 1, column: c, message: 'column is not in the schema' });
  if (missing.length === 0 && extra.length === 0 && parsed.header.join(',') !== expected.join(',')) {
    problems.push({ file, line: 1, column: '-', message: `columns must be in the order ${expected.join(',')}` });
  }

  const rows: Located<RowOf<N>>[] = [];
  for (const located of parsed.rows) {
    const result = def.schema.safeParse(located.row);
    if (!result.success) {
      for (const issue of result.error.issues) {
        const column = issue.path.map(String).join('.') || '-';
        const value = located.row[column];
        problems.push({ file, line: located.line, column, message: `${issue.message}${value !== undefined ? ` (got ${JSON.stringify(value)})` : ''}` });
      }
      continue; // reported above; checks that need a valid row skip it rather than guess
    }
    for (const [column, value] of Object.entries(located.row)) {
      if (value !== value.trim()) problems.push({ file, line: located.line, column, message: 'has leading or trailing white space' });
    }
    rows.push({ row: result.data as RowOf<N>, file, line: located.line });
  }
  return { name, file, header: parsed.header, rows };
}

/**
 * Every table of the data folder, and of each draft folder given as an overlay (its rows
 * appended after data/'s), with every fault of reading and of the schema in `problems`.
 */
export function loadTables(opts: { dataDir: string; displayRoot?: string; overlays?: string[] }, problems: Problem[]): { [N in TableName]: Located<RowOf<N>>[] } {
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
  return tables;
}
