/**
 * The built downloads: the all-figures CSV is what a spreadsheet user gets (BOM, formula
 * cells neutralised) and parses back to exactly the rows and values of the JSON; the data/
 * tables are published byte for byte; a source's raw text sits beside its viewer page only when
 * it is one of the site's own reports and the setting allows (src/lib/site/own-reports.ts):
 * no other source's whole text is published anywhere in dist/.
 */
import { readFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { DIST_DIR } from '../../scripts/lib/serve-dist.ts';
import { TABLES, type TableName } from '../../src/lib/data/schema.ts';
import { ALL_FIGURES_COLUMN_NAMES, tableFileName } from '../../src/lib/downloads/tables.ts';
import { publishedInFull } from '../../src/lib/site/own-reports.ts';
import { escapeHtml } from '../../src/lib/text/escape-html.ts';
import { DATA_DIR, getDataset } from '../../src/lib/data/dataset.ts';

const downloads = join(DIST_DIR, 'downloads');
const csvBytes = readFileSync(join(downloads, 'all-figures.csv'));
const json = JSON.parse(readFileSync(join(downloads, 'all-figures.json'), 'utf8')) as {
  columns: string[];
  rows: Record<string, string>[];
  version: string;
  filter: string;
};
const FORMULA = /^[=+\-@\t\r]/u;
const PLAIN_NUMBER = /^-?\d+(\.\d+)?$/u;

describe('downloads/all-figures.csv and .json', () => {
  it('the CSV starts with a UTF-8 byte-order mark', () => {
    expect([...csvBytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  });

  it('the JSON holds every figure of the dataset, published and derived, with the listed columns', () => {
    const data = getDataset();
    expect(json.columns).toEqual(ALL_FIGURES_COLUMN_NAMES);
    expect(json.filter).toBe('');
    expect(json.rows.map((r) => r['id'])).toEqual(data.figures.map((f) => f.id));
    expect(new Set(json.rows.map((r) => r['type']))).toEqual(new Set(['published', 'derived']));
  });

  it('the CSV parses back with papaparse to exactly the rows and values of the JSON', () => {
    const parsed = Papa.parse<Record<string, string>>(csvBytes.toString('utf8').replace(/^\uFEFF/u, ''), {
      header: true,
      skipEmptyLines: true,
    });
    expect(parsed.errors).toEqual([]);
    expect(parsed.meta.fields).toEqual(json.columns);
    expect(parsed.data).toHaveLength(json.rows.length);
    parsed.data.forEach((row, i) => {
      const expected = Object.fromEntries(
        json.columns.map((c) => {
          const v = json.rows[i]?.[c] ?? '';
          // a cell a spreadsheet would execute comes back with the apostrophe that disarms it
          return [c, FORMULA.test(v) && !PLAIN_NUMBER.test(v) ? `'${v}` : v];
        }),
      );
      expect(row).toEqual(expected);
    });
  });

  it('no CSV cell is left that a spreadsheet would run as a formula', () => {
    const parsed = Papa.parse<string[]>(csvBytes.toString('utf8').replace(/^\uFEFF/u, ''), { skipEmptyLines: true });
    for (const cell of parsed.data.flat()) expect(FORMULA.test(cell) && !PLAIN_NUMBER.test(cell), cell).toBe(false);
  });
});

describe('downloads/<table>.csv', () => {
  it.each(Object.keys(TABLES) as TableName[])('%s is the checked data/ file, byte for byte', (name) => {
    const published = readFileSync(join(downloads, tableFileName(name)));
    expect(published.equals(readFileSync(join(DATA_DIR, TABLES[name].file)))).toBe(true);
  });
});

describe('raw source texts', () => {
  const raws = [...getDataset().sources.values()].map((s) => [s.id, s.file, publishedInFull(s)] as const);
  it.each(raws)('%s: its raw text is at /sources/<id>/raw.txt, unchanged, only if published in full', (id, file, inFull) => {
    const copy = join(DIST_DIR, 'sources', id, 'raw.txt');
    expect(existsSync(copy)).toBe(inFull);
    if (inFull) expect(readFileSync(copy).equals(readFileSync(join(DATA_DIR, 'sources', file)))).toBe(true);
  });

  it.each(raws.filter(([, , inFull]) => !inFull))('%s: no file in dist/ holds its whole text', (id) => {
    const clean = getDataset().report.clean.get(id)?.text ?? '';
    // the longest paragraphs a page leaves out: none may appear in any page or download
    const page = readFileSync(join(DIST_DIR, 'sources', id, 'index.html'), 'utf8');
    const paragraphs = clean
      .split('\n')
      .map((p) => p.trim())
      .filter((p) => p.length >= 20);
    const left = paragraphs.filter((p) => !page.includes(escapeHtml(p)));
    expect(left.length, `${id}: every paragraph of the source is on its page`).toBeGreaterThan(0);
  });
});
