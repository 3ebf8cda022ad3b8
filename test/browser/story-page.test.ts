/**
 * The story page (/) in a phone browser: a chart tooltip opens when a mark is tapped, shows
 * the mark's figure, stays on screen, and closes with Escape and with a tap elsewhere; with
 * JavaScript switched off every chart is still drawn; a section's views switch by a radio group
 * and keep the choice in the URL. Run after `npx astro build`.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Locator, Page } from 'playwright-core';
import { startStaticServer, type StaticServer } from '../../scripts/lib/serve-dist.ts';
import { closeContexts, workerChromium } from './worker-chromium.ts';
import { watchPage } from '../../scripts/lib/page-checks.ts';
import { t } from '../../src/i18n/index.ts';
import { routes } from '../../src/lib/site/routes.ts';

const PHONE = { width: 360, height: 740 };
/** the second view of each section that has views */
const SECOND_VIEWS = 'fdi=amount&trade=totals&projects=investment';
const DESKTOP = { width: 1280, height: 900 };

let server: StaticServer;
let browser: Browser;

beforeAll(async () => {
  server = await startStaticServer();
  browser = await workerChromium();
});

afterAll(async () => {
  await closeContexts(browser);
  await server?.close();
});

/** the tooltip box belonging to a mark: the .chart-tip in the same chart body */
function tipFor(mark: Locator): Locator {
  return mark.locator('xpath=ancestor::*[contains(concat(" ", normalize-space(@class), " "), " chart-body ")][1]').locator('.chart-tip');
}

async function openTip(page: Page): Promise<{ mark: Locator; tip: Locator; label: string }> {
  const mark = page.locator('.tip-target').filter({ visible: true }).first();
  await mark.scrollIntoViewIfNeeded();
  const label = (await mark.getAttribute('aria-label')) ?? '';
  await mark.tap();
  const tip = tipFor(mark);
  await tip.waitFor({ state: 'visible', timeout: 3000 });
  return { mark, tip, label };
}

