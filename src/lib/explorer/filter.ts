/**
 * The /data/ explorer's state and its URL query, as pure functions shared by the browser
 * script and the tests. A query value the page does not know is reported, never dropped
 * silently and never guessed at.
 */

export const FILTER_PARAMS = ['year', 'indicator', 'place', 'source', 'status', 'kind', 'type'] as const;
export type FilterParam = (typeof FILTER_PARAMS)[number];
export const SORT_KEYS = ['indicator', 'period', 'place', 'value', 'status', 'source'] as const;
export type SortKey = (typeof SORT_KEYS)[number];
export const SORT_DIRS = ['asc', 'desc'] as const;
export type SortDir = (typeof SORT_DIRS)[number];

/** Rows shown at first; "show more" adds as many again. The number shown is in the URL as n. */
export const PAGE_SIZE = 50;

export interface ExplorerState {
  filters: Partial<Record<FilterParam, string>>;
  q: string;
  sort: SortKey | '';
  dir: SortDir;
  /** rows shown; PAGE_SIZE unless the reader asked for more (?n=) */
  n?: number;
}

export const EMPTY_STATE: ExplorerState = { filters: {}, q: '', sort: '', dir: 'asc' };

export interface QueryProblem {
  kind: 'unknown-value' | 'unknown-param' | 'repeated';
  param: string;
  value: string;
}

export type AllowedValues = Record<FilterParam, ReadonlySet<string>>;

const isFilterParam = (p: string): p is FilterParam => (FILTER_PARAMS as readonly string[]).includes(p);
const isSortKey = (v: string): v is SortKey => (SORT_KEYS as readonly string[]).includes(v);
const isSortDir = (v: string): v is SortDir => (SORT_DIRS as readonly string[]).includes(v);

/** Reads ?year=2024&indicator=fdi-actual&q=外资&sort=value&dir=desc; each value it cannot use becomes a problem. */
export function parseExplorerQuery(search: string, allowed: AllowedValues): { state: ExplorerState; problems: QueryProblem[] } {
  const params = new URLSearchParams(search);
  const state: ExplorerState = { filters: {}, q: '', sort: '', dir: 'asc' };
  const problems: QueryProblem[] = [];
  const seen = new Set<string>();
  for (const [param, raw] of params) {
    const value = raw.trim();
    if (seen.has(param)) {
      problems.push({ kind: 'repeated', param, value });
      continue;
    }
    seen.add(param);
    if (value === '') continue; // an empty field in a submitted form means "any"
    if (isFilterParam(param)) {
      if (allowed[param].has(value)) state.filters[param] = value;
      else problems.push({ kind: 'unknown-value', param, value });
    } else if (param === 'q') {
      state.q = raw;
    } else if (param === 'sort') {
      if (isSortKey(value)) state.sort = value;
      else problems.push({ kind: 'unknown-value', param, value });
    } else if (param === 'dir') {
      if (isSortDir(value)) state.dir = value;
      else problems.push({ kind: 'unknown-value', param, value });
    } else if (param === 'n') {
      if (/^[1-9]\d{0,5}$/u.test(value)) state.n = Number(value);
      else problems.push({ kind: 'unknown-value', param, value });
    } else {
      problems.push({ kind: 'unknown-param', param, value });
    }
  }
  return { state, problems };
}

/**
 * The element id a location hash names (#row-a → row-a), or undefined when the hash is not
 * valid percent-encoding (#%E0%A4%A): any URL can be typed or linked, and a malformed one
 * must show the default view, not stop the page's script.
 */
export function idFromHash(hash: string): string | undefined {
  if (hash.length <= 1) return undefined;
  try {
    return decodeURIComponent(hash.slice(1));
  } catch {
    return undefined;
  }
}

/** The query string that reproduces a state, in a fixed order, without empty parts ('' for none). */
export function explorerQuery(state: ExplorerState): string {
  const params = new URLSearchParams();
  for (const p of FILTER_PARAMS) {
    const v = state.filters[p];
    if (v) params.set(p, v);
  }
  if (state.q.trim() !== '') params.set('q', state.q.trim());
  if (state.sort) {
    params.set('sort', state.sort);
    params.set('dir', state.dir);
  }
  if (state.n !== undefined && state.n > PAGE_SIZE) params.set('n', String(state.n));
  const s = params.toString();
  return s === '' ? '' : `?${s}`;
}

/**
 * Search text in one comparable form: NFKC turns full-width letters, digits and punctuation
 * (Ａ２０２４，) into their half-width forms, case is folded and white space dropped, since
 * Chinese text has none that matters.
 */
export function normaliseForSearch(s: string): string {
  return s.normalize('NFKC').toLowerCase().replace(/\s+/gu, '');
}

export interface RowFacts {
  /** first and last year the figure's period touches */
  years: readonly [number, number];
  indicator: string;
  place: string;
  sources: readonly string[];
  status: string;
  kind: string;
  type: string;
  /** normaliseForSearch() of the indicator name, place and quote */
  text: string;
}

/** A figure belongs to a year when its period touches that year. */
export function rowMatches(row: RowFacts, state: ExplorerState): boolean {
  const f = state.filters;
  if (f.year) {
    const y = Number(f.year);
    if (y < row.years[0] || y > row.years[1]) return false;
  }
  if (f.indicator && row.indicator !== f.indicator) return false;
  if (f.place && row.place !== f.place) return false;
  if (f.source && !row.sources.includes(f.source)) return false;
  if (f.status && row.status !== f.status) return false;
  if (f.kind && row.kind !== f.kind) return false;
  if (f.type && row.type !== f.type) return false;
  const q = normaliseForSearch(state.q);
  return q === '' || row.text.includes(q);
}

export interface SortFacts {
  indicator: string;
  period: string;
  place: string;
  value: number;
  status: string;
  source: string;
}

const collator = typeof Intl !== 'undefined' ? new Intl.Collator('zh-CN') : undefined;

/** Compares two rows by a column; ties keep the build order (index) so sorting is stable and repeatable. */
export function compareRows(a: SortFacts & { index: number }, b: SortFacts & { index: number }, key: SortKey, dir: SortDir): number {
  const sign = dir === 'asc' ? 1 : -1;
  let c: number;
  if (key === 'value') c = a.value - b.value;
  else if (key === 'period') c = a.period < b.period ? -1 : a.period > b.period ? 1 : 0;
  else c = collator ? collator.compare(a[key], b[key]) : a[key].localeCompare(b[key]);
  return c !== 0 ? sign * c : a.index - b.index;
}
