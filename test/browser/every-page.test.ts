/**
 * Every HTML page in dist/, opened in Chromium on a 360 px phone screen, served with the headers
 * of dist/_headers: it loads without console errors, Content-Security-Policy violations or failed
 * requests and asks nothing of any host but the local server, its content fits the screen, no
 * table cell is narrower than two characters, and no word is squeezed onto several lines. axe-core checks WCAG 2.2 A/AA (in the light colour
 * scheme, then in the dark with the rules that read colours, COLOUR_RULES) on every page of a
 * template of its own, and on three pages of each dynamic route (first, middle, last), in each
 * language (scripts/lib/page-kinds.ts, from the route list Astro's build records) — pages of one route share
 * their markup, so the audit grows with the number of templates, not of pages. AXE_ALL=1 audits
 * every page. Links are checked without a browser, in test/site/built-pages.test.ts.
 *
 * Pages are found by crawling dist/ and loaded one after another in one reused tab
 * (scripts/lib/browser-tabs.ts; CRAWL_TABS=n opens more), each page's problems counted on it
 * alone. Static pages are ready at `load`: they fetch nothing afterwards. Run after `npx astro build`.
 */
import { afterAll, beforeAll, describe, expect, it, inject } from 'vitest';
import type { Browser } from 'playwright-core';
import { listHtmlPages, startStaticServer, type StaticServer } from '../../scripts/lib/serve-dist.ts';
import { connectChromium } from '../../scripts/lib/launch-chromium.ts';
import { openTabs, type TabPool } from '../../scripts/lib/browser-tabs.ts';
import { axeViolations, brokenWords, COLOUR_RULES, horizontalOverflow, narrowTableCells } from '../../scripts/lib/page-checks.ts';
import { sampleOfEachKind } from '../../scripts/lib/page-kinds.ts';
import { builtRoutes } from '../../scripts/lib/built-site.ts';

const PHONE = { width: 360, height: 740 };
// one tab: on two cores one navigation at a time keeps both busy (renderer, browser, this
// process), and a second tab made the crawl slower, not faster (every page without axe: 99 s in
// two tabs, 70 s in one), while taking the time the files running beside it need
const TABS = Number(process.env['CRAWL_TABS'] ?? 1);
const pages = listHtmlPages();
const audited = new Set(process.env['AXE_ALL'] === '1' ? pages : sampleOfEachKind(pages, builtRoutes(), 3));

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
    ? 'loads cleanly, fits the screen, has readable table cells and whole words, and passes axe in light and dark'
    : 'loads cleanly, fits the screen, and has readable table cells and whole words';
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
        found.push(...(await axeViolations(page, COLOUR_RULES)).map((v) => `axe, dark: ${v}`));
        await page.emulateMedia({ colorScheme: 'light' });
      }
      // last: these unfold every <details>
      const tables = await narrowTableCells(page);
      found.push(...tables.narrow.slice(0, 10).map((n) => `table cell too narrow at 360 px: ${n}`));
      if (tables.narrow.length > 10) found.push(`… and ${tables.narrow.length - 10} more narrow table cells`);
      const broken = await brokenWords(page);
      found.push(...broken.slice(0, 10).map((b) => `word broken at 360 px: ${b}`));
      if (broken.length > 10) found.push(`… and ${broken.length - 10} more broken words`);
      return [...found, ...watch.take()];
    });
    expect(problems.length, `${path}:\n${problems.join('\n')}`).toBe(0);
  });
});
