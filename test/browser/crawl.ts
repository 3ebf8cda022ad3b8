/**
 * The crawl, shared by the every-page-*.test.ts files: pages opened in Chromium on a 360 px
 * phone screen, served with the headers of their _headers file: each loads without console
 * errors, Content-Security-Policy violations or failed requests and asks nothing of any host but
 * the local server, its content fits the screen, no table cell is narrower than two characters,
 * no word is squeezed onto several lines; and on the pages audited, axe-core finds nothing
 * against WCAG 2.2 A/AA (in the light colour scheme, then in the dark with the rules that read
 * colours, COLOUR_RULES).
 *
 * Which pages: every page of the fixture site (scripts/lib/fixture-site.ts; built by
 * `npm run build:fixture` from tables that hold the longest names, widest tables and every kind
 * of row data/ has, test/unit/fixture-site-data.test.ts), one file for each edition, and of the
 * real build in dist/ one page per template in each language (scripts/lib/page-kinds.ts, from the
 * route list Astro's build records): the largest page of the route, the one with most rows and
 * text. So the crawl grows with templates, not with the data's pages. What the real build's every
 * page must hold without a browser (links, metadata, charts in the HTML, valid HTML) is checked
 * in Node, in test/site/. test/browser/crawl-checks-fail.test.ts shows each check failing on a
 * fixture page.
 *
 * axe audits the largest page of each route of the fixture site in each edition (the most rows
 * and text): pages of one route share their markup, the fixture holds every kind of row the data
 * has, and an audit costs several times what loading a page and the other checks cost (in the
 * headless shell about 0.5 CPU-seconds against 0.1 on a fixture page). The real build's pages are
 * opened for what its data does to the layout.
 * AXE_ALL=1 audits every page opened; CRAWL_ALL=1 opens every real page (minutes, not a
 * default).
 *
 * Three files, not one, so that vitest's two browser workers share the crawl out rather than one
 * worker carrying it alone while the other idles at the end. Pages load one after another in one
 * reused tab per file (scripts/lib/browser-tabs.ts; CRAWL_TABS=n opens more). Static pages are
 * ready at `load`: they fetch nothing afterwards. The browser is a headless shell that draws a
 * frame only when asked (scripts/lib/launch-chromium.ts): a page that draws itself as it loads
 * is drawn several times over, and the checks need it laid out once, after `load`. Each page
 * gets that one frame, and its lazy pictures are loaded (crawlProblems); a page and its checks
 * then cost about a fifth less CPU (decision 0009).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { DIST_DIR, listHtmlPages, startStaticServer, type StaticServer } from '../../scripts/lib/serve-dist.ts';
import { closeContexts, drawsFramesOnDemand, workerChromium } from './worker-chromium.ts';
import { openTabs, type TabPool } from '../../scripts/lib/browser-tabs.ts';
import { crawlProblems } from '../../scripts/lib/page-checks.ts';
import { largestBuiltPages } from '../../scripts/lib/built-site.ts';
import { FIXTURE_DIST } from '../../scripts/lib/fixture-site.ts';
import { langOfPathname, routes } from '../../src/lib/site/routes.ts';
import type { Lang } from '../../src/i18n/index.ts';

const PHONE = { width: 360, height: 740 };
// one tab a file: on two cores one navigation at a time per worker keeps both busy (renderer,
// browser, this process), and a second tab made the crawl slower, not faster
const TABS = Number(process.env['CRAWL_TABS'] ?? 1);
const AXE_ALL = process.env['AXE_ALL'] === '1';
const CRAWL_ALL = process.env['CRAWL_ALL'] === '1';

export interface CrawledSite {
  name: string;
  dir: string;
  pages: string[];
  /** the pages axe audits */
  audited: Set<string>;
}

/**
 * `count` tabs as the crawl opens them, watching for requests to any origin but `origin`: in this
 * worker's crawl browser (one frame a page, worker-chromium.ts), at 360 px, light
 */
export async function openCrawlTabs(origin: string, count = 1): Promise<{ browser: Browser; tabs: TabPool }> {
  const browser = await workerChromium('crawl');
  const tabs = await openTabs(browser, count, { viewport: PHONE, deviceScaleFactor: 1, colorScheme: 'light' }, origin, {
    framesOnDemand: drawsFramesOnDemand(browser),
  });
  return { browser, tabs };
}

/** every page of the fixture site in one edition; axe on the largest of each route */
export function fixtureSite(lang: Lang): CrawledSite {
  const pages = listHtmlPages(FIXTURE_DIST).filter((p) => langOfPathname(p) === lang);
  return {
    name: `fixture site, ${lang}`,
    dir: FIXTURE_DIST,
    pages,
    audited: new Set(AXE_ALL ? pages : largestBuiltPages(FIXTURE_DIST).filter((p) => pages.includes(p))),
  };
}

/** of the real build, the largest page of each template in each language (every page with CRAWL_ALL=1); axe only with AXE_ALL=1 */
export function realBuild(): CrawledSite {
  const pages = CRAWL_ALL ? listHtmlPages(DIST_DIR) : largestBuiltPages(DIST_DIR);
  return {
    name: CRAWL_ALL ? 'real build, every page' : 'real build, the largest page of each template',
    dir: DIST_DIR,
    pages,
    audited: new Set(AXE_ALL ? pages : []),
  };
}

/** declares the crawl of every page of the fixture site in one edition, after a test that there are pages to open */
export function crawlFixtureEdition(lang: Lang): void {
  const site = fixtureSite(lang);
  describe(`the crawl of the fixture site, ${lang}`, () => {
    it('has the pages to open: a hundred or more, the story among them, an audited page of each route', () => {
      expect(site.pages.length).toBeGreaterThan(100);
      expect(site.pages).toContain(routes(lang).story());
      expect(site.audited.size).toBeGreaterThan(10);
    });
  });
  crawl(site);
}

/** declares the crawl of `site`'s pages: a server and a tab for the file, and one test a page */
export function crawl(site: CrawledSite): void {
  let browser: Browser;
  let server: StaticServer;
  let tabs: TabPool;

  beforeAll(async () => {
    // with the headers of _headers, as a host that reads it sends them: each page is then
    // under its meta policy and the header policy at once
    server = await startStaticServer(site.dir, {}, { sendHeaders: true });
    ({ browser, tabs } = await openCrawlTabs(server.origin, TABS));
  });

  afterAll(async () => {
    await tabs?.close();
    await server?.close();
    await closeContexts(browser);
  });

  describe.concurrent.each(site.pages)(`%s (${site.name}) in Chromium at 360 px`, (path) => {
    const axe = site.audited.has(path);
    const what = axe
      ? 'loads cleanly, fits the screen, has readable table cells and whole words, and passes axe in light and dark'
      : 'loads cleanly, fits the screen, and has readable table cells and whole words';
    // the time includes waiting for a free tab; a long page audited twice is tens of seconds on a busy machine
    it(what, { timeout: 120_000 }, async () => {
      const problems = await tabs.use((tab) => crawlProblems(tab, `${server.origin}${path}`, { axe }));
      expect(problems.length, `${path}:\n${problems.join('\n')}`).toBe(0);
    });
  });
}
