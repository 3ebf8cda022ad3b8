/**
 * Tables a phone can read: on a 360 px screen no table cell is narrower than two characters of
 * its own font. The crawl (test/browser/crawl.ts) measures each page it opens as it first shows; this file
 * measures the one table whose column widths depend on rows not shown at first: the data
 * explorer with every row shown (?n=), its folded tables unfolded.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { startStaticServer, type StaticServer } from '../../scripts/lib/serve-dist.ts';
import { closeContexts, workerChromium } from './worker-chromium.ts';
import { narrowTableCells } from '../../scripts/lib/page-checks.ts';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DIST_DIR } from '../../scripts/lib/serve-dist.ts';

/** every figure: the explorer draws them from its figures file, after the page has loaded */
const FIGURES = (JSON.parse(readFileSync(join(DIST_DIR, 'downloads', 'all-figures.json'), 'utf8')) as { rows: unknown[] }).rows.length;

const PHONE = { width: 360, height: 780 };

let server: StaticServer;
let browser: Browser;

beforeAll(async () => {
  server = await startStaticServer();
  browser = await workerChromium();
});

afterAll(async () => {
  await closeContexts(browser);
  await server?.close();
});

it('the data explorer with every row shown has no table cell narrower than two characters at 360 px', async () => {
  const context = await browser.newContext({ viewport: PHONE, deviceScaleFactor: 1 });
  try {
    const page = await context.newPage();
    await page.goto(`${server.origin}/data/?n=100000`, { waitUntil: 'load' });
    await page.waitForSelector('#explorer:not([hidden])');
    const rows = await page.locator('table tbody tr').count();
    expect(rows, 'rows drawn').toBe(FIGURES);
    const { cells, narrow } = await narrowTableCells(page);
    // every row shown: more cells measured than rows, so the ?n= took effect
    expect(cells, 'cells measured').toBeGreaterThan(rows);
    expect(narrow.slice(0, 10), `/data/?n=100000: ${narrow.length} narrow cell(s)`).toEqual([]);
  } finally {
    await context.close();
  }
});
