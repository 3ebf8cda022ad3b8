/**
 * A Chromium found by scripts/lib/find-chromium.ts (CHROME_PATH, Debian's package, a
 * Playwright-installed browser, macOS's /Applications), driven by playwright-core. The flags
 * keep it from calling home during tests and benchmarks; the browser tests add
 * SITE_ISOLATION_FLAGS or FRAMES_ON_DEMAND_FLAGS (test/browser/worker-chromium.ts).
 */
import { chromium, type Browser } from 'playwright-core';
import { requireChromium } from './find-chromium.ts';

export const CHROMIUM_FLAGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--no-first-run',
];

/**
 * A frame of another site (an embed on a newsroom's page) in a process of its own, as desktop
 * Chrome puts it: the headless shell otherwise keeps it in its page's process, where a frame's
 * first load and its parent's script do not race as in a reader's browser (the embed-parent.js
 * from before its fix sized every frame in the shell without this flag, and left frames unsized
 * with it; docs/decisions/0004-embeds-speak-pym.md). Pages of one site get no more processes for
 * it. The full browser does this without being asked.
 */
export const SITE_ISOLATION_FLAGS = ['--site-per-process'];

/**
 * For a headless shell that draws a frame only when asked (HeadlessExperimental.beginFrame, the
 * shell's deterministic mode): a page that loads on its own is drawn again and again as its
 * parts arrive, which a check of the finished page does not need. browser-tabs.ts asks for one
 * whole frame once the page has loaded, so what runs in a frame (requestAnimationFrame,
 * ResizeObserver) still runs, and page-checks.ts asks for every lazy picture itself. The full
 * browser has no such mode, and the shell refuses it with SITE_ISOLATION_FLAGS ("Deterministic
 * mode is not compatible with --site-per-process"): it is for pages of one site, as the crawl's.
 */
export const FRAMES_ON_DEMAND_FLAGS = ['--deterministic-mode'];

/** whether the browser at `executablePath` is a headless shell (Debian's, or one Playwright installed) */
export function isHeadlessShell(executablePath: string): boolean {
  return /headless[-_]shell(\.exe)?$/u.test(executablePath);
}

/** the Chromium at `executablePath` (the one find-chromium.ts finds first when not given), with the flags above and `extra` */
export async function launchChromium(executablePath: string = requireChromium(), extra: readonly string[] = []): Promise<Browser> {
  return chromium.launch({ executablePath, args: [...CHROMIUM_FLAGS, ...extra] });
}
