/**
 * The Chromium each vitest worker's browser files share: launched by the first file of the worker
 * that asks for it, kept for the files after it, closed by Playwright when vitest ends the
 * worker, saying how much CPU it used. Files of one worker run one after another, so each closes
 * the contexts it opened (closeContexts), never the browser.
 *
 * Most files take the headless shell where there is one (scripts/lib/find-chromium.ts). The
 * files whose subject is the timing of a reader's browser take the full browser: the headless
 * shell lays out frames on another schedule, and the race test/browser/embed-sizing.test.ts
 * provokes does not happen in it (the embed-parent.js from before its fix sized every frame on 8
 * loads in the shell, and left 2 to 5 frames unsized in the full browser, run after run). With
 * one browser found (CHROME_PATH, or no headless shell) both are that one. The crawl's files
 * (crawl.ts, crawl-checks-fail.test.ts) take a headless shell of their own that draws a frame only
 * when asked (launch-chromium.ts): interaction tests need the frames Playwright waits for before
 * a click, and a crawled page needs one frame, once it has loaded.
 *
 * A browser of the worker's own, not one browser server for all workers: a connection to a server
 * passes every protocol message through the process that launched it, which cost the crawl more
 * CPU than a second browser's start (docs/decisions/0009-a-test-run-that-grows-with-templates.md).
 */
import type { Browser } from 'playwright-core';
import { FRAMES_ON_DEMAND_FLAGS, isHeadlessShell, launchChromium } from '../../scripts/lib/launch-chromium.ts';
import { requireChromium } from '../../scripts/lib/find-chromium.ts';
import { treeCpuSeconds } from '../../scripts/lib/process-cpu.ts';

const launched = new Map<string, Promise<Browser>>();
const framesOnDemand = new WeakSet<Browser>();

/** whether `browser` draws a frame only when asked (launch-chromium.ts): the tabs of browser-tabs.ts then ask for one a page */
export function drawsFramesOnDemand(browser: Browser): boolean {
  return framesOnDemand.has(browser);
}
/** set when vitest ends the worker: a browser closed then has not ended during the run */
let ending = false;
let listening = false;

/** this worker's headless shell (or the one browser found), launched on first use */
export function workerChromium(kind: 'shell' | 'full' | 'crawl' = 'shell'): Promise<Browser> {
  const path = kind === 'full' ? requireChromium(process.env, { shell: false }) : requireChromium();
  const flags = kind === 'crawl' && isHeadlessShell(path) ? FRAMES_ON_DEMAND_FLAGS : [];
  const key = `${path} ${flags.join(' ')}`;
  let browser = launched.get(key);
  if (!browser) {
    browser = launchChromium(path, flags).then((b) => {
      if (flags.length > 0) framesOnDemand.add(b);
      // a browser that ends before the worker does fails the files after it with connection
      // errors alone: say which one ended
      b.once('disconnected', () => {
        if (!ending) process.stderr.write(`Chromium (${path}) ended during the run\n`);
        launched.delete(key);
      });
      return b;
    });
    if (!listening) {
      listening = true;
      process.once('SIGTERM', () => {
        ending = true;
        // the browsers' time reaches no `times` count (their renderers are reaped by their own
        // zygote), so it is said here: the worker's process tree less the worker itself
        const tree = treeCpuSeconds(process.pid);
        const own = process.cpuUsage();
        if (tree !== undefined)
          process.stderr.write(`Chromium of this worker used ${Math.round(tree - (own.user + own.system) / 1e6)} s of CPU\n`);
      });
    }
    launched.set(key, browser);
  }
  return browser;
}

/** closes every context of the worker's browser: the contexts of the file that is ending */
export async function closeContexts(browser: Browser | undefined): Promise<void> {
  await Promise.all((browser?.contexts() ?? []).map((c) => c.close()));
}
