/**
 * The chart pages, embeds and downloads as built into dist/, read as static files: every
 * registered chart has its page, its embed (chart only, no site chrome, sending nothing
 * anywhere but its height), its CSV (BOM, its own rows, formula-leading text neutralised)
 * and working links to its images; the list page names them all; the parent script is
 * served. Run after `npx astro build`.
 */
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseHTML } from 'linkedom';
import { builtPage } from '../../../scripts/lib/built-site.ts';
import config from '../../../astro.config.mjs';
import { publicSite } from '../../../src/lib/site/address.ts';
import { CHARTS } from '../../../src/charts/index.ts';
import { chartPaths, EMBED_PARENT_SCRIPT } from '../../../src/lib/chart/chart-files.ts';
import { CHART_CSV_COLUMNS, chartRowsCsv } from '../../../src/lib/chart/chart-csv.ts';
import { parseCsv } from '../../../src/lib/data/csv.ts';
import { getDataset, type SiteFigure } from '../../../src/lib/data/dataset.ts';
import { ownCardPath } from '../../../src/lib/site/card-files.ts';
import { copiedEmbedPath } from '../../../src/lib/chart/embed-code.ts';
import { DIST_DIR, fileForUrlPath } from '../../../scripts/lib/serve-dist.ts';

const SITE = new URL(config.site ?? 'https://example.invalid');
// with SITE_URL, addresses are absolute; without it, links are relative and code names a placeholder
const PUBLIC = publicSite();
const PLACEHOLDER = '【本站网址】';
const shared = (path: string) => (PUBLIC ? new URL(path, PUBLIC).href : `${PLACEHOLDER}/${path}`);

const html = (urlPath: string) => builtPage(urlPath);

it('the registry has charts to test', () => {
  expect(CHARTS.length).toBeGreaterThan(0);
});

it('/charts/ links every chart page, in registry order', () => {
  const doc = html('/charts/');
  const hrefs = [...doc.querySelectorAll('main a')].map((a) => a.getAttribute('href') ?? '');
  const pages = CHARTS.map((c) => `/${chartPaths(c.id, 'zh').page}`);
  // each chart is linked from its picture and its title
  expect([...new Set(hrefs.filter((h) => pages.includes(h)))]).toEqual(pages);
});

