/**
 * Every HTML page in dist/, opened in Chromium on a 360 px phone screen, served with the headers
 * of dist/_headers: it loads without console errors, Content-Security-Policy violations or failed
 * requests and asks nothing of any host but the local server, its content fits the screen, and no
 * table cell is narrower than two characters. axe-core checks WCAG 2.2 A/AA in the light and the
 * dark colour scheme on every page of a page of its own, and on three pages of each dynamic route
 * (first, middle, last), in each language (scripts/lib/page-kinds.ts) — pages of one route share
 * their markup, so the audit grows with the number of templates, not of pages. AXE_ALL=1 audits
 * every page. Links are checked without a browser, in test/site/built-pages.test.ts.
 *
 * Pages are found by crawling dist/ and loaded one after another in a few reused tabs
 * (scripts/lib/browser-tabs.ts; CRAWL_TABS sets how many), each page's problems counted on it
 * alone. Static pages are ready at `load`: they fetch nothing afterwards. Run after `npx astro build`.
 */
import { afterAll, beforeAll, describe, expect, it, inject } from 'vitest';
import type { Browser } from 'playwright-core';
import { listHtmlPages, startStaticServer, type StaticServer } from '../../scripts/lib/serve-dist.ts';
import { connectChromium } from '../../scripts/lib/launch-chromium.ts';
import { openTabs, type TabPool } from '../../scripts/lib/browser-tabs.ts';
import { axeViolations, horizontalOverflow, narrowTableCells } from '../../scripts/lib/page-checks.ts';
import { sampleOfEachKind } from '../../scripts/lib/page-kinds.ts';

const PHONE = { width: 360, height: 740 };
// two cores, shared with the other browser files and the site tests running beside the crawl:
// a third tab measured no faster
const TABS = Number(process.env['CRAWL_TABS'] ?? 2);
const pages = listHtmlPages();
const audited = new Set(process.env['AXE_ALL'] === '1' ? pages : sampleOfEachKind(pages, 3));

let server: StaticServer;
let browser: Browser;
let tabs: TabPool;

beforeAll(async () => {
  // with the headers of dist/_headers, as a host that reads it sends them: each page is then
  // under its meta policy and the header policy at once
  server = await startStaticServer(undefined, {}, { sendHeaders: true });
  browser = await connectChromium(inject('chromium'));
  tabs = await openTabs(browser, TABS, { viewport: PHONE, deviceScaleFactor: 1, colorScheme: 'light' }, server.origin);
});

afterAll(async () => {
  await tabs?.close();
  await browser?.close();
  await server?.close();
});

describe.concurrent.each(pages)('%s in Chromium at 360 px', (path) => {
  const what = audited.has(path)
    ? 'loads cleanly, fits the screen, has readable table cells, and passes axe in light and dark'
    : 'loads cleanly, fits the screen, and has readable table cells';
  // the time includes waiting for a free tab; a long page audited twice is tens of seconds on a busy machine
  it(what, { timeout: 120_000 }, async () => {
    const problems = await tabs.use(async ({ page, watch }) => {
      const found: string[] = [];
      const response = await page.goto(`${server.origin}${path}`, { waitUntil: 'load' });
      if (response?.status() !== 200) found.push(`HTTP ${response?.status()} for the page itself`);
      found.push(...(await horizontalOverflow(page)).map((p) => `overflow at 360 px: ${p}`));
      if (audited.has(path)) {
        found.push(...(await axeViolations(page)).map((v) => `axe, light: ${v}`));
        await page.emulateMedia({ colorScheme: 'dark' });
        found.push(...(await axeViolations(page)).map((v) => `axe, dark: ${v}`));
        await page.emulateMedia({ colorScheme: 'light' });
      }
      // last: it unfolds every <details>
      const tables = await narrowTableCells(page);
      found.push(...tables.narrow.slice(0, 10).map((n) => `table cell too narrow at 360 px: ${n}`));
      if (tables.narrow.length > 10) found.push(`… and ${tables.narrow.length - 10} more narrow table cells`);
      return [...found, ...watch.take()];
    });
    expect(problems.length, `${path}:\n${problems.join('\n')}`).toBe(0);
  });
});
