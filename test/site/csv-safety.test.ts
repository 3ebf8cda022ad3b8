/**
 * Every CSV the built site serves opens safely in a spreadsheet: no cell starts with a
 * character a spreadsheet runs as a formula (= + - @, tab, CR). Plain numbers such as -3.2
 * are the one exception: a spreadsheet reads them as the numbers they are. The per-table
 * copies are data/ files served as they are, so this holds because the schema refuses such
 * cells; the combined and chart downloads prefix them with an apostrophe. Run after a build.
 */
import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import Papa from 'papaparse';
import { DIST_DIR } from '../../scripts/lib/serve-dist.ts';

function csvFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((f) => {
    const p = join(dir, f);
    return statSync(p).isDirectory() ? csvFiles(p) : p.endsWith('.csv') ? [p] : [];
  });
}
const files = csvFiles(DIST_DIR);
const FORMULA_START = /^[=+\-@\t\r]/u;
const PLAIN_NUMBER = /^-?\d+(?:\.\d+)?$/u;

describe('served CSVs are safe in a spreadsheet', () => {
  it('finds the per-table copies, the combined download and the chart CSVs', () => {
    const names = files.map((f) => relative(DIST_DIR, f));
    expect(names).toContain('downloads/figures.csv');
    expect(names).toContain('downloads/all-figures.csv');
    expect(names.filter((n) => n.startsWith('charts/')).length).toBeGreaterThan(5);
  });
  it.each(files.map((f) => [relative(DIST_DIR, f), f]))('%s', (_name, file) => {
    const text = readFileSync(file, 'utf8').replace(/^\uFEFF/u, '');
    const parsed = Papa.parse<string[]>(text, { skipEmptyLines: true });
    expect(parsed.errors).toEqual([]);
    const unsafe = parsed.data.flatMap((row, i) =>
      row.filter((cell) => FORMULA_START.test(cell) && !PLAIN_NUMBER.test(cell)).map((cell) => `row ${i + 1}: ${cell}`),
    );
    expect(unsafe).toEqual([]);
  });
});