it('serves the parent script with its documentation header', () => {
  const file = join(DIST_DIR, EMBED_PARENT_SCRIPT);
  expect(existsSync(file)).toBe(true);
  const js = readFileSync(file, 'utf8');
  expect(js).toMatch(/^\/\*![\s\S]*data-qd-embed[\s\S]*qd-embed:height[\s\S]*event\.source[\s\S]*\*\//u);
  // kept small: it goes onto other people's pages. The budget is what a reader downloads
  // (gzip, as every host serves scripts); the script grew past 4 KB raw when it learned to
  // re-send a token lost during a first load and to resist a host's clobbering ids (issue 25)
  expect(gzipSync(js).byteLength).toBeLessThan(3072);
  expect(Buffer.byteLength(js)).toBeLessThan(8192);
});

describe.each(CHARTS.map((c) => c.id))('chart %s', (id) => {
  const paths = chartPaths(id, 'zh');

  it('its page has the chart, the table, the sources and every download, each link reaching a built file', () => {
    const doc = html(`/${paths.page}`);
    expect(doc.querySelector(`figure.chart[data-chart="${id}"] svg`)).not.toBeNull();
    expect(doc.querySelector(`figure.chart[data-chart="${id}"] table tbody tr`)).not.toBeNull();
    expect(doc.querySelector('h1')?.textContent?.trim()).toBeTruthy();
    const downloads = [...doc.querySelectorAll('a[download]')].map((a) => a.getAttribute('href'));
    // the row of actions under the chart (picture, rows), then the full list
    expect(downloads).toEqual([
      `/${paths.pngWide}`,
      `/${paths.csv}`,
      `/${paths.pngWide}`,
      `/${paths.pngPhone}`,
      `/${paths.svg}`,
      `/${paths.csv}`,
    ]);
    for (const href of downloads) expect(fileForUrlPath(DIST_DIR, href ?? ''), href ?? '').toBeDefined();
    // its share card: the finding title and the chart (test/site/share-cards.test.ts)
    expect(doc.querySelector('meta[property="og:image"]')?.getAttribute('content')).toBe(new URL(ownCardPath(`/${paths.page}`), SITE).href);
  });

  it('its copy buttons start hidden (no script, no dead button) and report to a live region; the texts they copy are on the page', () => {
    const doc = html(`/${paths.page}`);
    const buttons = [...doc.querySelectorAll('button[data-copy-target]')];
    expect(buttons.length).toBe(2);
    for (const b of buttons) {
      expect(b.hasAttribute('hidden')).toBe(true);
      expect(b.getAttribute('type')).toBe('button');
      const target = doc.getElementById(b.getAttribute('data-copy-target') ?? '');
      const status = doc.getElementById(b.getAttribute('data-copy-status') ?? '');
      expect(target).not.toBeNull();
      expect(status?.getAttribute('aria-live')).toBe('polite');
      expect(b.getAttribute('data-copied')).toBeTruthy();
      expect(b.getAttribute('data-copy-failed')).toBeTruthy();
    }
    const link = doc.querySelector(`#chart-link-${id}`);
    expect(link?.getAttribute('href')).toBe(PUBLIC ? new URL(paths.page, PUBLIC).href : `/${paths.page}`);
    // linkedom keeps a textarea's character references as written; a browser decodes them
    const raw = doc.querySelector(`#chart-embed-${id}`)?.innerHTML ?? '';
    const code = parseHTML(`<!doctype html><html><body><p>${raw}</p></body></html>`).document.querySelector('p')?.textContent ?? '';
    const snippet = parseHTML(`<!doctype html><html><body>${code}</body></html>`).document;
    const iframe = snippet.querySelector('iframe[data-qd-embed]');
    // the embed pinned to the release it is copied under (test/site/pinned-embeds.test.ts)
    expect(iframe?.getAttribute('src')).toBe(shared(copiedEmbedPath(id, 'zh')));
    expect(iframe?.getAttribute('sandbox')?.split(' ')).toContain('allow-scripts');
    expect(iframe?.getAttribute('sandbox')?.split(' ')).not.toContain('allow-same-origin');
    expect(iframe?.getAttribute('title')).toBeTruthy();
    expect(snippet.querySelector('script')?.getAttribute('src')).toBe(shared(EMBED_PARENT_SCRIPT));
  });

  it('its embed is the chart alone, links back to the chart page in a new window, and asks not to be indexed', () => {
    const doc = html(`/${paths.embed}`);
    expect(doc.documentElement.getAttribute('lang')).toBe('zh-CN');
    expect(doc.querySelectorAll('header, footer, nav')).toHaveLength(0);
    expect(doc.querySelectorAll('figure.chart')).toHaveLength(1);
    expect(doc.querySelector(`figure.chart[data-chart="${id}"] svg`)).not.toBeNull();
    expect(doc.querySelector('meta[name="robots"]')?.getAttribute('content')).toBe('noindex');
    expect(doc.querySelector('link[rel="canonical"]')?.getAttribute('href')).toBe(new URL(paths.page, SITE).href);
    const links = [...doc.querySelectorAll('a[href]')];
    expect(links.length).toBeGreaterThan(0);
    for (const a of links) {
      const href = a.getAttribute('href') ?? '';
      // a link out of someone else's page opens our page in a new window; without SITE_URL it
      // is relative, which inside the frame resolves against the frame's own address
      if (!href.startsWith('#')) {
        expect(PUBLIC ? href.startsWith(PUBLIC.origin) || href.startsWith('/') : href.startsWith('/'), href).toBe(true);
        expect(a.getAttribute('target') ?? doc.querySelector('base')?.getAttribute('target'), href).toBe('_blank');
      }
    }
  });

  it('its embed forces light or dark from palettes generated out of global.css', () => {
    const doc = html(`/${paths.embed}`);
    // a stylesheet file, not a <style>: the Content-Security-Policy allows no inline CSS
    const sheets = [...doc.querySelectorAll('link[rel="stylesheet"]')].map((l) => fileForUrlPath(DIST_DIR, l.getAttribute('href') ?? ''));
    const css = sheets.map((f) => (f ? readFileSync(f, 'utf8') : '')).join('\n');
    expect(css).toMatch(/:root\[data-theme='dark'\]\{color-scheme:dark;[^}]*--chart-ink:/u);
    expect(css).toMatch(/:root\[data-theme='light'\]\{color-scheme:light;[^}]*--chart-ink:/u);
  });

  it("its CSV is UTF-8 with a BOM and holds exactly the chart's rows, neutralised for spreadsheets", () => {
    const file = fileForUrlPath(DIST_DIR, `/${paths.csv}`);
    expect(file).toBeDefined();
    const bytes = readFileSync(file ?? '');
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const parsed = parseCsv(bytes.toString('utf8'), paths.csv);
    expect(parsed.problems).toEqual([]);
    expect(parsed.header).toEqual([...CHART_CSV_COLUMNS]);
    const data = getDataset();
    const def = CHARTS.find((c) => c.id === id);
    expect(parsed.rows.map((r) => r.row['id'])).toEqual(def?.select(data).map((f) => f.id));
    for (const { row } of parsed.rows) {
      for (const [column, cell] of Object.entries(row)) {
        expect(/^[=+\-@\t\r]/u.test(cell) && !/^-?\d+(\.\d+)?$/u.test(cell), `${column}: ${cell}`).toBe(false);
      }
    }
  });
});

it('the chart CSV neutralises cells a spreadsheet would run as formulas', () => {
  const data = getDataset();
  const real = data.figures[0] as SiteFigure;
  const hostile: SiteFigure = { ...real, quote: '=HYPERLINK("http://x.invalid","点")', note: '@SUM(A1)', breakdown: ['-1+2'] };
  const parsed = parseCsv(chartRowsCsv([hostile], data, 'zh'), 'hostile.csv');
  const row = parsed.rows[0]?.row ?? {};
  expect(row['quote']).toBe(`'=HYPERLINK("http://x.invalid","点")`);
  expect(row['note']).toBe(`'@SUM(A1)`);
  expect(row['breakdown']).toBe(`'-1+2`);
  expect(row['value']).toBe(real.valueText);
});
