/**
 * Embeds in Chromium, as a newsroom page would use them: the host page and the embed on
 * different origins (two local servers), the embed in `<iframe sandbox="allow-scripts">`.
 * With pym.js (the npm package's own build) and with our public/embed-parent.js, the frame
 * takes the embed's content height (within 2 px) at 800 and 320 px, follows a width change
 * and a content change (the data table opened); our parent script ignores height messages
 * from frames it did not create and from any origin but the embed's. The embed itself
 * obeys ?theme= and ?lang=, warns (never fails) on bad values, and posts nothing but its
 * height. Run after `npx astro build`.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Browser, BrowserContext, Frame, Page } from 'playwright-core';
import { CHARTS } from '../../src/charts/index.ts';
import { chartPaths, EMBED_PARENT_SCRIPT } from '../../src/lib/chart/chart-files.ts';
import { readThemeColors } from '../../src/lib/chart/theme-colors.ts';
import { copiedEmbedPath } from '../../src/lib/chart/embed-code.ts';
import { closeContexts, workerChromium } from './worker-chromium.ts';
import { DIST_DIR, startStaticServer, type StaticServer } from '../../scripts/lib/serve-dist.ts';

const PYM_DIST = fileURLToPath(new URL('../../node_modules/pym.js/dist/', import.meta.url));
/** any chart will do: every embed is the same frame */
const CHART = CHARTS[0]?.id ?? '';
const SANDBOX = 'allow-scripts';
const STRANGER_HEIGHT = 4321;

let hostDir: string;
let helperDir: string;
let embedServer: StaticServer;
let hostServer: StaticServer;
let otherServer: StaticServer;
let browser: Browser;
let context: BrowserContext;

/**
 * a page that posts a fake height to its parent, in both protocols, again and again, with the
 * token of its own address as a genuine embed does (a page navigated to has none)
 */
const SENDER = `<!doctype html><meta charset="utf-8"><title>sender</title><script>
  var q = new URLSearchParams(location.search), h = Number(q.get('h'));
  function send() {
    var token = (/qd-embed=([\\w-]+)/.exec(location.hash) || [])[1];
    var m = { type: 'qd-embed:height', height: h };
    if (token) m.token = token;
    parent.postMessage(m, '*');
    parent.postMessage('pymxPYMx' + (q.get('childId') || 'x') + 'xPYMxheightxPYMx' + h, '*');
  }
  send(); setInterval(send, 50);
</script>`;

/** records what each frame posts to the host, to check the embed sends only its height */
const RECORDER = `<script>
  window.received = [];
  addEventListener('message', function (e) {
    var frames = document.querySelectorAll('iframe'), from = -1;
    for (var i = 0; i < frames.length; i++) if (frames[i].contentWindow === e.source) from = i;
    window.received.push({ from: from, origin: e.origin, data: e.data });
  });
</script>`;

