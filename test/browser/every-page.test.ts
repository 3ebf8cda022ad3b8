/**
 * Pages opened in Chromium on a 360 px phone screen, served with the headers of their _headers
 * file: each loads without console errors, Content-Security-Policy violations or failed requests
 * and asks nothing of any host but the local server, its content fits the screen, no table cell
 * is narrower than two characters, no word is squeezed onto several lines; and on the pages
 * audited, axe-core finds nothing against WCAG 2.2 A/AA (in the light colour scheme, then in the
 * dark with the rules that read colours, COLOUR_RULES): every real page opened, and three pages
 * of each fixture route in each language (AXE_ALL=1: every page).
 *
 * Which pages: every page of the fixture site (scripts/lib/fixture-site.ts; built by
 * `npm run build:fixture` from tables that hold the longest names, widest tables and every kind
 * of row data/ has, test/unit/fixture-site-data.test.ts), and of the real build in dist/ one page
 * per template in each language (scripts/lib/page-kinds.ts, from the route list Astro's build
 * records): the largest page of the route, the one with most rows and text. So the crawl grows
 * with templates, not with the data's pages. What the real build's every page must hold
 * without a browser (links, metadata, charts in the HTML, valid HTML) is checked in Node, in
 * test/site/. test/browser/crawl-checks-fail.test.ts shows each check failing on a fixture page.
 *
 * CRAWL_ALL=1 opens every real page (minutes, not a default: the Node checks and the fixture
 * crawl are what the run relies on), axe on none of them unless AXE_ALL=1.
 *
 * Pages load one after another in one reused tab per site (scripts/lib/browser-tabs.ts;
 * CRAWL_TABS=n opens more). Static pages are ready at `load`: they fetch nothing afterwards.
 */
import { statSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it, inject } from 'vitest';
import type { Browser } from 'playwright-core';
import { DIST_DIR, listHtmlPages, startStaticServer, type StaticServer } from '../../scripts/lib/serve-dist.ts';
import { connectChromium } from '../../scripts/lib/launch-chromium.ts';
import { openTabs, type TabPool } from '../../scripts/lib/browser-tabs.ts';
import { crawlProblems } from '../../scripts/lib/page-checks.ts';
import { largestOfEachKind, sampleOfEachKind } from '../../scripts/lib/page-kinds.ts';
import { builtFileOf, builtRoutes } from '../../scripts/lib/built-site.ts';
import { FIXTURE_DIST } from '../../scripts/lib/fixture-site.ts';

const PHONE = { width: 360, height: 740 };
// one tab a site: on two cores one navigation at a time keeps both busy (renderer, browser, this
// process), and a second tab made the crawl slower, not faster
const TABS = Number(process.env['CRAWL_TABS'] ?? 1);

interface Site {
  name: string;
  dir: string;
  pages: string[];
  /** the pages axe audits */
  audited: Set<string>;
  server?: StaticServer;
  tabs?: TabPool;
}
const fixturePages = listHtmlPages(FIXTURE_DIST);
const realPages =
  process.env['CRAWL_ALL'] === '1'
    ? listHtmlPages(DIST_DIR)
    : largestOfEachKind(listHtmlPages(DIST_DIR), builtRoutes(DIST_DIR), (p) => statSync(builtFileOf(p, DIST_DIR)).size);
const sites: Site[] = [
  {
    name: 'fixture site',
    dir: FIXTURE_DIST,
    pages: fixturePages,
    // axe costs about 0.45 CPU-seconds a page on top of the 0.18 of loading and the other checks:
    // on every fixture page it would be most of the run. Pages of one route share their markup,
    // so it audits three of each route in each language (first, middle, last) and every page of
    // a smaller route; AXE_ALL=1 audits every page
    audited: new Set(process.env['AXE_ALL'] === '1' ? fixturePages : sampleOfEachKind(fixturePages, builtRoutes(FIXTURE_DIST), 3)),
  },
  {
    name: process.env['CRAWL_ALL'] === '1' ? 'real build, every page' : 'real build, the largest page of each template',
    dir: DIST_DIR,
    pages: realPages,
    audited: new Set(process.env['AXE_ALL'] === '1' || process.env['CRAWL_ALL'] !== '1' ? realPages : []),
  },
];

let browser: Browser;

beforeAll(async () => {
  browser = await connectChromium(inject('chromium'));
  for (const site of sites) {
    // with the headers of _headers, as a host that reads it sends them: each page is then
    // under its meta policy and the header policy at once
    site.server = await startStaticServer(site.dir, {}, { sendHeaders: true });
    site.tabs = await openTabs(browser, TABS, { viewport: PHONE, deviceScaleFactor: 1, colorScheme: 'light' }, site.server.origin);
  }
});

afterAll(async () => {
  for (const site of sites) {
    await site.tabs?.close();
    await site.server?.close();
  }
  await browser?.close();
});

describe('the crawl', () => {
  it('has the pages to open: the fixture site is several hundred pages, the real build one or two a template', () => {
    const [fixture, real] = sites as [Site, Site];
    expect(fixture.pages.length).toBeGreaterThan(100);
    expect(fixture.pages).toContain('/en/');
    expect(real.pages.length).toBeGreaterThan(30);
    if (process.env['CRAWL_ALL'] !== '1') expect(real.pages.length).toBeLessThan(60);
  });
});

for (const site of sites) {
  describe.concurrent.each(site.pages)(`%s (${site.name}) in Chromium at 360 px`, (path) => {
    const axe = site.audited.has(path);
    const what = axe
      ? 'loads cleanly, fits the screen, has readable table cells and whole words, and passes axe in light and dark'
      : 'loads cleanly, fits the screen, and has readable table cells and whole words';
    // the time includes waiting for a free tab; a long page audited twice is tens of seconds on a busy machine
    it(what, { timeout: 120_000 }, async () => {
      const problems = await site.tabs!.use((tab) => crawlProblems(tab, `${site.server!.origin}${path}`, { axe }));
      expect(problems.length, `${path}:\n${problems.join('\n')}`).toBe(0);
    });
  });
}
