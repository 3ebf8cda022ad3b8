/**
 * The fixture site's tables (test/fixtures/site-data/) hold the extremes of the real ones
 * (data/): the browser crawl opens every page of the fixture site and only one page per template
 * of the real build, so what makes a page overflow, break a word or stack characters at 360 px
 * (the longest names and the longest unbroken runs of text) and what gives a page a branch of its
 * own (every status, qualifier, unit kind, place kind, event kind, promise kind and verdict, source
 * kind and script, an event without a month, a correction, a one-period series) must stand in the
 * fixture at least as far as in the data. When the data gains a longer name or a new kind, this
 * fails naming the table, the column and the row: `npm run fixture:data` rewrites the fixture from data/.
 */
import { describe, expect, it } from 'vitest';
import { fileURLToPath } from 'node:url';
import { checkData } from '../../src/lib/data/check.ts';
import { FIXTURE_DATA_DIR } from '../../scripts/lib/fixture-site.ts';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const real = checkData({ dataDir: `${ROOT}data` });
const fixture = checkData({ dataDir: FIXTURE_DATA_DIR });

type Tables = typeof real.tables;
type AnyRow = Record<string, unknown>;
const rows = (t: Tables, table: keyof Tables): AnyRow[] => (t[table] as { row: AnyRow }[]).map((r) => r.row);

/** the text columns pages show, by table */
const SHOWN: Partial<Record<keyof Tables, string[]>> = {
  indicators: ['name_zh', 'name_en', 'definition', 'definition_zh'],
  sources: ['title_zh', 'title_en', 'publisher', 'publisher_en', 'note', 'note_zh', 'date_note', 'date_note_zh'],
  events: ['name_zh', 'name_en', 'summary_zh', 'summary_en', 'date_note', 'date_note_zh'],
  places: ['name_zh', 'name_en'],
  breakdowns: ['name_zh', 'name_en'],
  units: ['symbol_zh', 'name_en'],
  figures: ['quote', 'note', 'note_zh'],
  promises: ['reason', 'reason_zh'],
  glossary: ['term_zh', 'term_en', 'said_en', 'said_zh'],
};

/** the longest run without a space: what a line cannot break in English */
const longestRun = (s: string) => Math.max(0, ...s.split(/\s+/u).map((w) => [...w].length));
const length = (s: string) => [...s].length;

function widest(t: Tables, table: keyof Tables, column: string, measure: (s: string) => number): { id: string; n: number } {
  let best = { id: '', n: 0 };
  for (const r of rows(t, table)) {
    const n = measure(String(r[column] ?? ''));
    if (n > best.n) best = { id: String(r['id'] ?? r['term_zh'] ?? ''), n };
  }
  return best;
}

describe.each(Object.entries(SHOWN))('the fixture table %s', (table, columns) => {
  it.each(columns)('has a %s at least as long, and with a run without a space at least as long, as data/ has', (column) => {
    const t = table as keyof Tables;
    for (const [what, measure] of [
      ['characters', length],
      ['characters without a space', longestRun],
    ] as const) {
      const r = widest(real.tables, t, column, measure);
      const f = widest(fixture.tables, t, column, measure);
      expect(
        f.n,
        `${table}.${column}: ${r.n} ${what} in data/ (row ${r.id}), at most ${f.n} in the fixture: run npm run fixture:data`,
      ).toBeGreaterThanOrEqual(r.n);
    }
  });
});

/** the values a column takes (each of a ;-list) */
const kinds = (t: Tables, table: keyof Tables, column: string) =>
  new Set(
    rows(t, table).flatMap((r) =>
      String(r[column] ?? '')
        .split(';')
        .filter(Boolean),
    ),
  );

describe('the fixture has every kind the data has', () => {
  const KINDS: [keyof Tables, string][] = [
    ['figures', 'status'],
    ['figures', 'qualifier'],
    ['figures', 'unit'],
    ['derived', 'status'],
    ['units', 'kind'],
    ['places', 'kind'],
    ['events', 'kind'],
    ['events', 'date_basis'],
    ['sources', 'kind'],
    ['sources', 'script'],
    ['sources', 'date_basis'],
    ['promises', 'kind'],
    ['promises', 'verdict'],
    ['arithmetic', 'expect'],
    ['corrections', 'field'],
    ['glossary', 'defined'],
  ];
  it.each(KINDS)('%s.%s', (table, column) => {
    const missing = [...kinds(real.tables, table, column)].filter((k) => !kinds(fixture.tables, table, column).has(k));
    expect(missing, `${table}.${column} values in data/ and not in the fixture`).toEqual([]);
  });

  it('a breakdown kind of each sort the figures use (industry:, origin:, chain:, …)', () => {
    const sorts = (t: Tables) => new Set([...kinds(t, 'figures', 'breakdown')].map((b) => b.split(':')[0]));
    expect([...sorts(real.tables)].filter((s) => !sorts(fixture.tables).has(s))).toEqual([]);
  });

  it('an event without a month and one with a day, a source without a publication year, a correction, a derived figure, a continuity note', () => {
    const events = rows(fixture.tables, 'events');
    expect(events.some((e) => e['month'] === '' || e['month'] === undefined)).toBe(true);
    expect(events.some((e) => e['day'] !== '' && e['day'] !== undefined)).toBe(true);
    expect(rows(fixture.tables, 'sources').some((s) => s['published_year'] === '' || s['published_year'] === undefined)).toBe(true);
    for (const table of ['corrections', 'derived', 'continuity', 'arithmetic', 'promises', 'glossary'] as const) {
      expect(rows(fixture.tables, table).length, table).toBeGreaterThan(0);
    }
  });

  it('a series of one period and a series of several, as data/ has', () => {
    const periodsPerSeries = (t: Tables) => {
      const n = new Map<string, Set<string>>();
      for (const f of [...rows(t, 'figures'), ...rows(t, 'derived')]) {
        const key = [f['indicator'], f['geo'], f['breakdown'], f['status']].join('|');
        (n.get(key) ?? n.set(key, new Set()).get(key)!).add(`${String(f['period_start'])}..${String(f['period_end'])}`);
      }
      return [...n.values()].map((s) => s.size);
    };
    const f = periodsPerSeries(fixture.tables);
    expect(f.some((n) => n === 1)).toBe(true);
    expect(Math.max(...f)).toBeGreaterThanOrEqual(Math.min(4, Math.max(...periodsPerSeries(real.tables))));
  });

  it('passes the data check, as the fixture site is built from it', () => {
    expect(fixture.problems.map((p) => `${p.file}:${p.line}: ${p.column}: ${p.message}`)).toEqual([]);
  });
});