function hostPage(body: string): string {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1"><title>host</title><link rel="icon" href="data:,">
<style>body { margin: 0; font: 16px sans-serif } iframe { display: block; border: 0; width: 100% } p { margin: 0; height: 40px }</style>${RECORDER}</head>
<body><p>host page</p>${body}</body></html>`;
}

beforeAll(async () => {
  hostDir = mkdtempSync(join(tmpdir(), 'embed-host-'));
  helperDir = mkdtempSync(join(tmpdir(), 'embed-helper-'));
  writeFileSync(join(helperDir, 'sender.html'), SENDER);
  embedServer = await startStaticServer(DIST_DIR, { '/__test/': helperDir });
  hostServer = await startStaticServer(hostDir, { '/vendor/pym/': PYM_DIST });
  otherServer = await startStaticServer(helperDir);
  const embedUrl = `${embedServer.origin}/${chartPaths(CHART, 'zh').embed}`;
  const parentScript = `<script async src="${embedServer.origin}/${EMBED_PARENT_SCRIPT}"></script>`;
  writeFileSync(
    join(hostDir, 'pym.html'),
    hostPage(`<div id="pym-chart"></div><script src="/vendor/pym/pym.v1.min.js"></script>
<script>new pym.Parent('pym-chart', ${JSON.stringify(embedUrl)}, { sandbox: ${JSON.stringify(SANDBOX)}, title: 'chart' });</script>`),
  );
  writeFileSync(
    join(hostDir, 'ours.html'),
    hostPage(`<div id="placeholder" data-qd-embed="${embedUrl}"><a href="${embedUrl}">chart</a></div>
<iframe id="given" data-qd-embed src="${embedUrl}" title="chart" height="300" sandbox="${SANDBOX}"></iframe>
<iframe id="stranger" src="${embedServer.origin}/__test/sender.html?h=${STRANGER_HEIGHT}" title="stranger" height="50" sandbox="${SANDBOX}"></iframe>
<script>setInterval(function () { postMessage({ type: 'qd-embed:height', height: ${STRANGER_HEIGHT} }, '*'); }, 50);</script>
<script>
  // the parent script arrives after the given frame has loaded and reported its height
  document.getElementById('given').addEventListener('load', function () {
    setTimeout(function () {
      var s = document.createElement('script');
      s.src = ${JSON.stringify(`${embedServer.origin}/${EMBED_PARENT_SCRIPT}`)};
      document.body.appendChild(s);
    }, 300);
  });
</script>`),
  );
  writeFileSync(
    join(hostDir, 'origin.html'),
    hostPage(`<iframe id="unsandboxed" data-qd-embed src="${embedUrl}" title="chart" height="300"></iframe>${parentScript}`),
  );
  const sender = (h: string) => `${embedServer.origin}/__test/sender.html?h=${h}`;
  writeFileSync(
    join(hostDir, 'sandboxed.html'),
    hostPage(`<div id="managed" data-qd-embed="${embedUrl}"><a href="${embedUrl}">chart</a></div>${parentScript}`),
  );
  writeFileSync(
    join(hostDir, 'clamp.html'),
    hostPage(
      ['tiny', 'huge', 'nan']
        .map(
          (id, i) =>
            `<div id="${id}" data-qd-embed="${sender(['1', '99999999', 'not-a-number'][i] as string)}"><a href="#">sender</a></div>`,
        )
        .join('') + parentScript,
    ),
  );
  writeFileSync(
    join(hostDir, 'strangers.html'),
    hostPage(`<div id="own" data-qd-embed="${sender('321')}"><a href="#">sender</a></div>
<iframe id="unmarked" src="${sender('4321')}" title="unmarked" height="100" sandbox="${SANDBOX}"></iframe>
<iframe id="elsewhere" data-qd-embed src="${otherServer.origin}/sender.html?h=4321" title="elsewhere" height="100" sandbox="${SANDBOX}"></iframe>${parentScript}`),
  );
  browser = await workerChromium();
  context = await browser.newContext({ viewport: { width: 800, height: 900 }, deviceScaleFactor: 1 });
});

afterAll(async () => {
  await context?.close();
  await closeContexts(browser);
  await Promise.all([embedServer?.close(), hostServer?.close(), otherServer?.close()]);
  for (const d of [hostDir, helperDir]) if (d) rmSync(d, { recursive: true, force: true });
});

interface Heights {
  frame: number;
  content: number;
}

async function frameOf(page: Page, selector: string): Promise<Frame> {
  const handle = await page.waitForSelector(selector, { state: 'attached' });
  const frame = await handle.contentFrame();
  if (!frame) throw new Error(`${selector} has no frame`);
  await frame.waitForLoadState('load');
  return frame;
}

async function heights(page: Page, selector: string): Promise<Heights> {
  const frame = await frameOf(page, selector);
  const outer = await page.locator(selector).evaluate((el) => el.getBoundingClientRect().height);
  const content = await frame.evaluate(() => document.documentElement.getBoundingClientRect().height);
  return { frame: outer, content };
}

/**
 * Waits until the iframe is as tall as its content (within 2 px) and stays so. The frame is
 * scrolled into view first, as a reader would see it: Chromium pauses rendering, and with it
 * ResizeObserver, in cross-origin frames that are off screen.
 */
async function settled(page: Page, selector: string): Promise<Heights> {
  await page.locator(selector).scrollIntoViewIfNeeded();
  await expect
    .poll(
      async () => {
        const h = await heights(page, selector);
        return Math.abs(h.frame - h.content);
      },
      { timeout: 15_000, interval: 100 },
    )
    .toBeLessThanOrEqual(2);
  await page.waitForTimeout(300);
  const h = await heights(page, selector);
  expect(Math.abs(h.frame - h.content), `${selector}: frame ${h.frame} px, content ${h.content} px`).toBeLessThanOrEqual(2);
  return h;
}

/** 800 → 320 px: the frame follows; then the data table opens and it follows again */
async function followsWidthAndContent(page: Page, selector: string): Promise<Record<string, Heights>> {
  await page.setViewportSize({ width: 800, height: 900 });
  const wide = await settled(page, selector);
  await page.setViewportSize({ width: 320, height: 900 });
  const narrow = await settled(page, selector);
  expect(narrow.content).not.toBe(wide.content);
  const frame = await frameOf(page, selector);
  await frame.locator('details.chart-table > summary').first().click();
  const opened = await settled(page, selector);
  expect(opened.content).toBeGreaterThan(narrow.content + 50);
  console.log(
    `embed heights ${selector}: 800 px → ${wide.frame}/${wide.content}, 320 px → ${narrow.frame}/${narrow.content}, table open → ${opened.frame}/${opened.content} (frame/content)`,
  );
  return { wide, narrow, opened };
}

/** what the embed frames (by index) posted: only their height, in one of the two formats */
async function messagesFrom(page: Page, frames: number[]): Promise<unknown[]> {
  const received = (await page.evaluate(() => (window as unknown as { received: { from: number; data: unknown }[] }).received)) ?? [];
  return received.filter((m) => frames.includes(m.from)).map((m) => m.data);
}

function isHeightOnly(data: unknown): boolean {
  if (typeof data === 'string') return /^pymxPYMx[^]+xPYMxheightxPYMx\d+$/u.test(data);
  if (typeof data !== 'object' || data === null) return false;
  const d = data as { type?: unknown; height?: unknown; token?: unknown };
  const keys = Object.keys(d).sort().join();
  // the token is the one the parent script gave the frame, echoed back (see embed-height.ts)
  const tokenOk =
    keys === 'height,type' || (keys === 'height,token,type' && typeof d.token === 'string' && /^[\w-]{16,64}$/u.test(d.token));
  return tokenOk && d.type === 'qd-embed:height' && Number.isInteger(d.height);
}

function watchErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(`console error: ${m.text()} (${m.location().url})`);
  });
  page.on('pageerror', (e) => errors.push(`uncaught: ${e.message}`));
  return errors;
}

describe(`embed of ${CHART}`, () => {
  it('pym.js host, sandboxed frame: height follows width and content; the embed posts only its height', async () => {
    const page = await context.newPage();
    const errors = watchErrors(page);
    await page.goto(`${hostServer.origin}/pym.html`);
    const iframe = page.locator('#pym-chart iframe');
    await expect.poll(() => iframe.getAttribute('sandbox')).toBe(SANDBOX);
    await followsWidthAndContent(page, '#pym-chart iframe');
    const posted = await messagesFrom(page, [0]);
    expect(posted.some((d) => typeof d === 'string')).toBe(true);
    expect(posted.filter((d) => !isHeightOnly(d))).toEqual([]);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('our parent script, placeholder and given iframe: height follows width and content; strangers are ignored', async () => {
    const page = await context.newPage();
    const errors = watchErrors(page);
    await page.goto(`${hostServer.origin}/ours.html`);
    const created = page.locator('#placeholder iframe');
    await expect.poll(() => created.getAttribute('sandbox')).toContain('allow-scripts');
    expect(await created.getAttribute('sandbox')).not.toContain('allow-same-origin');
    expect(await created.getAttribute('title')).toBe('chart');
    // no resize has happened yet: the given frame can only know its height by asking
    await settled(page, '#given');
    for (const selector of ['#placeholder iframe', '#given']) {
      const h = await followsWidthAndContent(page, selector);
      for (const v of Object.values(h)) expect(v.frame).not.toBe(STRANGER_HEIGHT);
    }
    // the stranger frame and the host itself have been posting a height all along
    expect((await messagesFrom(page, [2])).length).toBeGreaterThan(10);
    expect(await page.locator('#stranger').evaluate((el) => el.getBoundingClientRect().height)).toBe(50);
    const posted = await messagesFrom(page, [0, 1]);
    expect(posted.length).toBeGreaterThan(0);
    expect(posted.filter((d) => !isHeightOnly(d))).toEqual([]);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('our parent script obeys a managed frame only while it shows the page it was given', async () => {
    const page = await context.newPage();
    await page.goto(`${hostServer.origin}/origin.html`);
    const start = await settled(page, '#unsandboxed');
    const height = () => page.locator('#unsandboxed').evaluate((el) => el.getBoundingClientRect().height);
    // the frame navigates itself (as a link inside it could) to another origin: ignored
    const away = `${otherServer.origin}/sender.html?h=999`;
    await (await frameOf(page, '#unsandboxed')).evaluate((u) => location.assign(u), away);
    await expect.poll(async () => (await frameOf(page, '#unsandboxed')).url()).toBe(away);
    await page.waitForTimeout(800);
    expect((await messagesFrom(page, [0])).filter((d) => JSON.stringify(d).includes('999')).length).toBeGreaterThan(5);
    expect(await height()).toBe(start.frame);
    // back on the site by its own doing: still ignored, the frame may have been anywhere between
    const back = `${embedServer.origin}/__test/sender.html?h=888`;
    await (await frameOf(page, '#unsandboxed')).evaluate((u) => location.assign(u), back);
    await expect.poll(async () => (await frameOf(page, '#unsandboxed')).url()).toBe(back);
    await page.waitForTimeout(800);
    expect((await messagesFrom(page, [0])).filter((d) => JSON.stringify(d).includes('888')).length).toBeGreaterThan(5);
    expect(await height()).toBe(start.frame);
    // the host gives it a page of the site again: obeyed, so the refusals above were the frame's doing
    await page
      .locator('#unsandboxed')
      .evaluate((el, u) => ((el as HTMLIFrameElement).src = u), `${embedServer.origin}/__test/sender.html?h=777`);
    await expect.poll(height, { timeout: 10_000 }).toBe(777);
    await page.close();
  });

  it('a sandboxed frame the script created, navigated to another site, is not obeyed', async () => {
    const page = await context.newPage();
    const errors = watchErrors(page);
    await page.goto(`${hostServer.origin}/sandboxed.html`);
    const selector = '#managed iframe';
    const start = await settled(page, selector);
    const frame = await frameOf(page, selector);
    // sandboxed without allow-same-origin: the frame's origin is "null" wherever it goes, so
    // only the script's count of the frame's loads can tell the embed from its successor
    expect(await frame.evaluate(() => origin)).toBe('null');
    const away = `${otherServer.origin}/sender.html?h=999`;
    await frame.evaluate((u) => location.assign(u), away);
    await expect.poll(async () => (await frameOf(page, selector)).url()).toBe(away);
    await page.waitForTimeout(800);
    expect((await messagesFrom(page, [0])).filter((d) => JSON.stringify(d).includes('999')).length).toBeGreaterThan(5);
    expect(await page.locator(selector).evaluate((el) => el.getBoundingClientRect().height)).toBe(start.frame);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('heights are clamped to 50–10000 px; a height that is not a number is ignored', async () => {
    const page = await context.newPage();
    await page.goto(`${hostServer.origin}/clamp.html`);
    const height = (id: string) => page.locator(`#${id} iframe`).evaluate((el) => el.getBoundingClientRect().height);
    for (const id of ['tiny', 'huge', 'nan']) await page.locator(`#${id} iframe`).scrollIntoViewIfNeeded();
    await expect.poll(() => height('tiny'), { timeout: 10_000 }).toBe(50);
    await expect.poll(() => height('huge'), { timeout: 10_000 }).toBe(10_000);
    // the same sender, obeyed in the two frames above, posts NaN here: the frame keeps its 640 px
    expect((await messagesFrom(page, [2])).length).toBeGreaterThan(5);
    expect(await height('nan')).toBe(640);
    await page.close();
  });

  it('frames the script did not take over are not obeyed: unmarked, or marked but on another site', async () => {
    const page = await context.newPage();
    await page.goto(`${hostServer.origin}/strangers.html`);
    // a managed frame beside them proves the script is running and obeying its own
    await expect.poll(() => page.locator('#own iframe').evaluate((el) => el.getBoundingClientRect().height), { timeout: 10_000 }).toBe(321);
    await page.waitForTimeout(500);
    expect((await messagesFrom(page, [1])).length).toBeGreaterThan(5);
    expect((await messagesFrom(page, [2])).length).toBeGreaterThan(5);
    expect(await page.locator('#unmarked').evaluate((el) => el.getBoundingClientRect().height)).toBe(100);
    expect(await page.locator('#elsewhere').evaluate((el) => el.getBoundingClientRect().height)).toBe(100);
    expect(await page.locator('#elsewhere').getAttribute('data-qd-embed-ready')).toBeNull();
    await page.close();
  });
});

