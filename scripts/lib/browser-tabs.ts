/**
 * A few browser tabs that a crawl shares out, one page after another in each. A new browser
 * context starts a new renderer process, which on two cores costs more than loading one of our
 * static pages; a tab that moves on to the next page of the same site reuses its process. Each
 * tab is a context of its own with one page, watched (page-checks.ts) and with CSP violations
 * reported from its first page on. A tab whose work throws (a timeout, a crashed page) is closed
 * and replaced by a fresh one, so no half-done state reaches the next page.
 */
import type { Browser, BrowserContext, BrowserContextOptions, Page } from 'playwright-core';
import { reportCspViolations, watchPage, type PageWatch } from './page-checks.ts';

export interface Tab {
  page: Page;
  /** call `watch.take()` once a page is checked: what it returns belongs to that page */
  watch: PageWatch;
  /**
   * One whole frame of the page, after which its requestAnimationFrame and ResizeObserver
   * callbacks have run: drawn when asked, in a browser that draws frames only then
   * (launch-chromium.ts); elsewhere, the browser's own next frame.
   */
  drawFrame(): Promise<void>;
}

interface OpenTab extends Tab {
  context: BrowserContext;
}

export interface TabPool {
  /** runs `work` in the next free tab, waiting for one if all are busy */
  use<T>(work: (tab: Tab) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

/**
 * `count` tabs with these context options, each reporting requests to any origin but `origin`;
 * `framesOnDemand` for a browser launched to draw frames only when asked.
 */
export async function openTabs(
  browser: Browser,
  count: number,
  options: BrowserContextOptions,
  origin: string,
  { framesOnDemand = false }: { framesOnDemand?: boolean } = {},
): Promise<TabPool> {
  const open = async (): Promise<OpenTab> => {
    const context = await browser.newContext(options);
    const page = await context.newPage();
    const watch = watchPage(page, origin);
    await reportCspViolations(page);
    const cdp = framesOnDemand ? await context.newCDPSession(page) : undefined;
    const drawFrame = async () => {
      if (cdp) await cdp.send('HeadlessExperimental.beginFrame', {});
      // a browser that draws its own frames: until its next one has run
      else await page.evaluate(() => new Promise<void>((ok) => requestAnimationFrame(() => ok())));
    };
    return { context, page, watch, drawFrame };
  };
  const free: OpenTab[] = await Promise.all(Array.from({ length: count }, open));
  const all = new Set(free);
  const waiting: ((tab: OpenTab) => void)[] = [];
  const release = (tab: OpenTab) => {
    const next = waiting.shift();
    if (next) next(tab);
    else free.push(tab);
  };
  return {
    async use(work) {
      const tab = free.pop() ?? (await new Promise<OpenTab>((ok) => waiting.push(ok)));
      try {
        const result = await work(tab);
        release(tab);
        return result;
      } catch (error) {
        all.delete(tab);
        await tab.context.close().catch(() => undefined);
        const fresh = await open();
        all.add(fresh);
        release(fresh);
        throw error;
      }
    },
    async close() {
      await Promise.all([...all].map((t) => t.context.close()));
    },
  };
}
