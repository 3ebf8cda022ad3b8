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

export async function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: requireChromium(), args: CHROMIUM_FLAGS });
}
