/**
 * The story's charts read at a glance on a phone, in both editions (issue 20's "done when"):
 * every title holds a number; at most 4 legend entries and one visible note per chart; no
 * text in a chart stands one character a line and no two chart texts overlap (at 320, 360,
 * 640 and 1280 px); every time chart spans the same, labelled years; the page has at most
 * 2,500 elements at load. With JavaScript off, so every view of a section is shown. Run after
 * `npx astro build`.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { startStaticServer, type StaticServer } from '../../scripts/lib/serve-dist.ts';
import { closeContexts, workerChromium } from './worker-chromium.ts';

const EDITIONS = { zh: '/', en: '/en/' } as const;

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

async function withPage<T>(width: number, path: string, js: boolean, run: (page: Page) => Promise<T>): Promise<T> {
  const context = await browser.newContext({ viewport: { width, height: 780 }, javaScriptEnabled: js });
  const page = await context.newPage();
  try {
    await page.goto(`${server.origin}${path}`, { waitUntil: 'load' });
    return await run(page);
  } finally {
    await context.close();
  }
}

interface ChartReading {
  id: string;
  title: string;
  legend: number;
  notes: number;
  /** pairs of texts in the drawing whose boxes overlap */
  overlaps: string[];
  /** texts that are a single Chinese character: a word stacked a character a line */
  stacked: string[];
  /** the year labels on its time axes (the time chart draws them as g.axis-year) */
  years: string[];
}

/** What each visible chart shows; the measuring runs in the page. */
function readCharts(page: Page): Promise<ChartReading[]> {
  return page.evaluate(() => {
    // the story skips drawing charts off screen (content-visibility: auto): measure them all
    for (const el of document.querySelectorAll<HTMLElement>('.chart-svg')) el.style.contentVisibility = 'visible';
    const visible = (el: Element) => {
      const r = el.getBoundingClientRect();
      return r.width > 0 && r.height > 0 && getComputedStyle(el).visibility !== 'hidden' && el.closest('details:not([open])') === null;
    };
    return [...document.querySelectorAll('figure.chart')].map((fig) => {
      const svg = [...fig.querySelectorAll('.chart-svg > svg')].find(visible);
      const texts = svg ? [...svg.querySelectorAll('text')].filter((t) => visible(t) && (t.textContent ?? '').trim() !== '') : [];
      const boxes = texts.map((t) => ({ text: t.textContent ?? '', r: t.getBoundingClientRect() }));
      const overlaps: string[] = [];
      boxes.forEach((a, i) =>
        boxes.slice(i + 1).forEach((b) => {
          // a pixel of slack: glyph boxes include the font's side bearings
          const x = Math.min(a.r.right, b.r.right) - Math.max(a.r.left, b.r.left);
          const y = Math.min(a.r.bottom, b.r.bottom) - Math.max(a.r.top, b.r.top);
          if (x > 1 && y > 1) overlaps.push(`"${a.text}" × "${b.text}"`);
        }),
      );
      const notes = [...fig.querySelectorAll('figcaption p, figcaption li')].filter(
        (el) => visible(el) && /^(注：|Note: )/u.test((el.textContent ?? '').trim()),
      );
      return {
        id: fig.getAttribute('data-chart') ?? '',
        title: fig.querySelector('.chart-title')?.textContent?.trim() ?? '',
        legend: fig.querySelectorAll('.chart-legend li').length,
        notes: notes.length,
        overlaps,
        stacked: boxes.filter((b) => /^\p{Script=Han}$/u.test(b.text.trim())).map((b) => b.text),
        years: svg ? [...svg.querySelectorAll('g.axis-year text')].map((t) => (t.textContent ?? '').trim()) : [],
      };
    });
  });
}

for (const [lang, path] of Object.entries(EDITIONS)) {
  describe(`story charts in the ${lang} edition`, () => {
    it('at 360 px: a number in every title, at most 4 legend entries and one visible note, and every time chart on the same years', async () => {
      const charts = await withPage(360, path, false, readCharts);
      expect(charts.length).toBeGreaterThan(0);
      expect(charts.filter((c) => !/\d/u.test(c.title)).map((c) => `${c.id}: "${c.title}"`)).toEqual([]);
      expect(charts.filter((c) => c.legend > 4).map((c) => `${c.id}: ${c.legend} legend entries`)).toEqual([]);
      expect(charts.filter((c) => c.legend < 1).map((c) => `${c.id}: no legend`)).toEqual([]);
      expect(charts.filter((c) => c.notes > 1).map((c) => `${c.id}: ${c.notes} visible notes`)).toEqual([]);
      const spans = charts.filter((c) => c.years.length > 0).map((c) => ({ id: c.id, years: [...new Set(c.years)].join(',') }));
      expect(spans.length, 'time charts on the story').toBeGreaterThan(1);
      expect(spans.filter((s) => s.years !== spans[0]?.years).map((s) => `${s.id}: ${s.years} ≠ ${spans[0]?.years}`)).toEqual([]);
    });

    for (const width of [320, 360, 640, 1280]) {
      it(`at ${width} px: no two chart texts overlap and none stands a character a line`, async () => {
        const charts = await withPage(width, path, false, readCharts);
        expect(charts.flatMap((c) => c.overlaps.map((o) => `${c.id}: ${o}`))).toEqual([]);
        expect(charts.flatMap((c) => c.stacked.map((s) => `${c.id}: "${s}"`))).toEqual([]);
      });
    }

    it('has at most 2,500 elements at load', async () => {
      const count = await withPage(360, path, true, (page) => page.evaluate(() => document.querySelectorAll('*').length));
      expect(count).toBeLessThanOrEqual(2500);
    });
  });
}