describe('embed URL parameters', () => {
  const palettes = readThemeColors();
  /** #121212 → rgb(18, 18, 18), as getComputedStyle reports it */
  const rgb = (hex = '') => {
    const n = hex.replace('#', '');
    const full = n.length === 3 ? [...n].map((c) => c + c).join('') : n;
    return `rgb(${[0, 2, 4].map((i) => parseInt(full.slice(i, i + 2), 16)).join(', ')})`;
  };
  const darkBg = rgb(palettes.dark['bg']);
  const lightBg = rgb(palettes.light['bg']);
  const url = (q: string) => `${embedServer.origin}/${chartPaths(CHART, 'zh').embed}${q}`;

  async function open(q: string, scheme: 'light' | 'dark') {
    const page = await context.newPage();
    await page.emulateMedia({ colorScheme: scheme });
    const warnings: string[] = [];
    page.on('console', (m) => {
      if (m.type() === 'warning') warnings.push(m.text());
    });
    const errors = watchErrors(page);
    await page.goto(url(q));
    const state = await page.evaluate(() => ({
      theme: document.documentElement.dataset['theme'] ?? null,
      bg: getComputedStyle(document.body).backgroundColor,
      scheme: getComputedStyle(document.documentElement).colorScheme,
    }));
    await page.close();
    return { ...state, warnings, errors };
  }

  it("?theme=dark and ?theme=light override the reader's system setting", async () => {
    const dark = await open('?theme=dark', 'light');
    expect(dark).toMatchObject({ theme: 'dark', bg: darkBg, scheme: 'dark', warnings: [], errors: [] });
    const light = await open('?theme=light', 'dark');
    expect(light).toMatchObject({ theme: 'light', bg: lightBg, scheme: 'light', warnings: [], errors: [] });
  });

  it('an unknown ?theme= or ?lang= is ignored with a console warning, never an error', async () => {
    const r = await open('?theme=purple&lang=fr', 'dark');
    expect(r.theme).toBeNull();
    expect(r.bg).toBe(darkBg);
    expect(r.errors).toEqual([]);
    expect(r.warnings).toHaveLength(2);
    expect(r.warnings[0]).toContain('?theme="purple"');
    expect(r.warnings[1]).toContain('?lang="fr"');
    const ok = await open('?lang=zh', 'light');
    expect(ok.warnings).toEqual([]);
  });

  it('?lang=en loads the same chart in the English edition, its other parameters kept', async () => {
    const page = await context.newPage();
    const errors = watchErrors(page);
    await page.goto(url('?lang=en&theme=dark'));
    await page.waitForURL((u) => u.pathname === `/${chartPaths(CHART, 'en').embed}`);
    expect(new URL(page.url()).searchParams.get('theme')).toBe('dark');
    expect(new URL(page.url()).searchParams.has('lang')).toBe(false);
    expect(await page.getAttribute('html', 'lang')).toBe('en');
    expect(await page.evaluate(() => document.documentElement.dataset['theme'])).toBe('dark');
    expect(errors).toEqual([]);
    await page.close();
  });
});

