/**
 * What researchers download: every table of data/ as it is checked into the repository, and
 * one flat table of ALL figures (published and derived) joined with their names, places and
 * units — the rows of the /data/ explorer. The explorer's filtered download is the same rows,
 * cut in the browser, so the column list here is the one both use.
 */
import { readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { breakdownName, DATA_DIR, type Dataset, type SiteFigure } from '../data/dataset.ts';
import { formatPeriod } from '../words/format.ts';
import { joinList, toSpreadsheetCsv } from '../data/csv.ts';
import { TABLES, type TableName } from '../data/schema.ts';

import pkg from '../../../package.json';
import { figureRefs, type FigureLookups } from '../words/figure-refs.ts';
import { DATAPACKAGE_FILE, sharedFiles } from '../site/routes.ts';

/**
 * The name a download is saved under: the dataset's name and version before the file name
 * (qingdao-investment-figures-1.1.0-all-figures.csv), so a saved copy says which release it is.
 */
export function versionedFileName(file: string, version: string = pkg.version): string {
  return `${pkg.name}-${version}-${file}`;
}

/** Where downloads live under the site root. */
export const DOWNLOADS_DIR = sharedFiles.downloadsDir();
export const ALL_FIGURES = { name: 'all-figures', csv: 'all-figures.csv', json: 'all-figures.json' } as const;
export { DATAPACKAGE_FILE };

/** File name of a data/ table inside downloads/: its base name (normalization/splices.csv → splices.csv). */
export function tableFileName(name: TableName): string {
  return basename(TABLES[name].file);
}

export type ExportColumn =
  /** the same column as in a table of data/ */
  | { name: string; copy: { table: TableName; column: string }; optional?: true; description?: string }
  /** a column of another table, looked up through the id in column `via` */
  | { name: string; join: { table: TableName; column: string; via: string } }
  /** made for this table; described here */
  | { name: string; description: string; enum?: readonly string[]; optional?: true };

export const FIGURE_TYPES = ['published', 'derived'] as const;

/** Columns of all-figures.csv / .json, in order. */
export const ALL_FIGURES_COLUMNS: readonly ExportColumn[] = [
  { name: 'id', copy: { table: 'figures', column: 'id' } },
  {
    name: 'type',
    description:
      'published: the figure is printed in the source (figures.csv); derived: this project computed it from published figures (derived.csv), see formula',
    enum: FIGURE_TYPES,
  },
  { name: 'indicator', copy: { table: 'figures', column: 'indicator' } },
  { name: 'indicator_zh', join: { table: 'indicators', column: 'name_zh', via: 'indicator' } },
  { name: 'indicator_en', join: { table: 'indicators', column: 'name_en', via: 'indicator' } },
  { name: 'value', copy: { table: 'figures', column: 'value' } },
  { name: 'unit', copy: { table: 'figures', column: 'unit' } },
  { name: 'unit_zh', join: { table: 'units', column: 'symbol_zh', via: 'unit' } },
  { name: 'unit_en', join: { table: 'units', column: 'name_en', via: 'unit' } },
  {
    name: 'qualifier',
    copy: { table: 'figures', column: 'qualifier' },
    description: 'how the source qualifies the number (exact for derived figures)',
  },
  { name: 'period_start', copy: { table: 'figures', column: 'period_start' } },
  { name: 'period_end', copy: { table: 'figures', column: 'period_end' } },
  {
    name: 'period_zh',
    description: 'the period as the site writes it in Chinese (e.g. 2020年上半年), made from period_start and period_end',
  },
  {
    name: 'period_en',
    description: 'the period as the English edition writes it (e.g. H1 2020), made from period_start and period_end',
  },
  { name: 'geo', copy: { table: 'figures', column: 'geo' } },
  { name: 'place_zh', join: { table: 'places', column: 'name_zh', via: 'geo' } },
  { name: 'place_en', join: { table: 'places', column: 'name_en', via: 'geo' } },
  { name: 'status', copy: { table: 'figures', column: 'status' } },
  { name: 'breakdown', copy: { table: 'figures', column: 'breakdown' } },
  { name: 'breakdown_zh', optional: true, description: 'the breakdown in Chinese words, from breakdowns.csv; parts separated by "；"' },
  { name: 'breakdown_en', optional: true, description: 'the breakdown in English words, from breakdowns.csv; parts separated by "; "' },
  {
    name: 'source',
    description:
      'id in sources.csv of the source that publishes the figure; for a derived figure, the sources of all its inputs, separated by ";"',
  },
  {
    name: 'source_kind',
    description:
      'primary when every source behind the figure is one of the original articles; secondary when any is a secondary source (another report)',
    enum: ['primary', 'secondary'],
  },
  {
    name: 'quote',
    copy: { table: 'figures', column: 'quote' },
    optional: true,
    description: 'exact fragment of the clean text of the source that states the figure; empty for derived figures',
  },
  {
    name: 'formula',
    copy: { table: 'derived', column: 'formula' },
    optional: true,
    description: 'for derived figures, the arithmetic over figure ids in braces that gives the value; empty for published figures',
  },
  { name: 'note', copy: { table: 'figures', column: 'note' } },
  { name: 'note_zh', copy: { table: 'figures', column: 'note_zh' } },
];

export const ALL_FIGURES_COLUMN_NAMES: readonly string[] = ALL_FIGURES_COLUMNS.map((c) => c.name);

export type FigureRecord = Record<string, string>;

/** One row of all-figures: every value a string, exactly as the CSV cell holds it. */
export function figureRecord(f: SiteFigure, data: FigureLookups & Pick<Dataset, 'breakdowns'>): FigureRecord {
  const { indicator, place, unit } = figureRefs(f, data);
  const record: FigureRecord = {
    id: f.id,
    type: f.derived ? 'derived' : 'published',
    indicator: f.indicator,
    indicator_zh: indicator.name_zh,
    indicator_en: indicator.name_en,
    value: f.valueText,
    unit: f.unit,
    unit_zh: unit.symbol_zh,
    unit_en: unit.name_en,
    qualifier: f.qualifier,
    period_start: f.period_start,
    period_end: f.period_end,
    period_zh: formatPeriod(f.period_start, f.period_end, 'zh'),
    period_en: formatPeriod(f.period_start, f.period_end, 'en'),
    geo: f.geo,
    place_zh: place.name_zh,
    place_en: place.name_en,
    status: f.status,
    breakdown: joinList(f.breakdown),
    breakdown_zh: breakdownName(data, f.breakdown, 'zh'),
    breakdown_en: breakdownName(data, f.breakdown, 'en'),
    source: joinList(f.sources),
    source_kind: f.sourceKind,
    quote: f.quote,
    formula: f.formula,
    note: f.note,
    note_zh: f.noteZh,
  };
  const keys = Object.keys(record);
  if (keys.join(',') !== ALL_FIGURES_COLUMN_NAMES.join(',')) {
    throw new Error(`figureRecord makes columns ${keys.join(',')}, but ALL_FIGURES_COLUMNS lists ${ALL_FIGURES_COLUMN_NAMES.join(',')}`);
  }
  return record;
}

type FigureData = FigureLookups & Pick<Dataset, 'figures' | 'breakdowns'>;
// made once per dataset: the CSV, the JSON, the topic files and the data package all use them
const records = new WeakMap<FigureData, readonly FigureRecord[]>();
const csvs = new WeakMap<FigureData, string>();

/** All figures in the order the explorer lists them: published first as in figures.csv, then derived. */
export function allFigureRecords(data: FigureData): readonly FigureRecord[] {
  let r = records.get(data);
  if (!r) records.set(data, (r = Object.freeze(data.figures.map((f) => figureRecord(f, data)))));
  return r;
}

/** The JSON download: the rows plus what a reader needs to know what they hold. */
export interface FiguresJson {
  name: string;
  title: string;
  version: string;
  created: string;
  license: string;
  /** the explorer's query string when the rows are a filtered view; '' for all rows */
  filter: string;
  columns: string[];
  rows: FigureRecord[];
}

/** all-figures.csv: the spreadsheet-safe CSV the explorer's filtered download also makes. */
export function allFiguresCsv(data: FigureData): string {
  let csv = csvs.get(data);
  if (csv === undefined) csvs.set(data, (csv = toSpreadsheetCsv(allFigureRecords(data), ALL_FIGURES_COLUMN_NAMES)));
  return csv;
}

/**
 * A table of data/, byte for byte. Copied unchanged (no byte-order mark added) so its hash
 * matches the repository's file and diffs between versions stay meaningful; all-figures.csv
 * is the spreadsheet-friendly file.
 */
export function tableFileBytes(name: TableName, dataDir: string = DATA_DIR): Buffer {
  return readFileSync(join(dataDir, TABLES[name].file));
}

/** Every CSV published under downloads/, by file name. */
export function publishedCsvFiles(data: FigureLookups & Pick<Dataset, 'figures' | 'breakdowns'>): Map<string, Buffer> {
  const files = new Map<string, Buffer>([[ALL_FIGURES.csv, Buffer.from(allFiguresCsv(data), 'utf8')]]);
  for (const name of Object.keys(TABLES) as TableName[]) files.set(tableFileName(name), tableFileBytes(name));
  return files;
}
