import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { checkData } from '../../src/lib/data/check.ts';
import { reconciliationMarkdown } from '../../src/lib/data/reconciliation.ts';

const dataDir = new URL('../../data/', import.meta.url).pathname;

describe('data/reconciliation.md', () => {
  it('is what the current data produces (run npm run data:report after changing data)', () => {
    const report = checkData({ dataDir });
    expect(report.problems).toEqual([]);
    expect(readFileSync(`${dataDir}reconciliation.md`, 'utf8')).toBe(reconciliationMarkdown(report));
  });
});