describe('copy buttons on the chart page', () => {
  const pageUrl = () => `${embedServer.origin}/${chartPaths(CHART, 'zh').page}`;

  it('copy the link and the embed code from the keyboard and say so in the live region', async () => {
    const ctx = await browser.newContext({ viewport: { width: 360, height: 800 } });
    await ctx.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: embedServer.origin });
    const page = await ctx.newPage();
    const errors = watchErrors(page);
    await page.goto(pageUrl());
    const status = page.locator(`#chart-actions-status-${CHART}`);
    const clipboard = () => page.evaluate(() => navigator.clipboard.readText());

    const linkButton = page.locator(`button[data-copy-target="chart-link-${CHART}"]`);
    await expect.poll(() => linkButton.isVisible()).toBe(true);
    await linkButton.focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => status.textContent()).toBe(await linkButton.getAttribute('data-copied'));
    expect(await clipboard()).toBe(await page.locator(`#chart-link-${CHART}`).getAttribute('href'));

    const embedButton = page.locator(`button[data-copy-target="chart-embed-${CHART}"]`);
    await embedButton.focus();
    await page.keyboard.press('Space');
    await expect.poll(() => status.textContent()).toBe(await embedButton.getAttribute('data-copied'));
    const code = await clipboard();
    expect(code).toContain(`<iframe data-qd-embed src="`);
    expect(code).toContain(`/${EMBED_PARENT_SCRIPT}"></script>`);
    expect(errors).toEqual([]);
    await ctx.close();
  });

  it("the English chart page's embed code names this site's address and the English embed, no placeholder", async () => {
    const page = await context.newPage();
    await page.goto(`${embedServer.origin}/${chartPaths(CHART, 'en').page}`);
    const code = page.locator(`#chart-embed-${CHART}`);
    await expect
      .poll(async () => (await code.inputValue().catch(async () => (await code.textContent()) ?? '')) ?? '')
      // the English embed pinned to the release it is copied under
      .toContain(`src="${embedServer.origin}/${copiedEmbedPath(CHART, 'en')}"`);
    const text = (await code.inputValue().catch(async () => (await code.textContent()) ?? '')) ?? '';
    expect(text).not.toContain('[site address]');
    expect(await page.locator(`#chart-link-${CHART}`).getAttribute('href')).toBe(`${embedServer.origin}/${chartPaths(CHART, 'en').page}`);
    await page.close();
  });

  it('when the clipboard is refused, select the text and say how to copy it', async () => {
    const page = await context.newPage();
    await page.goto(pageUrl());
    await page.evaluate(() => {
      Object.defineProperty(navigator, 'clipboard', { value: { writeText: () => Promise.reject(new Error('denied')) } });
    });
    const button = page.locator(`button[data-copy-target="chart-embed-${CHART}"]`);
    await button.click();
    const status = page.locator(`#chart-actions-status-${CHART}`);
    await expect.poll(() => status.textContent()).toBe(await button.getAttribute('data-copy-failed'));
    const selected = await page.evaluate(() => {
      const el = document.activeElement as HTMLTextAreaElement;
      return el.value.slice(el.selectionStart, el.selectionEnd);
    });
    expect(selected).toContain('<iframe');
    await page.close();
  });

  it('without JavaScript: no dead buttons, and every download, the link and the code are still there', async () => {
    const ctx = await browser.newContext({ javaScriptEnabled: false, viewport: { width: 360, height: 800 } });
    const page = await ctx.newPage();
    await page.goto(pageUrl());
    expect(
      await page.locator('button[data-copy-target]').evaluateAll((bs) => bs.filter((b) => (b as HTMLElement).offsetParent !== null).length),
    ).toBe(0);
    // two in the row of actions under the chart, four in the full list
    expect(await page.locator('a[download]').count()).toBe(6);
    expect(await page.locator(`#chart-link-${CHART}`).isVisible()).toBe(true);
    expect(await page.locator(`#chart-embed-${CHART}`).inputValue()).toContain('<iframe');
    await ctx.close();
  });
});
