/**
 * Every HTML page in dist/, opened in Chromium on a 360 px phone screen: it loads without
 * console errors or failed requests and asks nothing of any host but the local server, its
 * content fits the screen, and axe-core finds no WCAG 2.2 A/AA violation in the light or the
 * dark colour scheme. Pages are found by crawling dist/, so new pages are covered as they
 * appear. One browser, pages in sequence. Run after `npx astro build`.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext } from 'playwright-core';
import { listHtmlPages, startStaticServer, type StaticServer } from '../../scripts/lib/serve-dist.ts';
import { launchChromium } from '../../scripts/lib/launch-chromium.ts';
import { axeViolations, horizontalOverflow, watchPage } from '../../scripts/lib/page-checks.ts';

const PHONE = { width: 360, height: 740 };
const pages = listHtmlPages();

let server: StaticServer;
let browser: Browser;
let context: BrowserContext;

beforeAll(async () => {
  server = await startStaticServer();
  browser = await launchChromium();
  context = await browser.newContext({ viewport: PHONE, deviceScaleFactor: 1 });
});

afterAll(async () => {
  await context?.close();
  await browser?.close();
  await server?.close();
});

describe.each(pages)('%s in Chromium at 360 px', (path) => {
  it('loads cleanly, fits the screen, and passes axe in light and dark', async () => {
    const page = await context.newPage();
    try {
      const watch = watchPage(page, server.origin);
      await page.emulateMedia({ colorScheme: 'light' });
      const response = await page.goto(`${server.origin}${path}`, { waitUntil: 'load' });
      await page.waitForLoadState('networkidle');
      const problems: string[] = [];
      if (response?.status() !== 200) problems.push(`HTTP ${response?.status()} for the page itself`);
      problems.push(...(await horizontalOverflow(page)).map((p) => `overflow at 360 px: ${p}`));
      problems.push(...(await axeViolations(page)).map((v) => `axe, light: ${v}`));
      await page.emulateMedia({ colorScheme: 'dark' });
      problems.push(...(await axeViolations(page)).map((v) => `axe, dark: ${v}`));
      problems.push(...watch.problems());
      expect(problems.length, `${path}:\n${problems.join('\n')}`).toBe(0);
    } finally {
      await page.close();
    }
  });
});
