/**
 * The data's own English (notes, names, summaries, definitions; not the quotes from the
 * sources, which stay as printed) uses the typographer's apostrophe, as the interface does:
 * Qingdao’s, not Qingdao's. A straight one is named by file, line and column.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { formatProblem, parseCsv } from '../../src/lib/data/csv.ts';

const DATA = join(import.meta.dirname, '../../data');
const EDITORS_ENGLISH: Record<string, string[]> = {
  'arithmetic.csv': ['note'],
  'breakdowns.csv': ['name_en'],
  'derived.csv': ['note'],
  'events.csv': ['name_en', 'summary_en', 'date_note'],
  'figures.csv': ['note'],
  'glossary.csv': ['said_en', 'undefined_en', 'avoid_why_en'],
  'indicators.csv': ['name_en', 'definition'],
  'places.csv': ['name_en'],
  'sources.csv': ['title_en', 'publisher_en', 'note', 'date_note'],
};
// between two letters: an apostrophe for certain (a plural possessive, cities', could also close a quotation)
const STRAIGHT = /\p{L}'\p{L}/u;

it('uses ’ for the apostrophe in the editors’ English of every data file', () => {
  const problems = Object.entries(EDITORS_ENGLISH).flatMap(([file, columns]) =>
    parseCsv(readFileSync(join(DATA, file), 'utf8'), file).rows.flatMap(({ line, row: value }) =>
      columns
        .filter((c) => {
          if (!(c in value)) throw new Error(`${file}: no column ${c}`);
          return STRAIGHT.test(value[c] ?? '');
        })
        .map((c) => formatProblem({ file, line, column: c, message: `straight apostrophe in "${value[c]}"` })),
    ),
  );
  expect(problems).toEqual([]);
});

it('finds a straight apostrophe and leaves quotation marks alone', () => {
  expect(STRAIGHT.test("Qingdao's share")).toBe(true);
  expect(STRAIGHT.test("Nestlé's 30th year")).toBe(true);
  expect(STRAIGHT.test("Qingdao’s share, 'quoted'")).toBe(false);
});
