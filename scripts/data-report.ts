/**
 * npm run data:report: writes data/reconciliation.md from the checked data.
 * Refuses to write while the data check fails.
 */
import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { checkData } from '../src/lib/data/check.ts';
import { formatProblem } from '../src/lib/data/csv.ts';
import { reconciliationMarkdown } from '../src/lib/data/reconciliation.ts';

const root = resolve(import.meta.dirname, '..');
const report = checkData({ dataDir: resolve(root, process.env.DATA_DIR || 'data'), displayRoot: root });
if (report.problems.length > 0) {
  for (const p of report.problems) process.stderr.write(`${formatProblem(p)}\n`);
  process.stderr.write('data:report: fix the problems above first\n');
  process.exit(1);
}
writeFileSync(resolve(root, 'data/reconciliation.md'), reconciliationMarkdown(report));
process.stdout.write('data:report: wrote data/reconciliation.md\n');
