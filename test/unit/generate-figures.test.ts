/**
 * The scale runs' generator (scripts/lib/generate-figures.ts) makes data the check passes, so
 * a scale measurement measures the check and the build, not a wall of problems: the generated
 * figures must keep passing as the rules grow (dates, exact values, continuity).
 */
import { afterAll, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { generateFigures } from '../../scripts/lib/generate-figures.ts';
import { checkData } from '../../src/lib/data/check.ts';
import { formatProblem } from '../../src/lib/data/csv.ts';

const data = fileURLToPath(new URL('../../data/', import.meta.url));
const dir = mkdtempSync(join(tmpdir(), 'generated-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('generate-figures', () => {
  it('adds exactly the figures asked for, in series that join, and the check passes them', () => {
    const out = join(dir, 'data');
    const made = generateFigures({ from: data, out, count: 1500 });
    expect(made.figures).toBe(1500);
    expect(made.sources).toBe(2); // at most 1,000 figures a source
    const report = checkData({ dataDir: out, displayRoot: out });
    expect(report.problems.map(formatProblem)).toEqual([]);
    const real = checkData({ dataDir: data, displayRoot: data });
    expect(report.tables.figures.length - real.tables.figures.length).toBe(1500);
    expect(report.stats.valuesChecked - real.stats.valuesChecked).toBe(1500);
  }, 60_000);
});
