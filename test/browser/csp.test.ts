/**
 * The Content-Security-Policy works in a browser and its violations are caught: a copy of a
 * built chart page with an inline script, an inline style, a style attribute and an inline
 * handler slipped in is opened in Chromium, as the meta policy alone governs it and again
 * under the header policy of dist/_headers alone (its meta tag removed); the browser blocks each
 * one, and reportCspViolations() turns each into a console error, as the crawl (test/browser/crawl.ts) counts
 * them. The untouched page, served the same way, has none. Run after `npx astro build`.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { CHARTS } from '../../src/charts/index.ts';
import { chartPaths } from '../../src/lib/chart/chart-files.ts';
import { closeContexts, workerChromium } from './worker-chromium.ts';
import { reportCspViolations, watchPage } from '../../scripts/lib/page-checks.ts';
import { DIST_DIR, fileForUrlPath, startStaticServer, type StaticServer } from '../../scripts/lib/serve-dist.ts';

const CHART = CHARTS[0]?.id ?? '';
/** what each injection would do if it ran: the test reads these back to see that none did */
const INJECTED = [
  '<script>document.documentElement.dataset.inlineScript = "ran"</script>',
  '<style>body { outline: 7px solid rgb(1, 2, 3) }</style>',
  '<p id="styled" style="outline: 7px solid rgb(1, 2, 3)">styled</p>',
  '<img id="handler" src="data:," alt="" onload="document.documentElement.dataset.handler = \'ran\'">',
].join('');

let dir: string;
let plainDir: string;
let server: StaticServer;
let browser: Browser;

beforeAll(async () => {
  const page = fileForUrlPath(DIST_DIR, `/${chartPaths(CHART, 'zh').page}`);
  if (!page) throw new Error(`no built page for chart ${CHART}: run \`npx astro build\``);
  const html = readFileSync(page, 'utf8');
  dir = mkdtempSync(join(tmpdir(), 'csp-'));
  plainDir = mkdtempSync(join(tmpdir(), 'csp-plain-'));
  copyFileSync(join(DIST_DIR, '_headers'), join(dir, '_headers'));
  copyFileSync(join(DIST_DIR, 'favicon.svg'), join(dir, 'favicon.svg'));
  writeFileSync(join(dir, 'clean.html'), html);
  // served from a mount, which gets no headers: the meta tag alone governs it
  writeFileSync(join(plainDir, 'meta.html'), html.replace('</body>', `${INJECTED}</body>`));
  const withoutMeta = html.replace(/<meta[^>]+http-equiv="content-security-policy"[^>]*>/iu, '');
  if (withoutMeta === html) throw new Error(`${page} has no CSP meta tag to remove`);
  writeFileSync(join(dir, 'header.html'), withoutMeta.replace('</body>', `${INJECTED}</body>`));
  // the copies use the built page's scripts and styles; headers only for what `dir` serves
  server = await startStaticServer(
    dir,
    { '/_astro/': join(DIST_DIR, '_astro'), '/embed/': join(DIST_DIR, 'embed'), '/plain/': plainDir },
    { sendHeaders: true },
  );
  browser = await workerChromium();
});

afterAll(async () => {
  await closeContexts(browser);
  await server?.close();
  for (const d of [dir, plainDir]) if (d) rmSync(d, { recursive: true, force: true });
});

async function open(file: string) {
  const context = await browser.newContext();
  const page = await context.newPage();
  const watch = watchPage(page, server.origin);
  await reportCspViolations(page);
  const response = await page.goto(`${server.origin}/${file}`, { waitUntil: 'load' });
  await page.waitForTimeout(200);
  const state = await page.evaluate(() => ({
    script: document.documentElement.dataset['inlineScript'] ?? null,
    handler: document.documentElement.dataset['handler'] ?? null,
    bodyOutline: getComputedStyle(document.body).outlineColor,
    pOutline: document.getElementById('styled') ? getComputedStyle(document.getElementById('styled') as Element).outlineColor : null,
    charts: document.querySelectorAll('svg.plot-d6a7b5').length,
  }));
  const csp = response?.headers()['content-security-policy'] ?? null;
  const hasMeta = (await response?.text())?.includes('http-equiv="content-security-policy"') ?? false;
  await context.close();
  return { state, csp, hasMeta, violations: watch.problems().filter((p) => p.includes('CSP violation')), problems: watch.problems() };
}

describe('the Content-Security-Policy in Chromium', () => {
  it('the untouched page: no violation, no problem, charts drawn', async () => {
    const r = await open('clean.html');
    expect(r.csp, 'the server sends the header of dist/_headers').toContain("script-src 'self'");
    expect(r.problems).toEqual([]);
    expect(r.state.charts).toBeGreaterThan(0);
  });

  for (const [file, which] of [
    ['plain/meta.html', 'its meta tag alone'],
    ['header.html', 'the _headers policy alone'],
  ] as const) {
    it(`injected inline script, style, style attribute and handler are blocked by ${which}, and reported`, async () => {
      const r = await open(file);
      // one policy at a time, so each injection is reported once
      expect([r.csp !== null, r.hasMeta]).toEqual(file === 'header.html' ? [true, false] : [false, true]);
      expect(r.state).toMatchObject({ script: null, handler: null });
      expect(r.state.bodyOutline).not.toBe('rgb(1, 2, 3)');
      expect(r.state.pOutline).not.toBe('rgb(1, 2, 3)');
      const directives = r.violations.map((v) => /CSP violation: (\S+)/u.exec(v)?.[1]).sort();
      expect(directives, r.violations.join('\n')).toEqual(['script-src-attr', 'script-src-elem', 'style-src-attr', 'style-src-elem']);
    });
  }
});
