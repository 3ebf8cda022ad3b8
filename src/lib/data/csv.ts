/**
 * CSV in and out, through papaparse, keeping where every row came from so that each
 * problem can be reported as `file:line: column: what is wrong`.
 */
import Papa from 'papaparse';

export interface Located<T> {
  row: T;
  file: string;
  /** 1-based line of the row's first character in the file */
  line: number;
}

export interface Problem {
  file: string;
  line: number;
  column: string;
  message: string;
}

/**
 * Appends every item of `more` to `list`. Not list.push(...more): spreading passes each item
 * as an argument, and a list of some 120,000 problems overflows the call stack.
 */
export function appendAll<T>(list: T[], more: readonly T[]): void {
  for (const x of more) list.push(x);
}

export function formatProblem(p: Problem): string {
  return `${p.file}:${p.line}: ${p.column}: ${p.message}`;
}

export interface ParsedCsv {
  header: string[];
  rows: Located<Record<string, string>>[];
  problems: Problem[];
}

/** Parses CSV text with a header row. Every structural fault becomes a Problem; no row is dropped. */
export function parseCsv(text: string, file: string): ParsedCsv {
  const problems: Problem[] = [];
  const body = text.startsWith('\uFEFF') ? text.slice(1) : text;
  const lineStarts: number[] = [0];
  for (let i = 0; i < body.length; i++) if (body[i] === '\n') lineStarts.push(i + 1);
  const lineOf = (offset: number): number => {
    let lo = 0;
    let hi = lineStarts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if ((lineStarts[mid] ?? 0) <= offset) lo = mid;
      else hi = mid - 1;
    }
    return lo + 1;
  };

  const records: { fields: string[]; line: number }[] = [];
  let start = 0;
  Papa.parse<string[]>(body, {
    header: false,
    delimiter: ',',
    skipEmptyLines: false,
    step: (result) => {
      const line = lineOf(start);
      for (const e of result.errors) {
        problems.push({ file, line, column: '-', message: `CSV syntax: ${e.message}` });
      }
      records.push({ fields: result.data, line });
      start = result.meta.cursor;
      // the cursor stops before the newline that ends the row
      while (body[start] === '\r' || body[start] === '\n') {
        start++;
        if (body[start - 1] === '\n') break;
      }
    },
  });

  const headerRecord = records.shift();
  const header = headerRecord?.fields ?? [];
  if (header.length === 0 || header.every((h) => h === '')) {
    problems.push({ file, line: 1, column: '-', message: 'missing header row' });
  }
  const seen = new Set<string>();
  for (const h of header) {
    if (seen.has(h)) problems.push({ file, line: 1, column: h, message: 'column appears twice in the header' });
    seen.add(h);
  }

  const rows: Located<Record<string, string>>[] = [];
  for (const rec of records) {
    if (rec.fields.length === 1 && rec.fields[0] === '') {
      // a blank line; only the final newline of the file is allowed to produce one
      if (rec !== records[records.length - 1]) {
        problems.push({ file, line: rec.line, column: '-', message: 'blank line inside the table' });
      }
      continue;
    }
    if (rec.fields.length !== header.length) {
      problems.push({
        file,
        line: rec.line,
        column: '-',
        message: `row has ${rec.fields.length} fields, header has ${header.length}`,
      });
    }
    const row: Record<string, string> = {};
    header.forEach((h, i) => {
      row[h] = rec.fields[i] ?? '';
    });
    rows.push({ row, file, line: rec.line });
  }
  return { header, rows, problems };
}

/** A list cell as the data files write it (`a;b`): the one place a list becomes text again. */
export function joinList(items: readonly string[]): string {
  return items.join(';');
}

/** Spreadsheet programs run cells that start with these as formulas. */
const FORMULA_START = /^[=+\-@\t\r]/u;
/** A plain number such as -3.2 is data, not a formula: it is left as it is so it stays a number. */
const PLAIN_NUMBER = /^-?\d+(\.\d+)?$/u;

/**
 * CSV for people: UTF-8 with a byte-order mark so Excel reads Chinese correctly, and cells
 * that a spreadsheet would execute prefixed with an apostrophe (OWASP's advice for CSV injection).
 */
export function toSpreadsheetCsv(rows: readonly Record<string, unknown>[], columns: readonly string[]): string {
  const safe = rows.map((r) =>
    columns.map((c) => {
      const v = r[c];
      const s = v === null || v === undefined ? '' : String(v);
      return FORMULA_START.test(s) && !PLAIN_NUMBER.test(s) ? `'${s}` : s;
    }),
  );
  return `\uFEFF${Papa.unparse({ fields: [...columns], data: safe }, { newline: '\r\n' })}\r\n`;
}
