/**
 * The crawl's checks (crawlProblems, scripts/lib/page-checks.ts) fail on fixture pages broken the
 * way a bad row or a bad style would break them. The crawl opens every page of the fixture site
 * and only one page per template of the real build (test/browser/crawl.ts), so each
 * fault it used to find on some real page must be one it finds on a fixture page: a name with no
 * space wider than the screen (overflow, or letters broken across lines), 中文 stacked one
 * character a line in the language switch of an English page (the fault once on 48 English
 * event pages), a table column squeezed below two characters, a page without its language
 * (axe), a request to another host (the page's watch), a page that is missing; and, since the
 * crawl's browser draws a frame only when asked, an error thrown in a page's first frame and a
 * missing picture loaded lazily. Each page is first shown passing as built, so the fault found is
 * the one put in.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { startStaticServer, type StaticServer } from '../../scripts/lib/serve-dist.ts';
import { closeContexts } from './worker-chromium.ts';
import type { TabPool } from '../../scripts/lib/browser-tabs.ts';
import { openCrawlTabs } from './crawl.ts';
import { crawlProblems } from '../../scripts/lib/page-checks.ts';
import { FIXTURE_DIST } from '../../scripts/lib/fixture-site.ts';
import { routes } from '../../src/lib/site/routes.ts';

const en = routes('en');
/** the English page of the fixture's longest indicator name, and of its longest event name */
const INDICATOR = en.indicator('key-projects-real-economy-investment-completed-share-total');
const EVENT = en.event('ev-2020h1-report');
const DICTIONARY = en.dictionary();

let server: StaticServer;
let browser: Browser;
let tabs: TabPool;

beforeAll(async () => {
  server = await startStaticServer(FIXTURE_DIST, {}, { sendHeaders: true });
  // the crawl's own browser and tabs, which draw a frame only when asked
  ({ browser, tabs } = await openCrawlTabs(server.origin));
});

afterAll(async () => {
  await tabs?.close();
  await closeContexts(browser);
  await server?.close();
});

const check = (path: string, prepare?: (page: Page) => Promise<void>, axe = false) =>
  tabs.use((tab) => crawlProblems(tab, `${server.origin}${path}`, { axe, prepare }));

/** the crawl's problems with `path` when `script` runs in it before the page's own scripts, as a page script of its own would */
const checkWithScript = (path: string, script: () => void) =>
  tabs.use(async (tab) => {
    const added = await tab.page.addInitScript(script);
    try {
      return await crawlProblems(tab, `${server.origin}${path}`, { axe: false });
    } finally {
      await added.dispose();
    }
  });

/** a name of 60 letters without a space, as an indicator row could hold */
const LONG = 'Internationalisationofinvestmentpromotionworkacrossthecitywide';

describe('the crawl checks fail on a broken fixture page', () => {
  // with axe only where a fault below is axe's to find (the event page); the others' audit is the
  // crawl's (crawl.ts audits the largest page of each route, which the dictionary is)
  it.each([
    [INDICATOR, false],
    [EVENT, true],
    [DICTIONARY, false],
  ] as const)('%s passes as built (axe: %s)', async (path, axe) => {
    expect(await check(path, undefined, axe)).toEqual([]);
  });

  it('a heading holding a name without a space: its letters broken across lines', async () => {
    const problems = await check(INDICATOR, async (page) => {
      await page.evaluate((name) => {
        (document.querySelector('h1') as HTMLElement).textContent = name;
      }, LONG);
    });
    expect(
      problems.some((p) => p.startsWith(`word broken at 360 px: "${LONG.slice(0, 20)}`) || p.includes(LONG)),
      problems.join('\n'),
    ).toBe(true);
  });

  it('the same name where words may not break: the page is wider than the screen', async () => {
    const problems = await check(INDICATOR, async (page) => {
      await page.evaluate((name) => {
        const h1 = document.querySelector('h1') as HTMLElement;
        h1.textContent = name;
        h1.style.overflowWrap = 'normal';
        h1.style.wordBreak = 'normal';
      }, LONG);
    });
    expect(
      problems.some((p) => /^overflow at 360 px: document is \d+px wide in a 360px viewport/u.test(p)),
      problems.join('\n'),
    ).toBe(true);
  });

  it('中文 in the language switch of an English page squeezed to one character a line', async () => {
    const problems = await check(EVENT, async (page) => {
      await page.evaluate(() => {
        const zh = document.querySelector('a[data-lang-switch][lang^="zh"]') as HTMLElement;
        zh.style.display = 'inline-block';
        zh.style.width = '1em';
        zh.style.whiteSpace = 'normal';
      });
    });
    expect(
      problems.some((p) => /^word broken at 360 px: "中文" stands one character a line in <a/u.test(p)),
      problems.join('\n'),
    ).toBe(true);
  });

  it('a table column squeezed below two characters', async () => {
    const problems = await check(DICTIONARY, async (page) => {
      await page.evaluate(() => {
        const table = document.querySelector('table') as HTMLTableElement;
        table.style.tableLayout = 'fixed';
        table.style.width = '100%';
        for (const row of table.rows) {
          const cell = row.cells[0] as HTMLElement;
          cell.style.width = '4px';
          cell.style.padding = '0';
        }
      });
    });
    expect(
      problems.some((p) => p.startsWith('table cell too narrow at 360 px: ')),
      problems.join('\n'),
    ).toBe(true);
  });

  it('a page that lost its language: axe', async () => {
    const problems = await check(
      EVENT,
      async (page) => {
        await page.evaluate(() => document.documentElement.removeAttribute('lang'));
      },
      true,
    );
    expect(
      problems.some((p) => p.startsWith('axe, light: html-has-lang ')),
      problems.join('\n'),
    ).toBe(true);
  });

  it('a picture from another host: the request is reported', async () => {
    const problems = await check(EVENT, async (page) => {
      await page.evaluate(() => {
        const img = document.createElement('img');
        img.src = 'https://example.invalid/pixel.png';
        img.alt = '';
        document.querySelector('main')?.append(img);
      });
      await page.waitForTimeout(300);
    });
    expect(
      problems.some((p) => p.includes('example.invalid')),
      problems.join('\n'),
    ).toBe(true);
  });

  // the crawl's browser draws a page's frame only when asked (crawl.ts): what runs in a frame
  // must still run, once, before the page is judged
  it('an error thrown in the first frame after the page has loaded (requestAnimationFrame)', async () => {
    const problems = await checkWithScript(EVENT, () => {
      addEventListener('load', () =>
        requestAnimationFrame(() => {
          throw new Error('thrown in a frame');
        }),
      );
    });
    expect(problems, problems.join('\n')).toContain('uncaught exception: thrown in a frame');
  });

  it('a picture loaded lazily, whose file is missing: its request is waited for and reported', async () => {
    const problems = await checkWithScript(EVENT, () => {
      addEventListener('DOMContentLoaded', () => {
        const img = document.createElement('img');
        img.loading = 'lazy';
        img.src = '/no-such-picture.png';
        img.alt = '';
        img.width = 10;
        img.height = 10;
        document.body.prepend(img);
      });
    });
    expect(
      problems.some((p) => /^HTTP 404 for .*\/no-such-picture\.png$/u.test(p)),
      problems.join('\n'),
    ).toBe(true);
  });

  it('a page that is not there', async () => {
    expect(await check('/en/indicators/no-such-indicator/')).toContain('HTTP 404 for the page itself');
  });
});
