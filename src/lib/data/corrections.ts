/**
 * The corrections log against the releases. data/releases/<version>/ keeps the figures as
 * released (figures.csv, derived.csv and the qualifiers computed figures were published with),
 * because builds run from an export without .git. The check compares the current figures with
 * the newest release and refuses a changed value, period, qualifier or quote — or a removed
 * figure — that data/corrections.csv does not log with a version later than that release.
 *
 * So that a release folder cannot hide a change, only versions that were released count: a
 * folder above the package's version is refused (the newest folder would otherwise win), and
 * each release after the first must differ from the one before only by changes the log gives
 * that release's own version. The log itself has no duplicated row.
 */
import { existsSync, readdirSync } from 'node:fs';
import { readDataFile } from '../text/read-text.ts';
import { join, relative } from 'node:path';
import { appendAll, parseCsv, type Located, type Problem } from './csv.ts';
import type { RowOf } from './load.ts';
import { SEMVER } from './schema.ts';
import pkg from '../../../package.json';

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

/** The folders of data/releases/ for versions that were released (at most `packageVersion`), oldest first; other entries are problems. */
export function releasedVersions(dataDir: string, packageVersion: string, problems: Problem[], displayRoot?: string): string[] {
  const root = join(dataDir, 'releases');
  if (!existsSync(root)) return [];
  const show = (p: string) => relative(displayRoot ?? process.cwd(), p) || p;
  const versions: string[] = [];
  for (const entry of readdirSync(root, { withFileTypes: true })) {
    const at = show(join(root, entry.name));
    if (!SEMVER.test(entry.name) || !entry.isDirectory()) {
      problems.push({ file: at, line: 1, column: '-', message: `is not a release folder: data/releases/ holds only folders named by a released version (such as 1.0.0)` });
    } else if (compareVersions(entry.name, packageVersion) > 0) {
      problems.push({ file: at, line: 1, column: '-', message: `release ${entry.name} is above the dataset's version (${packageVersion} in package.json): a folder is kept only for a version that was released, so it is not compared with; remove it, or bump the version when releasing` });
    } else versions.push(entry.name);
  }
  return versions.sort(compareVersions);
}

