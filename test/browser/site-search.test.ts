/**
 * The site search in Chromium, as a reader uses it: on the Chinese search page, 西海岸 and 链主
 * find Chinese pages (each result saying what kind of page it is) and a result opens its page;
 * on the English one, FDI finds English pages. The pages are served with dist/_headers, so the
 * header policy and the meta policy both govern Pagefind's script and WebAssembly: no policy
 * violation, no console error, no request to another host. The story page loads no script at
 * all from /pagefind/. Run after `npx astro build`.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { closeContexts, workerChromium } from './worker-chromium.ts';
import { reportCspViolations, watchPage, type PageWatch } from '../../scripts/lib/page-checks.ts';
import { DIST_DIR, startStaticServer, type StaticServer } from '../../scripts/lib/serve-dist.ts';

let server: StaticServer;
let browser: Browser;
let context: BrowserContext;

beforeAll(async () => {
  server = await startStaticServer(DIST_DIR, {}, { sendHeaders: true });
  browser = await workerChromium();
  context = await browser.newContext({ viewport: { width: 360, height: 780 } });
});

afterAll(async () => {
  await context?.close();
  await closeContexts(browser);
  await server?.close();
});

async function open(path: string): Promise<{ page: Page; watch: PageWatch }> {
  const page = await context.newPage();
  const watch = watchPage(page, server.origin);
  await reportCspViolations(page);
  await page.goto(`${server.origin}${path}`, { waitUntil: 'load' });
  return { page, watch };
}

interface Shown {
  kind: string;
  title: string;
  href: string;
  marked: string[];
}

async function searchFor(page: Page, query: string): Promise<Shown[]> {
  await page.fill('#search-q', query);
  await page.press('#search-q', 'Enter');
  await page.waitForSelector('#search-results > li', { timeout: 15000 });
  expect(new URL(page.url()).searchParams.get('q')).toBe(query);
  return page.$$eval('#search-results > li', (items) =>
    items.map((li) => ({
      kind: li.querySelector('.sr-kind')?.textContent ?? '',
      title: li.querySelector('.sr-title')?.textContent ?? '',
      href: li.querySelector('.sr-title')?.getAttribute('href') ?? '',
      marked: [...li.querySelectorAll('.sr-excerpt mark')].map((m) => m.textContent ?? ''),
    })),
  );
}

describe('site search', () => {
  it('finds 西海岸 and 链主 among the Chinese pages, says what kind each is, and opens a result', async () => {
    const { page, watch } = await open('/search/');
    const west = await searchFor(page, '西海岸');
    expect(west.length).toBeGreaterThan(0);
    for (const r of west) {
      expect(r.href.startsWith('/en/'), `${r.href} is an English page`).toBe(false);
      expect(r.kind, `${r.href} says what kind of page it is`).not.toBe('');
    }
    expect(west.some((r) => r.marked.some((m) => m.includes('西海岸')))).toBe(true);

    const chain = await searchFor(page, '链主');
    expect(chain.length).toBeGreaterThan(0);
    expect(chain.map((r) => r.kind)).toContain('术语表');
    for (const r of chain) expect(r.href.startsWith('/en/')).toBe(false);

    const first = chain[0] as Shown;
    await Promise.all([
      page.waitForURL((u) => u.pathname === first.href.replace(/#.*$/u, '')),
      page.click('#search-results > li .sr-title'),
    ]);
    expect(await page.textContent('main')).toContain('链主');
    expect(watch.problems()).toEqual([]);
    await page.close();
  });

  it('finds FDI among the English pages only, from an address with ?q=', async () => {
    const { page, watch } = await open('/en/search/?q=FDI');
    await page.waitForSelector('#search-results > li', { timeout: 15000 });
    expect(await page.inputValue('#search-q')).toBe('FDI');
    const hrefs = await page.$$eval('#search-results > li .sr-title', (as) => as.map((a) => a.getAttribute('href') ?? ''));
    expect(hrefs.length).toBeGreaterThan(0);
    for (const h of hrefs) expect(h.startsWith('/en/'), `${h} is not an English page`).toBe(true);
    const kinds = await page.$$eval('#search-results > li .sr-kind', (ks) => ks.map((k) => k.textContent ?? ''));
    expect(kinds.every((k) => /^[A-Z]/u.test(k))).toBe(true);
    // an excerpt quotes what the page says, not its navigation, actions or fact lists, which
    // Pagefind would glue together (Pagefind/pagefind#736: "Unit%Figures1Terms…")
    const excerpts = await page.$$eval('#search-results > li .sr-excerpt', (es) => es.map((e) => e.textContent ?? ''));
    for (const e of excerpts) expect(e).not.toMatch(/All indicators|Copy link|Download image|Unit[^\s:]|Figures\d/u);
    await Promise.all([
      page.waitForURL((u) => u.pathname === (hrefs[0] as string).replace(/#.*$/u, '')),
      page.click('#search-results > li .sr-title'),
    ]);
    expect(await page.textContent('main')).toMatch(/FDI|foreign/iu);
    expect(watch.problems()).toEqual([]);
    await page.close();
  });

  it('loads nothing from /pagefind/ on the story page', async () => {
    const { page, watch } = await open('/');
    await page.waitForLoadState('networkidle');
    expect(watch.requests.filter((u) => u.includes('/pagefind/'))).toEqual([]);
    await page.close();
  });
});
