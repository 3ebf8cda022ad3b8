/**
 * Every HTML page in dist/, opened in Chromium on a 360 px phone screen, served with the headers
 * of dist/_headers: it loads without console errors, Content-Security-Policy violations or failed requests and asks nothing of any host but the local server, and
 * its content fits the screen. axe-core checks WCAG 2.2 A/AA in the light and the dark colour
 * scheme on every page of a page of its own, and on three pages of each dynamic route (first,
 * middle, last; see scripts/lib/page-kinds.ts) — pages of one route share their markup, so
 * the audit grows with the number of templates, not of pages. AXE_ALL=1 audits every page.
 * Pages are found by crawling dist/ and run several at a time, each in its own browser context.
 * Static pages are ready at `load`: they fetch nothing afterwards. Run after `npx astro build`.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { listHtmlPages, startStaticServer, type StaticServer } from '../../scripts/lib/serve-dist.ts';
import { launchChromium } from '../../scripts/lib/launch-chromium.ts';
import { axeViolations, horizontalOverflow, reportCspViolations, watchPage } from '../../scripts/lib/page-checks.ts';
import { sampleOfEachTemplate } from '../../scripts/lib/page-kinds.ts';

const PHONE = { width: 360, height: 740 };
const pages = listHtmlPages();
const audited = new Set(process.env['AXE_ALL'] === '1' ? pages : sampleOfEachTemplate(pages, 3));

let server: StaticServer;
let browser: Browser;

beforeAll(async () => {
  // with the headers of dist/_headers, as a host that reads it sends them: each page is then
  // under its meta policy and the header policy at once
  server = await startStaticServer(undefined, {}, { sendHeaders: true });
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe.concurrent.each(pages)('%s in Chromium at 360 px', (path) => {
  const what = audited.has(path) ? 'loads cleanly, fits the screen, and passes axe in light and dark' : 'loads cleanly and fits the screen';
  // a long page audited twice by axe while other pages load beside it takes tens of seconds on two cores
  it(what, { timeout: 180_000 }, async () => {
    const context = await browser.newContext({ viewport: PHONE, deviceScaleFactor: 1, colorScheme: 'light' });
    try {
      const page = await context.newPage();
      const watch = watchPage(page, server.origin);
      await reportCspViolations(page);
      const response = await page.goto(`${server.origin}${path}`, { waitUntil: 'load' });
      const problems: string[] = [];
      if (response?.status() !== 200) problems.push(`HTTP ${response?.status()} for the page itself`);
      problems.push(...(await horizontalOverflow(page)).map((p) => `overflow at 360 px: ${p}`));
      if (audited.has(path)) {
        problems.push(...(await axeViolations(page)).map((v) => `axe, light: ${v}`));
        await page.emulateMedia({ colorScheme: 'dark' });
        problems.push(...(await axeViolations(page)).map((v) => `axe, dark: ${v}`));
      }
      problems.push(...watch.problems());
      expect(problems.length, `${path}:\n${problems.join('\n')}`).toBe(0);
    } finally {
      await context.close();
    }
  });
});
