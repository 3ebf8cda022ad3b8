/**
 * Facts about the tables that are not a single column's type: which columns hold ids of other
 * rows, and which columns are the same text in two languages. Declared here once; the data
 * check (rules/references.ts, the language pairs), datapackage.json's foreign keys and the
 * data dictionary all read them. Column types, descriptions and spreadsheet safety (`cell()`)
 * are declared in schema.ts, beside the columns.
 */
import { TABLES, type TableName } from './schema.ts';

export interface Reference {
  table: TableName;
  column: string;
  /** the table(s) whose `id` the value must be; figures or derived for "a figure" */
  to: readonly TableName[];
  /** the cell holds a ;-separated list of ids */
  list?: true;
}

const FIGURE: readonly TableName[] = ['figures', 'derived'];

/**
 * Every column that refers to rows by id. An empty single value means "none" (a place without
 * parent, a promise set at no event in the data) and is not checked; the schema says which
 * columns may be empty. The corrections log's `figure` is not here: a removed figure is named
 * there by the id it had (corrections.ts checks it).
 */
export const REFERENCES: readonly Reference[] = [
  { table: 'sources', column: 'event', to: ['events'], list: true },
  { table: 'places', column: 'parent', to: ['places'] },
  { table: 'indicators', column: 'unit', to: ['units'] },
  { table: 'figures', column: 'indicator', to: ['indicators'] },
  { table: 'figures', column: 'unit', to: ['units'] },
  { table: 'figures', column: 'geo', to: ['places'] },
  { table: 'figures', column: 'breakdown', to: ['breakdowns'], list: true },
  { table: 'figures', column: 'source', to: ['sources'] },
  { table: 'events', column: 'geo', to: ['places'] },
  { table: 'events', column: 'source', to: ['sources'], list: true },
  { table: 'events', column: 'targets', to: ['figures'], list: true },
  { table: 'derived', column: 'indicator', to: ['indicators'] },
  { table: 'derived', column: 'unit', to: ['units'] },
  { table: 'derived', column: 'geo', to: ['places'] },
  { table: 'derived', column: 'breakdown', to: ['breakdowns'], list: true },
  { table: 'arithmetic', column: 'equals', to: FIGURE },
  { table: 'promises', column: 'target', to: FIGURE },
  { table: 'promises', column: 'event', to: ['events'] },
  { table: 'promises', column: 'outcome', to: FIGURE },
  { table: 'splices', column: 'source', to: ['sources'] },
  { table: 'mojibake', column: 'source', to: ['sources'] },
  { table: 'continuity', column: 'indicator', to: ['indicators'] },
  { table: 'continuity', column: 'geo', to: ['places'] },
  { table: 'continuity', column: 'figures', to: FIGURE, list: true },
  { table: 'glossary', column: 'sources', to: ['sources'], list: true },
  { table: 'glossary', column: 'see_also', to: ['glossary'], list: true },
  { table: 'glossary', column: 'indicators', to: ['indicators'], list: true },
];

/**
 * Foreign keys as Table Schema can state them: a single-valued column referring to one table.
 * Lists (events.source) and references to "a figure" (figures or derived) cannot be one.
 */
export function foreignKeysOf(table: TableName): { column: string; to: TableName }[] {
  return REFERENCES.filter((r) => r.table === table && !r.list && r.to.length === 1).map((r) => ({ column: r.column, to: r.to[0] as TableName }));
}

/** "units.csv", "figures.csv or derived.csv": where an id was looked for, for messages. */
export function referenceTarget(r: Reference): string {
  return r.to.map((t) => TABLES[t].file).join(' or ');
}

/**
 * Every text the tables give in both languages, under one name for code, whatever its two CSV
 * columns are called (the column names are part of the downloads, so they stay as they are:
 * note/note_zh, name_zh/name_en, publisher/publisher_en). Pages and words read a row's text
 * in the reader's language through `localized(row, field, lang)`.
 */
export const LANGUAGE_COLUMNS = {
  name: { zh: 'name_zh', en: 'name_en' },
  title: { zh: 'title_zh', en: 'title_en' },
  publisher: { zh: 'publisher', en: 'publisher_en' },
  summary: { zh: 'summary_zh', en: 'summary_en' },
  definition: { zh: 'definition_zh', en: 'definition' },
  note: { zh: 'note_zh', en: 'note' },
  date_note: { zh: 'date_note_zh', en: 'date_note' },
  reason: { zh: 'reason_zh', en: 'reason' },
  said: { zh: 'said_zh', en: 'said_en' },
  undefined: { zh: 'undefined_zh', en: 'undefined_en' },
  avoid_why: { zh: 'avoid_why_zh', en: 'avoid_why_en' },
} as const;

export type LanguageField = keyof typeof LANGUAGE_COLUMNS;
type ColumnsOf<F extends LanguageField> = (typeof LANGUAGE_COLUMNS)[F]['zh' | 'en'];

/** A row's text in the reader's language: localized(indicator, 'name', 'en') is its name_en. */
export function localized<F extends LanguageField>(row: { readonly [C in ColumnsOf<F>]: string }, field: F, lang: 'zh' | 'en'): string {
  return row[LANGUAGE_COLUMNS[field][lang] as ColumnsOf<F>];
}

/**
 * The texts given in both languages that are optional: each is given exactly when the other
 * is, since the site shows one or the other. (Names, titles and definitions, which must always
 * be given in both, are required by the schema; the glossary's pairs are checked in
 * glossary.ts with its own rule for undefined_en.)
 */
export const LANGUAGE_PAIRS: readonly { table: TableName; en: string; zh: string }[] = (
  [
    ['sources', 'date_note'],
    ['sources', 'note'],
    ['figures', 'note'],
    ['events', 'date_note'],
    ['promises', 'reason'],
  ] as const
).map(([table, field]) => ({ table, ...LANGUAGE_COLUMNS[field] }));
