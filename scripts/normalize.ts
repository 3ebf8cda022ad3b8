/**
 * npm run normalize -- FILE [--changes]
 * Prints the clean text of an article file. If FILE is one of data/sources.csv's files,
 * that source's splice and mojibake rules apply; otherwise only the general rules do,
 * and a line on stderr says so.
 */
import { readTextFile, type TextResult } from '../src/lib/text/read-text.ts';
import { resolve, relative, join } from 'node:path';
import { normalize } from '../src/lib/text/normalize.ts';
import { loadTable } from '../src/lib/data/load.ts';
import { rulesFor } from '../src/lib/data/normalization-rules.ts';
import { formatProblem, type Problem } from '../src/lib/data/csv.ts';
import { cliArgs } from './lib/cli-args.ts';

// a reader piping into `head` closes the pipe early; that is not an error
process.stdout.on('error', (e: NodeJS.ErrnoException) => process.exit(e.code === 'EPIPE' ? 0 : 1));

const { values, positionals: files } = cliArgs(
  'normalize',
  'npm run normalize -- FILE [--changes]',
  { changes: { type: 'boolean' } },
  { min: 1, max: 1 },
);
const showChanges = values.changes === true;
const target = resolve(files[0] as string);
let read: TextResult;
try {
  read = readTextFile(target);
} catch (e) {
  process.stderr.write(`normalize: cannot read ${files[0]}: ${(e as NodeJS.ErrnoException).code ?? String(e)}\n`);
  process.exit(1);
}
if ('fault' in read) {
  process.stderr.write(`normalize: ${files[0]}:${read.fault.line}: ${read.fault.message}\n`);
  process.exit(1);
}
const raw = read.text;
if (raw.includes('\uFFFD')) {
  process.stderr.write(
    `normalize: ${files[0]}: warning: the file holds U+FFFD replacement characters; bytes were already lost before this step\n`,
  );
}

const dataDir = resolve(import.meta.dirname, '..', 'data');
const problems: Problem[] = [];
const sources = loadTable('sources', { dataDir }, problems);
const splices = loadTable('splices', { dataDir }, problems);
const mojibake = loadTable('mojibake', { dataDir }, problems);
if (problems.length > 0) {
  for (const p of problems) process.stderr.write(`${formatProblem(p)}\n`);
  process.exit(1);
}
const rel = relative(join(dataDir, 'sources'), target);
const source = sources.rows.find((s) => s.row.file === rel);
if (!source) process.stderr.write(`normalize: ${files[0]} is not listed in data/sources.csv; applying the general rules only\n`);
const rules = source ? rulesFor(source.row.id, { splices: splices.rows.map((r) => r.row), mojibake: mojibake.rows.map((r) => r.row) }) : {};
try {
  const result = normalize(raw, rules);
  process.stdout.write(result.text);
  if (showChanges)
    for (const c of result.changes)
      process.stderr.write(`${c.rule}\t${JSON.stringify(c.before)}\t→ ${JSON.stringify(c.after)}\t${c.reason}\n`);
} catch (e) {
  process.stderr.write(`normalize: ${files[0]}: ${(e as Error).message}\n`);
  process.exit(1);
}
