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

/** the Chromium at `executablePath` (the one find-chromium.ts finds first when not given), with the flags above */
export async function launchChromium(executablePath: string = requireChromium()): Promise<Browser> {
  return chromium.launch({ executablePath, args: CHROMIUM_FLAGS });
}
