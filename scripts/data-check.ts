/**
 * npm run data:check [-- --with DRAFT_DIR ...]
 * Checks every table in data/ (plus draft folders, if given). Prints every problem as
 * `file:line: column: what is wrong` and exits 1 if there is any; otherwise prints what
 * was checked and the reconciliation findings.
 */
import { resolve } from 'node:path';
import { checkData } from '../src/lib/data/check.ts';
import { formatProblem } from '../src/lib/data/csv.ts';
import { cliArgs } from './lib/cli-args.ts';

const { values } = cliArgs(
  'data:check',
  'npm run data:check [-- --with DRAFT_DIR ...]',
  { with: { type: 'string', multiple: true } },
  { min: 0, max: 0 },
);
const overlays = (values.with ?? []).map((d) => resolve(d));
const root = resolve(import.meta.dirname, '..');
const report = checkData({ dataDir: resolve(root, process.env.DATA_DIR || 'data'), overlays, displayRoot: root });

if (report.problems.length > 0) {
  for (const p of report.problems) process.stderr.write(`${formatProblem(p)}\n`);
  process.stderr.write(`data:check: ${report.problems.length} problem(s)\n`);
  process.exit(1);
}
const s = report.stats;
const lines = [
  `data:check: ok`,
  `  figures per source: ${
    Object.entries(s.figuresPerSource)
      .map(([k, v]) => `${k} ${v}`)
      .join(', ') || 'none'
  }`,
  `  quotes found verbatim: ${s.quotesChecked}; values found in their quotes: ${s.valuesChecked}; derived figures recomputed: ${s.derivedChecked}`,
  `  arithmetic: ${report.arithmetic.filter((a) => a.holds).length} hold, ${report.arithmetic.filter((a) => !a.holds).length} recorded discrepancies`,
  `  overlapping figures from several sources: ${report.overlaps.length} (${report.overlaps.filter((o) => !o.agree).length} disagree)`,
];
process.stdout.write(`${lines.join('\n')}\n`);
