/**
 * The corrections log against the last release. data/releases/<version>/ keeps the figures as
 * released (figures.csv, derived.csv and the qualifiers computed figures were published with),
 * because builds run from an export without .git. The check compares the current figures with
 * the newest release and refuses a changed value, period, qualifier or quote — or a removed
 * figure — that data/corrections.csv does not log with a version later than that release.
 */
import { existsSync, readdirSync } from 'node:fs';
import { readDataFile } from '../text/read-text.ts';
import { join, relative } from 'node:path';
import { appendAll, parseCsv, type Located, type Problem } from './csv.ts';
import type { RowOf } from './load.ts';
import { SEMVER } from './schema.ts';

/** The fields a change to which must be logged. */
export const GUARDED_FIELDS = ['value', 'qualifier', 'period_start', 'period_end', 'quote'] as const;
type Guarded = (typeof GUARDED_FIELDS)[number];

export interface ReleasedFigure {
  id: string;
  value: string;
  qualifier: string;
  period_start: string;
  period_end: string;
  quote: string;
}

export interface Release {
  version: string;
  dir: string;
  figures: Map<string, ReleasedFigure>;
}

export interface FigureChange {
  figure: string;
  field: Guarded | 'removed';
  old: string;
  new: string;
  logged: boolean;
}

export interface CorrectionsReport {
  release: Release | undefined;
  changes: FigureChange[];
  problems: Problem[];
}

export function compareVersions(a: string, b: string): number {
  const pa = a.split('.').map(Number);
  const pb = b.split('.').map(Number);
  for (let i = 0; i < 3; i++) {
    const d = (pa[i] ?? 0) - (pb[i] ?? 0);
    if (d !== 0) return d;
  }
  return 0;
}

/** The newest release kept under data/releases/, or undefined when none is kept yet. */
export function latestRelease(dataDir: string, problems: Problem[], displayRoot?: string): Release | undefined {
  const root = join(dataDir, 'releases');
  if (!existsSync(root)) return undefined;
  const versions = readdirSync(root)
    .filter((v) => SEMVER.test(v))
    .sort(compareVersions);
  const version = versions[versions.length - 1];
  if (version === undefined) return undefined;
  const dir = join(root, version);
  const show = (p: string) => relative(displayRoot ?? process.cwd(), p) || p;
  const read = (name: string): Located<Record<string, string>>[] => {
    const path = join(dir, name);
    const read = readDataFile(path, { root: dataDir, rootName: show(dataDir), kind: 'table' });
    if ('fault' in read) {
      problems.push({ file: show(path), line: read.fault.line, column: '-', message: read.fault.message === 'file is missing' ? 'file of the release is missing' : read.fault.message });
      return [];
    }
    const parsed = parseCsv(read.text, show(path));
    appendAll(problems, parsed.problems);
    return parsed.rows;
  };
  const figures = new Map<string, ReleasedFigure>();
  for (const { row } of read('figures.csv')) {
    figures.set(row['id'] ?? '', { id: row['id'] ?? '', value: row['value'] ?? '', qualifier: row['qualifier'] ?? '', period_start: row['period_start'] ?? '', period_end: row['period_end'] ?? '', quote: row['quote'] ?? '' });
  }
  const derivedQualifier = new Map(read('derived-qualifiers.csv').map(({ row }) => [row['id'] ?? '', row['qualifier'] ?? '']));
  for (const { row } of read('derived.csv')) {
    const id = row['id'] ?? '';
    figures.set(id, { id, value: row['value'] ?? '', qualifier: derivedQualifier.get(id) ?? '', period_start: row['period_start'] ?? '', period_end: row['period_end'] ?? '', quote: '' });
  }
  return { version, dir, figures };
}

/** Compares the current figures with the release; every change must have a corrections row. */
export function checkCorrections(
  opts: { dataDir: string; displayRoot?: string },
  tables: { figures: Located<RowOf<'figures'>>[]; derived: Located<RowOf<'derived'>>[]; corrections: Located<RowOf<'corrections'>>[] },
  derivedQualifier: (id: string) => string,
): CorrectionsReport {
  const problems: Problem[] = [];
  const release = latestRelease(opts.dataDir, problems, opts.displayRoot);
  const current = new Map<string, { f: ReleasedFigure; at: { file: string; line: number } }>();
  for (const r of tables.figures) current.set(r.row.id, { f: { id: r.row.id, value: r.row.value, qualifier: r.row.qualifier, period_start: r.row.period_start, period_end: r.row.period_end, quote: r.row.quote }, at: r });
  for (const r of tables.derived) current.set(r.row.id, { f: { id: r.row.id, value: r.row.value, qualifier: derivedQualifier(r.row.id), period_start: r.row.period_start, period_end: r.row.period_end, quote: '' }, at: r });

  for (const r of tables.corrections) {
    const c = r.row;
    if (c.field === 'removed' && current.has(c.figure)) problems.push({ file: r.file, line: r.line, column: 'figure', message: `logged as removed, but "${c.figure}" is still in figures.csv or derived.csv` });
    if (c.field !== 'removed' && !current.has(c.figure)) problems.push({ file: r.file, line: r.line, column: 'figure', message: `"${c.figure}" is not an id in figures.csv or derived.csv` });
    const cur = current.get(c.figure);
    if (cur && (GUARDED_FIELDS as readonly string[]).includes(c.field) && cur.f[c.field as Guarded] !== c.new) {
      problems.push({ file: r.file, line: r.line, column: 'new', message: `says ${c.field} became ${JSON.stringify(c.new)}, but it is ${JSON.stringify(cur.f[c.field as Guarded])}` });
    }
    if (release && compareVersions(c.version, release.version) <= 0 && !release.figures.has(c.figure) && c.field !== 'added') {
      problems.push({ file: r.file, line: r.line, column: 'version', message: `"${c.figure}" was not in release ${release.version}, so a change to it cannot belong to ${c.version}` });
    }
  }
  if (!release) return { release, changes: [], problems };

  const logged = (figure: string, field: string, old: string, now: string) =>
    tables.corrections.some((r) => r.row.figure === figure && r.row.field === field && r.row.old === old && r.row.new === now && compareVersions(r.row.version, release.version) > 0);
  const changes: FigureChange[] = [];
  for (const [id, was] of release.figures) {
    const now = current.get(id);
    if (!now) {
      const ok = logged(id, 'removed', was.value, '');
      changes.push({ figure: id, field: 'removed', old: was.value, new: '', logged: ok });
      if (!ok) {
        problems.push({
          file: relative(opts.displayRoot ?? process.cwd(), join(opts.dataDir, 'corrections.csv')) || 'corrections.csv',
          line: 1,
          column: 'figure',
          message: `"${id}" was published in release ${release.version} (value ${was.value}) and is gone: log its removal (field removed, old ${was.value}) with the reason`,
        });
      }
      continue;
    }
    for (const field of GUARDED_FIELDS) {
      if (was[field] === now.f[field]) continue;
      const ok = logged(id, field, was[field], now.f[field]);
      changes.push({ figure: id, field, old: was[field], new: now.f[field], logged: ok });
      if (!ok) {
        problems.push({
          file: now.at.file,
          line: now.at.line,
          column: field,
          message: `changed since release ${release.version} (${JSON.stringify(was[field])} → ${JSON.stringify(now.f[field])}) with no row in data/corrections.csv: log the change (figure ${id}, field ${field}, old, new, reason) or undo it`,
        });
      }
    }
  }
  return { release, changes, problems };
}
