/**
 * Finds a Chromium for the browser tests, screenshots and benchmark, in this order:
 * the CHROME_PATH environment variable (when set, it is the only place looked at), Debian's
 * headless shell (/usr/bin/chromium-headless-shell, the chromium-headless-shell package: the
 * same engine without the browser around it, what Playwright itself runs headless; it loads and
 * checks a page for about 40% less CPU than the full browser in headless mode, 0.10 against 0.17
 * CPU-seconds a fixture page), Debian's browser (/usr/bin/chromium, /usr/bin/chromium-browser), a
 * browser Playwright installed (`npx playwright-core install chromium`, where its download host
 * is reachable), then Google Chrome and Chromium in macOS's /Applications. Lighthouse measures
 * what a reader's browser does, so the benchmark asks for a full browser (`{ shell: false }`).
 *
 * Run directly (`npx tsx scripts/lib/find-chromium.ts`) it prints the path it found, or,
 * when there is none, one message saying how to get one, and exits 1.
 */
import { existsSync, statSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { chromium } from 'playwright-core';

export interface Candidate {
  path: string;
  /** where the path comes from, for messages */
  from: string;
}

export type Found = { path: string; from: string } | { path: undefined; looked: Candidate[]; problem?: string };

function playwrightChromium(): string | undefined {
  try {
    return chromium.executablePath() || undefined;
  } catch {
    return undefined; // a platform Playwright has no build for
  }
}

export interface Wanted {
  /** whether the headless shell will do (tests, screenshots); false for a full browser (Lighthouse) */
  shell?: boolean;
}

/** The places looked at, in order; CHROME_PATH (non-empty) replaces all the others. */
export function chromiumCandidates(
  env: NodeJS.ProcessEnv = process.env,
  platform: NodeJS.Platform = process.platform,
  { shell = true }: Wanted = {},
): Candidate[] {
  const chosen = env['CHROME_PATH'];
  if (chosen) return [{ path: chosen, from: 'CHROME_PATH' }];
  const out: Candidate[] = [];
  if (platform === 'linux') {
    if (shell) out.push({ path: '/usr/bin/chromium-headless-shell', from: "Debian's chromium-headless-shell package" });
    out.push({ path: '/usr/bin/chromium', from: "Debian's chromium package" });
    out.push({ path: '/usr/bin/chromium-browser', from: 'a distribution chromium package' });
  }
  const pw = playwrightChromium();
  if (pw) out.push({ path: pw, from: 'a Chromium installed by Playwright' });
  if (platform === 'darwin') {
    out.push({ path: '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome', from: 'Google Chrome' });
    out.push({ path: '/Applications/Chromium.app/Contents/MacOS/Chromium', from: 'Chromium.app' });
  }
  return out;
}

const isFile = (p: string) => existsSync(p) && statSync(p).isFile();

export function findChromium(
  env: NodeJS.ProcessEnv = process.env,
  platform: NodeJS.Platform = process.platform,
  wanted: Wanted = {},
): Found {
  const looked = chromiumCandidates(env, platform, wanted);
  for (const c of looked) if (isFile(c.path)) return { path: c.path, from: c.from };
  if (env['CHROME_PATH'])
    return { path: undefined, looked, problem: `CHROME_PATH is set to ${env['CHROME_PATH']}, where there is no file` };
  return { path: undefined, looked };
}

/** One message: what was looked for, and how to get a Chromium on Debian, macOS and other Linux. */
export function noChromiumMessage(found: Extract<Found, { path: undefined }>): string {
  return [
    `No Chromium found${found.problem ? `: ${found.problem}` : ''}. The browser tests need one (the site, its build and its images do not).`,
    `Looked at: ${found.looked.map((c) => c.path).join(', ') || 'nothing'}.`,
    'Get one, then run the command again:',
    '  Debian/Ubuntu: sudo apt-get install chromium-headless-shell chromium   (npm test installs them itself when run as root; fonts-noto-cjk makes screenshots readable)',
    '  macOS:         brew install --cask chromium, or set CHROME_PATH to Google Chrome:',
    '                 export CHROME_PATH="/Applications/Google Chrome.app/Contents/MacOS/Google Chrome"',
    "  other Linux:   your distribution's chromium package, or CHROME_PATH=/path/to/chrome",
    "  anywhere Playwright's download host is reachable: npx playwright-core install chromium",
  ].join('\n');
}

/** The path, or an Error carrying the message above. */
export function requireChromium(env: NodeJS.ProcessEnv = process.env, wanted: Wanted = {}): string {
  const found = findChromium(env, process.platform, wanted);
  if (found.path === undefined) throw new Error(noChromiumMessage(found));
  return found.path;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const found = findChromium();
  if (found.path === undefined) {
    console.error(noChromiumMessage(found));
    process.exit(1);
  }
  console.log(found.path);
}
