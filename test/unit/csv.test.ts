/**
 * The spreadsheet-safe CSV writer every download goes through: a UTF-8 byte-order mark so Excel
 * reads Chinese, CRLF rows, the header in the given order, and cells a spreadsheet would run as
 * a formula prefixed with an apostrophe, while plain numbers stay numbers.
 */
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { toSpreadsheetCsv } from '../../src/lib/data/csv.ts';

const parseBack = (csv: string) => Papa.parse<Record<string, string>>(csv.replace(/^\uFEFF/u, ''), { header: true, skipEmptyLines: true });

describe('toSpreadsheetCsv on mixed rows', () => {
  const columns = ['id', 'value', 'note'];
  const rows = [
    { id: 'a', value: '2146.6', note: '青岛市新签约项目' },
    { id: 'b', value: '-3.2', note: '=HYPERLINK("http://x","y")' },
    { id: 'c', value: -7, note: '+1+2' },
    { id: 'd', value: '-0.5', note: '-2+3' },
    { id: 'e', value: null, note: '@SUM(A1)' },
    { id: 'f', value: undefined, note: 'has "quotes", a comma\nand a newline' },
  ];
  const csv = toSpreadsheetCsv(rows, columns);

  it('starts with a byte-order mark and ends with CRLF', () => {
    expect(csv.startsWith('\uFEFF')).toBe(true);
    expect(csv.endsWith('\r\n')).toBe(true);
  });

  it('parses back with papaparse to the same rows (formula cells apostrophed)', () => {
    const parsed = Papa.parse<Record<string, string>>(csv.slice(1), { header: true, skipEmptyLines: true });
    expect(parsed.errors).toEqual([]);
    expect(parsed.meta.fields).toEqual(columns);
    expect(parsed.data).toEqual([
      { id: 'a', value: '2146.6', note: '青岛市新签约项目' },
      { id: 'b', value: '-3.2', note: `'=HYPERLINK("http://x","y")` },
      { id: 'c', value: '-7', note: "'+1+2" },
      { id: 'd', value: '-0.5', note: "'-2+3" },
      { id: 'e', value: '', note: "'@SUM(A1)" },
      { id: 'f', value: '', note: 'has "quotes", a comma\nand a newline' },
    ]);
  });

  it('neutralises cells starting with = + - @ but leaves plain negative numbers alone', () => {
    const cell = (s: string) => toSpreadsheetCsv([{ x: s }], ['x']).split('\r\n')[1];
    expect(cell('=1+1')).toBe("'=1+1");
    expect(cell('+1')).toBe("'+1");
    expect(cell('-1+1')).toBe("'-1+1");
    expect(cell('@A1')).toBe("'@A1");
    expect(cell('-')).toBe("'-");
    expect(cell('-3.2e5')).toBe("'-3.2e5");
    expect(cell('-3.2')).toBe('-3.2');
    expect(cell('-12')).toBe('-12');
    expect(cell('3.2')).toBe('3.2');
  });
});

describe('toSpreadsheetCsv on formula-like cells', () => {
  const rows = [
    { a: '=HYPERLINK("http://x")', b: '-3.2' },
    { a: '+86 532', b: '@SUM(A1)' },
    { a: '-abc', b: '12' },
    { a: '\tx', b: '青岛，“双招双引”' },
  ];
  const csv = toSpreadsheetCsv(rows, ['a', 'b']);

  it('starts with a UTF-8 byte-order mark so Excel reads Chinese as UTF-8', () => {
    expect(csv.charCodeAt(0)).toBe(0xfeff);
    expect(Buffer.from(csv, 'utf8').subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
  });

  it('prefixes cells a spreadsheet would run as formulas, and leaves plain numbers as numbers', () => {
    const back = parseBack(csv).data;
    expect(back.map((r) => r['a'])).toEqual(['\'=HYPERLINK("http://x")', "'+86 532", "'-abc", "'\tx"]);
    expect(back.map((r) => r['b'])).toEqual(['-3.2', "'@SUM(A1)", '12', '青岛，“双招双引”']);
  });

  it('writes the header in the order given', () => {
    expect(csv.slice(1).split('\r\n')[0]).toBe('a,b');
  });
});