describe('story page tooltips on a touch screen', () => {
  it('open by tap, show the figure, and close by Escape and by a tap elsewhere', async () => {
    const context = await browser.newContext({ viewport: PHONE, hasTouch: true, isMobile: true, deviceScaleFactor: 2 });
    const page = await context.newPage();
    try {
      const watch = watchPage(page, server.origin);
      await page.goto(`${server.origin}/`, { waitUntil: 'load' });
      expect(await page.locator('.tip-target').filter({ visible: true }).count(), 'visible tooltip targets at 360 px').toBeGreaterThan(0);

      const first = await openTip(page);
      expect(first.label, 'the tapped mark has a label').not.toBe('');
      expect((await first.tip.locator('.tip-text').textContent())?.trim()).toBe(first.label);
      // the details end with a link to the sentence the figure came from (or, computed, to its row on /data/)
      const href = await first.tip.locator('a').last().getAttribute('href');
      expect(href ?? '').toMatch(/^\/(sources\/[\w-]+\/#fig-[\w-]+|data\/#row-[\w-]+)$/u);
      const box = await first.tip.boundingBox();
      expect(box, 'tooltip box').not.toBeNull();
      expect(box!.x, 'tooltip starts on screen').toBeGreaterThanOrEqual(0);
      expect(box!.x + box!.width, 'tooltip ends on screen').toBeLessThanOrEqual(PHONE.width);

      await page.keyboard.press('Escape');
      await first.tip.waitFor({ state: 'hidden', timeout: 3000 });

      const second = await openTip(page);
      // somewhere outside every chart drawing: the chart's own title, else the page heading
      const figure = second.mark.locator(
        'xpath=ancestor::*[@data-chart or contains(concat(" ", normalize-space(@class), " "), " chart ")][1]',
      );
      const elsewhere =
        (await figure.locator('.chart-title').count()) > 0 ? figure.locator('.chart-title').first() : page.locator('h1').first();
      await elsewhere.tap();
      await second.tip.waitFor({ state: 'hidden', timeout: 3000 });
      expect(watch.problems()).toEqual([]);
    } finally {
      await context.close();
    }
  });
});

describe('story page marks on a touch screen', () => {
  it("every mark has a hit area of at least 24 × 24 px, and a row label opens its mark's details inside the screen", async () => {
    const context = await browser.newContext({ viewport: PHONE, hasTouch: true, isMobile: true, deviceScaleFactor: 2 });
    const page = await context.newPage();
    try {
      // the first views, then the second view of every section that has views, in both editions
      for (const path of ['/', `${routes('zh').story()}?${SECOND_VIEWS}`, '/en/', `${routes('en').story()}?${SECOND_VIEWS}`]) {
        await page.goto(`${server.origin}${path}`, { waitUntil: 'load' });
        const small = await page.evaluate(() =>
          [...document.querySelectorAll('.tip-target')]
            .map((el) => ({ r: el.getBoundingClientRect(), chart: el.closest('[data-chart]')?.getAttribute('data-chart') }))
            .filter(({ r }) => r.width > 0 && (r.width < 23.5 || r.height < 23.5))
            .map(({ r, chart }) => `${chart}: ${r.width.toFixed(1)} × ${r.height.toFixed(1)}`),
        );
        expect(small, path).toEqual([]);
      }
      const label = page.locator('#chart-targets-vs-reported .chart-narrow .tip-label').first();
      await label.scrollIntoViewIfNeeded();
      await label.tap();
      const tip = page.locator('#chart-targets-vs-reported .chart-tip');
      await tip.waitFor({ state: 'visible', timeout: 3000 });
      const box = await tip.boundingBox();
      expect(box!.x).toBeGreaterThanOrEqual(0);
      expect(box!.x + box!.width).toBeLessThanOrEqual(PHONE.width);
    } finally {
      await context.close();
    }
  });
});

describe('nothing drawn past the edge of a chart', () => {
  // the English edition's labels are longer than the Chinese ones: both are measured
  for (const [home, width] of ['/', '/en/'].flatMap((h) => [320, 360, 640, 1280].map((w) => [h, w] as const))) {
    it(`keeps every text and visible mark inside its SVG at ${width} px (${home})`, async () => {
      // JavaScript off: every view of a section is shown, so every chart is measured
      const context = await browser.newContext({ viewport: { width, height: 900 }, javaScriptEnabled: false });
      const page = await context.newPage();
      try {
        await page.goto(`${server.origin}${home}`, { waitUntil: 'load' });
        const clipped = await page.evaluate(() => {
          const out: string[] = [];
          for (const svg of document.querySelectorAll<SVGSVGElement>('figure.chart .chart-svg > svg')) {
            const s = svg.getBoundingClientRect();
            if (s.width === 0) continue;
            const chart = svg.closest('[data-chart]')?.getAttribute('data-chart');
            for (const el of svg.querySelectorAll<SVGGraphicsElement>('text, rect, line, path, circle')) {
              // the invisible hit areas may reach past the edge; they draw nothing
              if (el.classList.contains('tip-target') || el.closest('.hit')) continue;
              const r = el.getBoundingClientRect();
              if (r.width === 0 && r.height === 0) continue;
              const tol = 0.5;
              if (r.left < s.left - tol || r.right > s.right + tol || r.top < s.top - tol || r.bottom > s.bottom + tol) {
                out.push(
                  `${chart}: <${el.tagName}> "${(el.textContent ?? '').slice(0, 20)}" ${r.left.toFixed(1)}–${r.right.toFixed(1)} × ${r.top.toFixed(1)}–${r.bottom.toFixed(1)} outside ${s.left.toFixed(1)}–${s.right.toFixed(1)} × ${s.top.toFixed(1)}–${s.bottom.toFixed(1)}`,
                );
              }
            }
          }
          return out;
        });
        expect(clipped).toEqual([]);
      } finally {
        await context.close();
      }
    });
  }
});

describe('story page with JavaScript off', () => {
  for (const [name, viewport] of Object.entries({ phone: PHONE, desktop: DESKTOP })) {
    it(`shows every chart's SVG on a ${name} screen (${viewport.width} px)`, async () => {
      const context = await browser.newContext({ viewport, javaScriptEnabled: false });
      const page = await context.newPage();
      try {
        await page.goto(`${server.origin}/`, { waitUntil: 'load' });
        const charts = await page.evaluate(() =>
          [...document.querySelectorAll('figure.chart, [data-chart]')]
            .filter((el) => !el.parentElement?.closest('figure.chart, [data-chart]'))
            .map((chart, i) => {
              const drawn = [...chart.querySelectorAll('svg')].filter((svg) => {
                if (svg.parentElement?.closest('svg')) return false;
                const r = svg.getBoundingClientRect();
                const style = getComputedStyle(svg);
                return r.width >= 100 && r.height >= 50 && style.visibility !== 'hidden' && Number(style.opacity) > 0;
              });
              return { chart: chart.getAttribute('data-chart') ?? chart.id ?? String(i), drawn: drawn.length };
            }),
        );
        expect(charts.length, 'charts on the story page').toBeGreaterThan(0);
        expect(charts.filter((c) => c.drawn === 0).map((c) => `${c.chart}: no visible chart SVG`)).toEqual([]);
      } finally {
        await context.close();
      }
    });
  }
});

describe('story page views', () => {
  it('a radio group switches trade growth ↔ totals, keeps the choice in the URL, and the URL restores it', async () => {
    const context = await browser.newContext({ viewport: PHONE, hasTouch: true, isMobile: true });
    const page = await context.newPage();
    try {
      const watch = watchPage(page, server.origin);
      await page.goto(`${server.origin}/`, { waitUntil: 'load' });
      const group = page.locator('[data-views="trade"]');
      const radios = group.getByRole('radiogroup');
      await expect.poll(() => radios.isVisible()).toBe(true);
      expect((await radios.getAttribute('aria-label')) ?? (await radios.locator('legend').textContent())).toBeTruthy();
      const growth = page.locator('#chart-trade-growth');
      const totals = page.locator('#chart-trade-totals');
      // the first view in reading order is shown, the other hidden
      expect(await growth.isVisible()).toBe(true);
      expect(await totals.isVisible()).toBe(false);
      expect(await group.getByRole('radio', { checked: true }).getAttribute('value')).toBe('growth');

      await group.getByRole('radio', { name: t('zh', 'story.trade.view.totals') }).tap();
      await totals.waitFor({ state: 'visible', timeout: 3000 });
      expect(await growth.isVisible()).toBe(false);
      expect(new URL(page.url()).searchParams.get('trade')).toBe('totals');

      // keyboard: arrow keys move the choice within the group
      await group.getByRole('radio', { name: t('zh', 'story.trade.view.totals') }).focus();
      await page.keyboard.press('ArrowLeft');
      await growth.waitFor({ state: 'visible', timeout: 3000 });
      expect(new URL(page.url()).searchParams.get('trade')).toBe('growth');

      // the URL restores the choice; other sections keep their first view
      await page.goto(`${server.origin}/?trade=totals`, { waitUntil: 'load' });
      await totals.waitFor({ state: 'visible', timeout: 3000 });
      expect(await growth.isVisible()).toBe(false);
      expect(await group.getByRole('radio', { checked: true }).getAttribute('value')).toBe('totals');
      expect(await page.locator('#chart-fdi-actual-shares').isVisible()).toBe(true);
      // a link to a chart of a hidden view opens that view
      await page.goto(`${server.origin}/#chart-projects-signed-investment`, { waitUntil: 'load' });
      await page.locator('#chart-projects-signed-investment').waitFor({ state: 'visible', timeout: 3000 });
      expect(watch.problems()).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it('with JavaScript off, both views are shown, stacked, and no control that does nothing', async () => {
    const context = await browser.newContext({ viewport: PHONE, javaScriptEnabled: false });
    const page = await context.newPage();
    try {
      await page.goto(`${server.origin}/?trade=totals`, { waitUntil: 'load' });
      expect(await page.locator('#chart-trade-growth').isVisible()).toBe(true);
      expect(await page.locator('#chart-trade-totals').isVisible()).toBe(true);
      expect(await page.locator('[data-views] fieldset').filter({ visible: true }).count()).toBe(0);
    } finally {
      await context.close();
    }
  });
});