/** The figures of one release folder, as released. */
export function readRelease(dataDir: string, version: string, problems: Problem[], displayRoot?: string): Release {
  const dir = join(dataDir, 'releases', version);
  const show = (p: string) => relative(displayRoot ?? process.cwd(), p) || p;
  const read = (name: string): Located<Record<string, string>>[] => {
    const path = join(dir, name);
    const text = readDataFile(path, { root: dataDir, rootName: show(dataDir), kind: 'table' });
    if ('fault' in text) {
      problems.push({ file: show(path), line: text.fault.line, column: '-', message: text.fault.message === 'file is missing' ? 'file of the release is missing' : text.fault.message });
      return [];
    }
    const parsed = parseCsv(text.text, show(path));
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

/** The newest release kept under data/releases/ (at most the package's version), or undefined when none is kept yet. */
export function latestRelease(dataDir: string, problems: Problem[], displayRoot?: string, packageVersion: string = pkg.version): Release | undefined {
  const versions = releasedVersions(dataDir, packageVersion, problems, displayRoot);
  const version = versions[versions.length - 1];
  return version === undefined ? undefined : readRelease(dataDir, version, problems, displayRoot);
}

/** What differs between two states of the figures, field by field (a removed figure as one change). */
function differences(was: Map<string, ReleasedFigure>, now: Map<string, ReleasedFigure>): { figure: string; field: Guarded | 'removed'; old: string; new: string }[] {
  const out: { figure: string; field: Guarded | 'removed'; old: string; new: string }[] = [];
  for (const [id, before] of was) {
    const after = now.get(id);
    if (!after) {
      out.push({ figure: id, field: 'removed', old: before.value, new: '' });
      continue;
    }
    for (const field of GUARDED_FIELDS) if (before[field] !== after[field]) out.push({ figure: id, field, old: before[field], new: after[field] });
  }
  return out;
}

/** Compares the current figures with the release; every change must have a corrections row. */
export function checkCorrections(
  opts: { dataDir: string; displayRoot?: string; packageVersion?: string },
  tables: { figures: Located<RowOf<'figures'>>[]; derived: Located<RowOf<'derived'>>[]; corrections: Located<RowOf<'corrections'>>[] },
  derivedQualifier: (id: string) => string,
): CorrectionsReport {
  const problems: Problem[] = [];
  const logFile = relative(opts.displayRoot ?? process.cwd(), join(opts.dataDir, 'corrections.csv')) || 'corrections.csv';
  const versions = releasedVersions(opts.dataDir, opts.packageVersion ?? pkg.version, problems, opts.displayRoot);
  const releases = versions.map((v) => readRelease(opts.dataDir, v, problems, opts.displayRoot));
  const release = releases[releases.length - 1];
  const current = new Map<string, { f: ReleasedFigure; at: { file: string; line: number } }>();
  for (const r of tables.figures) current.set(r.row.id, { f: { id: r.row.id, value: r.row.value, qualifier: r.row.qualifier, period_start: r.row.period_start, period_end: r.row.period_end, quote: r.row.quote }, at: r });
  for (const r of tables.derived) current.set(r.row.id, { f: { id: r.row.id, value: r.row.value, qualifier: derivedQualifier(r.row.id), period_start: r.row.period_start, period_end: r.row.period_end, quote: '' }, at: r });

  // one row per change: a repeated row would be two entries (and one id) in the feed
  const rowKey = (c: RowOf<'corrections'>) => [c.version, c.figure, c.field, c.old, c.new].join('\u0000');
  const firstRow = new Map<string, Located<RowOf<'corrections'>>>();
  for (const r of tables.corrections) {
    const key = rowKey(r.row);
    const first = firstRow.get(key);
    if (first) problems.push({ file: r.file, line: r.line, column: 'figure', message: `repeats the change logged at ${first.file}:${first.line} (${r.row.version}, ${r.row.figure}, ${r.row.field}): log each change once` });
    else firstRow.set(key, r);
  }

  for (const r of tables.corrections) {
    const c = r.row;
    if (c.field === 'removed' && current.has(c.figure)) problems.push({ file: r.file, line: r.line, column: 'figure', message: `logged as removed, but "${c.figure}" is still in figures.csv or derived.csv` });
    if (c.field !== 'removed' && !current.has(c.figure)) problems.push({ file: r.file, line: r.line, column: 'figure', message: `"${c.figure}" is not an id in figures.csv or derived.csv` });
    const cur = current.get(c.figure);
    if (cur && (GUARDED_FIELDS as readonly string[]).includes(c.field) && cur.f[c.field as Guarded] !== c.new) {
      // a field changed again later is checked against the release that followed, not the current row
      const later = tables.corrections.some((x) => x !== r && x.row.figure === c.figure && x.row.field === c.field && x.row.old === c.new && compareVersions(x.row.version, c.version) >= 0);
      if (!later) problems.push({ file: r.file, line: r.line, column: 'new', message: `says ${c.field} became ${JSON.stringify(c.new)}, but it is ${JSON.stringify(cur.f[c.field as Guarded])}` });
    }
    // a row of a released version changes a figure of that release (a removed one is gone from it, an added one new in it)
    if (release && compareVersions(c.version, release.version) <= 0 && !release.figures.has(c.figure) && c.field !== 'added' && c.field !== 'removed') {
      problems.push({ file: r.file, line: r.line, column: 'version', message: `"${c.figure}" was not in release ${release.version}, so a change to it cannot belong to ${c.version}` });
    }
  }
  if (!release) return { release, changes: [], problems };

  const isLogged = (change: { figure: string; field: string; old: string; new: string }, version: (v: string) => boolean) =>
    tables.corrections.some((r) => r.row.figure === change.figure && r.row.field === change.field && r.row.old === change.old && r.row.new === change.new && version(r.row.version));

  // each release after the first: its changes from the one before are logged under its own version
  for (let i = 1; i < releases.length; i++) {
    const before = releases[i - 1] as Release;
    const after = releases[i] as Release;
    for (const d of differences(before.figures, after.figures)) {
      if (isLogged(d, (v) => v === after.version)) continue;
      problems.push({
        file: relative(opts.displayRoot ?? process.cwd(), after.dir) || after.dir,
        line: 1,
        column: d.field,
        message: `release ${after.version} changes "${d.figure}" from release ${before.version} (${JSON.stringify(d.old)} → ${JSON.stringify(d.new)}), but data/corrections.csv logs no such change with version ${after.version}: a release folder must hold the figures as released`,
      });
    }
  }

  const currentFigures = new Map([...current].map(([id, x]) => [id, x.f]));
  const changes: FigureChange[] = [];
  for (const d of differences(release.figures, currentFigures)) {
    const ok = isLogged(d, (v) => compareVersions(v, release.version) > 0);
    changes.push({ ...d, logged: ok });
    if (ok) continue;
    if (d.field === 'removed') {
      problems.push({
        file: logFile,
        line: 1,
        column: 'figure',
        message: `"${d.figure}" was published in release ${release.version} (value ${d.old}) and is gone: log its removal (field removed, old ${d.old}) with the reason`,
      });
      continue;
    }
    const now = current.get(d.figure) as { at: { file: string; line: number } };
    problems.push({
      file: now.at.file,
      line: now.at.line,
      column: d.field,
      message: `changed since release ${release.version} (${JSON.stringify(d.old)} → ${JSON.stringify(d.new)}) with no row in data/corrections.csv: log the change (figure ${d.figure}, field ${d.field}, old, new, reason) or undo it`,
    });
  }
  return { release, changes, problems };
}

/**
 * The anchor of a correction on the corrections page, and the link the feed gives it: the
 * version is part of it, so the same figure and field corrected in two releases are two
 * anchors (the feed's entry id, tag:…/version/figure/field, says the same).
 */
export function correctionAnchor(c: { version: string; figure: string; field: string }): string {
  return `v${c.version}-${c.figure}-${c.field}`;
}
