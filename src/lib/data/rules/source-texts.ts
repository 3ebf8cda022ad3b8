/**
 * Rule: every source's text can be read and cleaned. Its file is a regular file inside
 * data/sources/ (what the path is is the row's fault; what the file holds, the file's), each
 * splice and mojibake span stands exactly once in it, the normaliser makes its clean text,
 * and every text file in sources/raw/ and sources/raw-secondary/ is listed. Returns the clean
 * texts, which the quote
 * rules and the pages read.
 */
import { existsSync, readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import type { Located, Problem } from '../csv.ts';
import { readDataFile } from '../../text/read-text.ts';
import { normalize, unsupportedRepairs, NormalizeError, type NormalizeResult } from '../../text/normalize.ts';
import { rulesFor } from '../normalization-rules.ts';
import type { At, Tables } from './types.ts';

export function readSourceTexts(
  tables: Pick<Tables, 'sources' | 'splices' | 'mojibake'>,
  opts: { dataDir: string; displayRoot?: string },
  at: At,
  problems: Problem[],
): Map<string, NormalizeResult> {
  const show = (p: string) => relative(opts.displayRoot ?? process.cwd(), p);
  const clean = new Map<string, NormalizeResult>();
  for (const r of tables.sources) {
    const path = join(opts.dataDir, 'sources', r.row.file);
    const read = readDataFile(path, { root: join(opts.dataDir, 'sources'), rootName: 'data/sources/', kind: 'article' });
    if ('fault' in read) {
      if (read.fault.path) at(r, 'file', read.fault.message === 'file is missing' ? `no such file ${show(path)}` : `${r.row.file}: ${read.fault.message}`);
      else problems.push({ file: show(path), line: read.fault.line, column: '-', message: read.fault.message });
      continue;
    }
    const raw = read.text;
    // A splice or mojibake span must stand exactly once in the raw text. One that does not is
    // reported on its own row and left out, so the rest of the source (its quotes) is still checked.
    const standing = <T extends { source: string }>(rows: Located<T>[], text: (row: T) => string, column: string, what: string): T[] =>
      rows
        .filter((x) => x.row.source === r.row.id)
        .filter((x) => {
          const count = raw.split(text(x.row)).length - 1;
          if (count !== 1) at(x, column, `${what} ${JSON.stringify(text(x.row))} occurs ${count} times in ${r.row.file}, expected exactly once`);
          return count === 1;
        })
        .map((x) => x.row);
    const rules = {
      splices: standing(tables.splices, (s) => s.text, 'text', 'spliced text'),
      mojibake: standing(tables.mojibake, (m) => m.span, 'span', 'mojibake span'),
    };
    try {
      clean.set(r.row.id, normalize(raw, rulesFor(r.row.id, rules)));
    } catch (e) {
      if (e instanceof NormalizeError) at(r, 'file', `normalisation failed: ${e.message}`);
      else throw e;
    }
  }
  const sourceFiles = new Set(tables.sources.map((r) => r.row.file));
  for (const sub of ['raw', 'raw-secondary']) {
    const dir = join(opts.dataDir, 'sources', sub);
    if (!existsSync(dir)) continue;
    for (const f of readdirSync(dir)) {
      if (f.endsWith('.txt') && !sourceFiles.has(`${sub}/${f}`)) problems.push({ file: show(join(dir, f)), line: 1, column: '-', message: 'raw source file is not listed in sources.csv' });
    }
  }
  for (const r of tables.mojibake) {
    for (const bad of unsupportedRepairs(r.row.span, r.row.repaired)) {
      at(r, 'repaired', `"${bad}" is not supported by the GBK bytes of the span; keep what cannot be rebuilt inside ⟪…⟫`);
    }
  }
  return clean;
}
