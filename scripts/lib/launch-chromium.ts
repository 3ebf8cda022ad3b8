/**
 * A Chromium found by scripts/lib/find-chromium.ts (CHROME_PATH, Debian's package, a
 * Playwright-installed browser, macOS's /Applications), driven by playwright-core. The flags
 * keep it from calling home during tests and benchmarks.
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
 * For a headless shell that draws a frame only when asked (HeadlessExperimental.beginFrame, the
 * shell's deterministic mode): a page that loads on its own is drawn again and again as its
 * parts arrive, which a check of the finished page does not need. browser-tabs.ts asks for one
 * whole frame once the page has loaded, so what runs in a frame (requestAnimationFrame,
 * ResizeObserver) still runs, and page-checks.ts asks for every lazy picture itself. The full
 * browser has no such mode.
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
