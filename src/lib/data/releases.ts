/**
 * The releases kept under data/releases/<version>/ as data a page can be built from: a pinned
 * embed (/embed/<id>/v/<version>/) draws a chart with the current chart module over the figures
 * as that release published them. A release keeps figures.csv and derived.csv (see its
 * README); indicators, places, units and sources are read from today's tables, which only
 * grow. A figure published then and changed since takes its released value, period,
 * qualifier and quote; a figure added since is left out; one removed since is rebuilt from
 * its released row. Anything the current code cannot read stops the build with the file, line
 * and column, never a silently different chart.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { parseCsv } from './csv.ts';
import { compareVersions } from './corrections.ts';
import { SEMVER } from './schema.ts';
import type { Dataset, SiteFigure } from './site-figure.ts';

/** Versions kept under `dataDir`/releases/, oldest first. */
export function keptReleases(dataDir: string): string[] {
  const root = join(dataDir, 'releases');
  if (!existsSync(root)) return [];
  return readdirSync(root)
    .filter((v) => SEMVER.test(v))
    .sort(compareVersions);
}

const STATUSES = ['actual', 'target', 'plan'] as const;

/** The dataset as release `version` published it. */
export function releaseDataset(current: Dataset, dataDir: string, version: string, displayRoot = process.cwd()): Dataset {
  const dir = join(dataDir, 'releases', version);
  const show = (name: string) => relative(displayRoot, join(dir, name)) || join(dir, name);
  const fail = (name: string, line: number, column: string, problem: string): never => {
    throw new Error(
      `${show(name)}:${line}: ${column}: ${problem} (release ${version} cannot be read by the current code; its pinned embeds cannot be built)`,
    );
  };
  const read = (name: string) => {
    if (!existsSync(join(dir, name))) fail(name, 1, '-', 'file of the release is missing');
    const parsed = parseCsv(readFileSync(join(dir, name), 'utf8'), show(name));
    const first = parsed.problems[0];
    if (first) fail(name, first.line, first.column, first.message);
    return parsed.rows;
  };
  const figures: SiteFigure[] = [];
  for (const name of ['figures.csv', 'derived.csv']) {
    for (const { row, line } of read(name)) {
      const id = row['id'] ?? '';
      const need = (column: string): string => {
        const v = row[column];
        if (v === undefined) fail(name, line, column, 'column missing');
        return v as string;
      };
      const value = Number(need('value'));
      if (!Number.isFinite(value)) fail(name, line, 'value', `"${row['value']}" is not a number`);
      const now = current.byId.get(id);
      const released = {
        valueText: need('value'),
        value,
        period_start: need('period_start'),
        period_end: need('period_end'),
        ...(name === 'figures.csv' ? { qualifier: need('qualifier'), quote: need('quote') } : {}),
      };
      if (now) {
        figures.push({ ...now, ...released });
        continue;
      }
      // removed since: rebuilt from the released row, with today's lookups
      const indicator = need('indicator');
      if (!current.indicators.has(indicator)) fail(name, line, 'indicator', `"${indicator}" is no longer in indicators.csv`);
      const status = need('status');
      if (!(STATUSES as readonly string[]).includes(status)) fail(name, line, 'status', `"${status}" is not one of ${STATUSES.join(', ')}`);
      const source = name === 'figures.csv' ? need('source') : '';
      if (source && !current.sources.has(source)) fail(name, line, 'source', `"${source}" is no longer in sources.csv`);
      figures.push({
        id,
        indicator,
        unit: need('unit'),
        qualifier: row['qualifier'] ?? 'exact',
        quote: row['quote'] ?? '',
        geo: need('geo'),
        status: status as SiteFigure['status'],
        breakdown: need('breakdown')
          .split(';')
          .filter((b) => b !== ''),
        sources: source ? [source] : [],
        sourceKind: current.sources.get(source)?.kind ?? 'primary',
        note: row['note'] ?? '',
        noteZh: row['note_zh'] ?? '',
        derived: name === 'derived.csv',
        formula: row['formula'] ?? '',
        inputs: [],
        continuityNote: '',
        ...released,
      });
    }
  }
  return { ...current, figures, byId: new Map(figures.map((f) => [f.id, f])) };
}

/** The day a kept release was kept (its release.json), YYYY-MM-DD. */
export function releaseDate(dataDir: string, version: string, displayRoot = process.cwd()): string {
  const file = join(dataDir, 'releases', version, 'release.json');
  const at = relative(displayRoot, file) || file;
  if (!existsSync(file)) throw new Error(`${at}:1: -: missing; it gives the day the release was kept ({ "date": "YYYY-MM-DD" })`);
  let date: unknown;
  try {
    date = (JSON.parse(readFileSync(file, 'utf8')) as { date?: unknown }).date;
  } catch (e) {
    throw new Error(`${at}:1: -: not JSON (${(e as Error).message})`, { cause: e });
  }
  if (typeof date !== 'string' || !/^\d{4}-\d{2}-\d{2}$/u.test(date)) throw new Error(`${at}:1: date: must be a date YYYY-MM-DD`);
  return date;
}

/** Figures of `ids` corrected in a version after `version` (data/corrections.csv). */
export function correctedAfter(data: Dataset, version: string, ids: ReadonlySet<string>): string[] {
  return [
    ...new Set(
      data.report.tables.corrections
        .map((r) => r.row)
        .filter((c) => compareVersions(c.version, version) > 0 && ids.has(c.figure))
        .map((c) => c.figure),
    ),
  ];
}
