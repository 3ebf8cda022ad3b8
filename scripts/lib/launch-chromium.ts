/**
 * A Chromium found by scripts/lib/find-chromium.ts (CHROME_PATH, Debian's package, a
 * Playwright-installed browser, macOS's /Applications), driven by playwright-core. The flags
 * keep it from calling home during tests and benchmarks.
 */
import { chromium, type Browser, type BrowserServer } from 'playwright-core';
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

/**
 * One Chromium that several processes drive, each through connectChromium(server.wsEndpoint()):
 * the browser tests share it rather than each starting their own (seconds of CPU apiece).
 */
export async function launchChromiumServer(executablePath: string = requireChromium()): Promise<BrowserServer> {
  return chromium.launchServer({ executablePath, args: CHROMIUM_FLAGS });
}

/** the Chromium of launchChromiumServer(); closing the Browser returned closes its contexts and disconnects */
export async function connectChromium(wsEndpoint: string): Promise<Browser> {
  return chromium.connect(wsEndpoint);
}
