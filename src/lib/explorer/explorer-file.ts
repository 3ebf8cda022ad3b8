/**
 * The /data/ explorer's figures as one compact file per edition (`data/figures.json`), fetched
 * by the explorer script instead of carried in the page: the page's HTML stays the same size
 * however many figures there are. Columnar in spirit: each row is an array in `columns` order,
 * and the strings many rows share (indicator, place, period, source titles) are stored once in
 * `strings` and referred to by number. Pure functions, used by the build and the browser alike.
 */
import type { ExplorerRow, NoteRun } from './rows.ts';

export const EXPLORER_FILE = 'figures.json';
export const EXPLORER_FORMAT = 'qd-explorer/1';

/** a row's fields in file order; those in SHARED are numbers into `strings` */
const COLUMNS = [
  'id',
  'type',
  'indicator',
  'indicatorName',
  'breakdown',
  'period',
  'periodSort',
  'y0',
  'y1',
  'geo',
  'placeName',
  'value',
  'valueText',
  'status',
  'statusLabel',
  'sources',
  'sourceKind',
  'quote',
  'quoteLang',
  'arithmetic',
  'noteRuns',
  'continuityNote',
] as const;
type Column = (typeof COLUMNS)[number];
const SHARED = new Set<Column>([
  'type',
  'indicator',
  'indicatorName',
  'breakdown',
  'period',
  'geo',
  'placeName',
  'status',
  'statusLabel',
  'sourceKind',
  'quoteLang',
]);

export interface ExplorerFile {
  format: typeof EXPLORER_FORMAT;
  columns: string[];
  strings: string[];
  /** [id, title] of every source a row names; a row's `sources` are numbers into this list */
  sources: [string, string][];
  rows: unknown[][];
}

export function encodeExplorerFile(rows: readonly ExplorerRow[]): ExplorerFile {
  const strings: string[] = [];
  const stringAt = new Map<string, number>();
  const intern = (s: string) => {
    let i = stringAt.get(s);
    if (i === undefined) {
      i = strings.push(s) - 1;
      stringAt.set(s, i);
    }
    return i;
  };
  const sources: [string, string][] = [];
  const sourceAt = new Map<string, number>();
  const source = (s: { id: string; title: string }) => {
    let i = sourceAt.get(s.id);
    if (i === undefined) {
      i = sources.push([s.id, s.title]) - 1;
      sourceAt.set(s.id, i);
    }
    return i;
  };
  const encoded = rows.map((r) =>
    COLUMNS.map((c): unknown => {
      switch (c) {
        case 'y0':
          return r.years[0];
        case 'y1':
          return r.years[1];
        case 'sources':
          return r.sources.map(source);
        case 'arithmetic':
          return r.arithmetic ?? 0;
        case 'noteRuns':
          return r.noteRuns.length === 0 ? 0 : r.noteRuns;
        default: {
          const v = r[c];
          return SHARED.has(c) ? intern(String(v)) : v;
        }
      }
    }),
  );
  return { format: EXPLORER_FORMAT, columns: [...COLUMNS], strings, sources, rows: encoded };
}

/** The rows of a file written by encodeExplorerFile; a file of another shape is an error that says what is wrong. */
export function decodeExplorerFile(file: unknown, from: string): ExplorerRow[] {
  const f = file as Partial<ExplorerFile> | null;
  if (!f || f.format !== EXPLORER_FORMAT || !Array.isArray(f.rows) || !Array.isArray(f.strings) || !Array.isArray(f.sources))
    throw new Error(`${from}: not a ${EXPLORER_FORMAT} file`);
  if ((f.columns ?? []).join() !== COLUMNS.join()) throw new Error(`${from}: columns ${String(f.columns)} are not ${COLUMNS.join()}`);
  const strings = f.strings;
  const sources = f.sources;
  const at = Object.fromEntries(COLUMNS.map((c, i) => [c, i])) as Record<Column, number>;
  return f.rows.map((row) => {
    const get = (c: Column) => row[at[c]];
    const str = (c: Column) => (SHARED.has(c) ? (strings[get(c) as number] ?? '') : String(get(c) ?? ''));
    return {
      id: str('id'),
      type: str('type') as ExplorerRow['type'],
      indicator: str('indicator'),
      indicatorName: str('indicatorName'),
      breakdown: str('breakdown'),
      period: str('period'),
      periodSort: str('periodSort'),
      years: [Number(get('y0')), Number(get('y1'))],
      geo: str('geo'),
      placeName: str('placeName'),
      value: Number(get('value')),
      valueText: str('valueText'),
      status: str('status') as ExplorerRow['status'],
      statusLabel: str('statusLabel'),
      sources: (get('sources') as number[]).map((i) => ({ id: sources[i]?.[0] ?? '', title: sources[i]?.[1] ?? '' })),
      sourceKind: str('sourceKind') as ExplorerRow['sourceKind'],
      quote: str('quote'),
      quoteLang: str('quoteLang'),
      arithmetic: get('arithmetic') === 0 ? undefined : (get('arithmetic') as ExplorerRow['arithmetic']),
      noteRuns: get('noteRuns') === 0 ? [] : (get('noteRuns') as NoteRun[]),
      continuityNote: str('continuityNote'),
    };
  });
}
