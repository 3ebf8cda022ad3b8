/**
 * Full-page screenshots of the built site (it builds nothing: run `npx astro build` first)
 * at 360 and 1280 px, light and dark, to look at.
 *
 *   npm run screenshots                       a page of each kind, into /tmp/shots
 *   npm run screenshots -- /tmp/out           into another folder
 *   npm run screenshots -- /tmp/out --all     every page
 *   npm run screenshots -- /tmp/out / /timeline/   the pages named (after the folder)
 *   npm run screenshots -- /tmp/out / --first-screen   only the first screen (360 × 780, 1280 × 800)
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { listHtmlPages, startStaticServer } from './lib/serve-dist.ts';
import { launchChromium } from './lib/launch-chromium.ts';
import { cliArgs } from './lib/cli-args.ts';
import { pagesOfEachKind } from './lib/page-kinds.ts';
import { builtRoutes } from './lib/built-site.ts';

const WIDTHS = [360, 1280] as const;
const SCHEMES = ['light', 'dark'] as const;

export function fileStem(path: string): string {
  const slug = decodeURIComponent(path)
    .split('/')
    .filter(Boolean)
    .join('-')
    .replace(/\.html$/u, '')
    .replace(/[^\p{L}\p{N}_-]+/gu, '_');
  return slug || 'story';
}

async function main(): Promise<void> {
  const { values, positionals } = cliArgs(
    'screenshots',
    'npm run screenshots -- [DIR] [--all | PAGE ...] [--first-screen]',
    { all: { type: 'boolean' }, 'first-screen': { type: 'boolean' } },
    { min: 0, max: Infinity },
  );
  const outDir = positionals[0] ?? '/tmp/shots';
  const named = positionals.slice(1);
  const all = listHtmlPages();
  const pages = values.all === true ? all : named.length > 0 ? named : pagesOfEachKind(all, builtRoutes());
  for (const p of named) if (!all.includes(p)) throw new Error(`screenshots: no page ${p} in dist/ (pages look like "/timeline/")`);
  mkdirSync(outDir, { recursive: true });
  const server = await startStaticServer();
  const browser = await launchChromium();
  try {
    for (const width of WIDTHS) {
      // --first-screen: only what a reader sees before scrolling (a 360 × 780 phone, a 1280 × 800 laptop)
      const firstScreen = values['first-screen'] === true;
      const context = await browser.newContext({ viewport: { width, height: width < 640 ? 780 : 800 }, deviceScaleFactor: 1 });
      const page = await context.newPage();
      for (const path of pages) {
        await page.goto(`${server.origin}${path}`, { waitUntil: 'networkidle' });
        // a full-page capture does not scroll, so a drawing left to content-visibility: auto
        // would stay an empty box of its placeholder height, where a reader who scrolls sees it
        // drawn: the viewport is made as tall as the page (twice, as drawn boxes take their own
        // height) so that everything is on screen
        if (!firstScreen) {
          for (let i = 0; i < 2; i++) {
            const height = await page.evaluate(() => document.documentElement.scrollHeight);
            await page.setViewportSize({ width, height });
            await page.evaluate(() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))));
          }
        }
        for (const scheme of SCHEMES) {
          await page.emulateMedia({ colorScheme: scheme });
          await page.evaluate(() => document.fonts.ready);
          const file = join(outDir, `${fileStem(path)}-${width}-${scheme}${firstScreen ? '-first' : ''}.png`);
          await page.screenshot({ path: file, fullPage: !firstScreen });
          console.log(file);
        }
        await page.setViewportSize({ width, height: width < 640 ? 780 : 800 });
      }
      await context.close();
    }
  } finally {
    await browser.close();
    await server.close();
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url))
  main().catch((err: unknown) => {
    console.error(err instanceof Error ? err.message : err);
    process.exit(1);
  });
