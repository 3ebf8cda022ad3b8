/**
 * Tables a phone can read: on a 360 px screen no table cell is narrower than two characters
 * of its own font (a CJK character is 1em wide). Every page that holds a table is opened, its
 * folded tables unfolded, and each visible cell's content box measured.
 */
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext } from 'playwright-core';
import { listHtmlPages, startStaticServer, fileForUrlPath, DIST_DIR, type StaticServer } from '../../scripts/lib/serve-dist.ts';
import { launchChromium } from '../../scripts/lib/launch-chromium.ts';

const PHONE = { width: 360, height: 780 };
// every built page with a table in it (the crawl finds new ones as they appear)
const pages = listHtmlPages().filter((p) => /<table[\s>]/u.test(readFileSync(fileForUrlPath(DIST_DIR, p) ?? '', 'utf8')));

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

it('finds pages with tables to measure', () => {
  expect(pages).toContain('/data/');
  expect(pages.length).toBeGreaterThan(3);
});

describe.each(pages)('%s at 360 px', (path) => {
  it('has no table cell narrower than two characters', async () => {
    const page = await context.newPage();
    try {
      await page.goto(`${server.origin}${path}?n=100000`, { waitUntil: 'load' });
      const narrow = await page.evaluate(() => {
        for (const d of document.querySelectorAll('details')) d.open = true;
        const out: string[] = [];
        for (const cell of document.querySelectorAll<HTMLElement>('td, th')) {
          const r = cell.getBoundingClientRect();
          if (r.width === 0 && r.height === 0) continue; // hidden (a filtered row, a visually hidden header)
          if (cell.closest('[hidden], .visually-hidden')) continue;
          // a header row hidden the accessible way (1 px, clipped) when the table is shown as cards
          const clippedAncestor = (el: Element | null): boolean =>
            !!el && (getComputedStyle(el).clipPath !== 'none' || clippedAncestor(el.parentElement));
          if (clippedAncestor(cell)) continue;
          const s = getComputedStyle(cell);
          const content = cell.clientWidth - parseFloat(s.paddingLeft) - parseFloat(s.paddingRight);
          const two = 2 * parseFloat(s.fontSize);
          if (content + 0.5 < two)
            out.push(
              `${cell.tagName.toLowerCase()} "${(cell.textContent ?? '').trim().slice(0, 20)}" is ${Math.round(content)}px, two characters are ${Math.round(two)}px`,
            );
        }
        return out;
      });
      expect(narrow.slice(0, 10), `${path}: ${narrow.length} narrow cell(s)`).toEqual([]);
    } finally {
      await page.close();
    }
  });
});
