/**
 * The /data/ explorer in Chromium, checked against the all-rows JSON rather than against
 * itself: filtering by year and indicator shows exactly the figures whose period touches the
 * year, the filtered CSV download holds exactly the visible rows, Chinese search (full- or
 * half-width) finds what it should, the URL reproduces the view, and a bad URL value is shown.
 * The page's HTML holds only the first rows; the script fetches the rest (data/figures.json)
 * and draws them as the build draws the first ones; without the script, the downloads (all
 * figures, and one file a topic) hold every figure.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Papa from 'papaparse';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Download, Page } from 'playwright-core';
import { DIST_DIR, startStaticServer, type StaticServer } from '../../scripts/lib/serve-dist.ts';
import { closeContexts, workerChromium } from './worker-chromium.ts';
import { PAGE_SIZE } from '../../src/lib/explorer/filter.ts';
import { formatValue } from '../../src/lib/words/format.ts';
import pkg from '../../package.json';
import { routes, sharedHrefs } from '../../src/lib/site/routes.ts';
import { ALL_FIGURES } from '../../src/lib/downloads/tables.ts';

type Rec = Record<string, string>;
const all = JSON.parse(readFileSync(join(DIST_DIR, 'downloads', 'all-figures.json'), 'utf8')) as { columns: string[]; rows: Rec[] };
const touches = (r: Rec, year: number) => Number(r['period_start']?.slice(0, 4)) <= year && year <= Number(r['period_end']?.slice(0, 4));

// an indicator with figures in several years, so that the year filter has something to remove
const yearsOf = (ind: string) =>
  new Set(all.rows.filter((r) => r['indicator'] === ind).flatMap((r) => [r['period_start']?.slice(0, 4), r['period_end']?.slice(0, 4)]));
const indicator = [...new Set(all.rows.map((r) => r['indicator'] as string))].sort(
  (a, b) => yearsOf(b).size - yearsOf(a).size,
)[0] as string;
const year = Math.max(...[...yearsOf(indicator)].map(Number));
const expectedIds = all.rows.filter((r) => r['indicator'] === indicator && touches(r, year)).map((r) => r['id']);

let server: StaticServer;
let browser: Browser;
let context: BrowserContext;

beforeAll(async () => {
  server = await startStaticServer();
  browser = await workerChromium();
  context = await browser.newContext({ viewport: { width: 1280, height: 900 }, acceptDownloads: true });
});

afterAll(async () => {
  await context?.close();
  await closeContexts(browser);
  await server?.close();
});

const visibleIds = (page: Page) =>
  page.$$eval('#explorer-table tbody tr:not([hidden])', (trs) => trs.map((tr) => (tr as HTMLElement).dataset['id'] ?? ''));

/** a download's bytes, read as a stream: a browser connected to (one Chromium for all files) keeps no local path */
async function bytesOf(download: Download): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of await download.createReadStream()) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

async function open(path: string): Promise<Page> {
  const page = await context.newPage();
  await page.goto(`${server.origin}${path}`, { waitUntil: 'load' });
  await page.waitForSelector('#explorer:not([hidden])');
  return page;
}

describe('/data/ explorer', () => {
  it('shows the first rows, loads more on request with the count, and the URL holds how many', async () => {
    const page = await open('/data/');
    const ids = all.rows.map((r) => r['id']);
    expect(await visibleIds(page)).toEqual(ids.slice(0, PAGE_SIZE));
    const more = page.locator('#explorer-more-rows');
    expect(await more.textContent()).toContain(formatValue(ids.length - PAGE_SIZE));
    expect(await page.locator('#explorer-count').textContent()).toContain(formatValue(ids.length));
    await more.click();
    expect(await visibleIds(page)).toEqual(ids.slice(0, 2 * PAGE_SIZE));
    expect(new URL(page.url()).searchParams.get('n')).toBe(String(2 * PAGE_SIZE));
    // the URL reproduces the view, and showing everything hides the button
    const again = await open(`${routes('zh').data()}?n=${ids.length}`);
    expect(await visibleIds(again)).toEqual(ids);
    expect(await again.locator('#explorer-more-rows').isHidden()).toBe(true);
    await again.close();
    await page.close();
  });

  it('filters by a year and an indicator, and the filtered CSV holds exactly the visible rows', async () => {
    expect(expectedIds.length).toBeGreaterThan(0);
    // the year must remove some of the indicator's figures, or the test would not test it
    expect(expectedIds.length).toBeLessThan(all.rows.filter((r) => r['indicator'] === indicator).length);
    const page = await open('/data/');
    await page.selectOption('#explorer-year', String(year));
    await page.selectOption('#explorer-indicator', indicator);
    const shown = await visibleIds(page);
    expect(shown).toEqual(expectedIds);
    expect(new URL(page.url()).searchParams.get('year')).toBe(String(year));
    expect(new URL(page.url()).searchParams.get('indicator')).toBe(indicator);

    const [download] = await Promise.all([page.waitForEvent('download'), page.click('button[data-download="csv"]')]);
    const bytes = await bytesOf(download);
    // named with the dataset's version, like every other download
    expect(download.suggestedFilename()).toBe(`${pkg.name}-${pkg.version}-filtered.csv`);
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const parsed = Papa.parse<Rec>(bytes.toString('utf8').slice(1), { header: true, skipEmptyLines: true });
    expect(parsed.errors).toEqual([]);
    expect(parsed.meta.fields).toEqual(all.columns);
    expect(parsed.data.map((r) => r['id'])).toEqual(shown);
    for (const row of parsed.data) {
      const rec = all.rows.find((r) => r['id'] === row['id']) as Rec;
      expect(row['value']).toBe(rec['value']);
      expect(row['period_start']).toBe(rec['period_start']);
      expect(row['quote']).toBe(/^[=+\-@]/u.test(rec['quote'] ?? '') ? `'${rec['quote']}` : rec['quote']);
    }

    const [jsonDownload] = await Promise.all([page.waitForEvent('download'), page.click('button[data-download="json"]')]);
    expect(jsonDownload.suggestedFilename()).toBe(`${pkg.name}-${pkg.version}-filtered.json`);
    const filtered = JSON.parse((await bytesOf(jsonDownload)).toString('utf8')) as { rows: Rec[]; filter: string };
    expect(filtered.rows.map((r) => r['id'])).toEqual(shown);
    expect(filtered.filter).toContain(`indicator=${indicator}`);
    await page.close();
  });

  it('the language switch leads to the same filtered rows in the other edition, and back', async () => {
    const page = await open('/data/');
    await page.selectOption('#explorer-year', String(year));
    await page.selectOption('#explorer-indicator', indicator);
    const shown = await visibleIds(page);
    await Promise.all([page.waitForURL(/\/en\/data\//u), page.click('a[data-lang-switch]')]);
    await page.waitForSelector('#explorer:not([hidden])');
    expect(await page.getAttribute('html', 'lang')).toBe('en');
    expect(new URL(page.url()).searchParams.get('year')).toBe(String(year));
    expect(new URL(page.url()).searchParams.get('indicator')).toBe(indicator);
    expect(await visibleIds(page)).toEqual(shown);
    // the English explorer names the indicator in English
    const label = await page.$eval('#explorer-indicator', (el) => (el as HTMLSelectElement).selectedOptions[0]?.textContent ?? '');
    expect(label).not.toMatch(/\p{Script=Han}/u);
    await Promise.all([page.waitForURL((u) => u.pathname === '/data/'), page.click('a[data-lang-switch]')]);
    expect(new URL(page.url()).searchParams.get('indicator')).toBe(indicator);
    await page.close();
  });

  it('searches Chinese text in indicator names, places and quotes, full- or half-width', async () => {
    const page = await open('/data/');
    await page.fill('#explorer-q', '外资');
    await page.waitForFunction(() => new URL(location.href).searchParams.get('q') === '外资');
    const shown = await visibleIds(page);
    const expected = all.rows
      .filter((r) => [r['indicator_zh'], r['breakdown'], r['place_zh'], r['quote']].join(' ').includes('外资'))
      .map((r) => r['id']);
    // the first page of the matches is shown, and the count names them all
    expect(shown).toEqual(expected.slice(0, PAGE_SIZE));
    expect(await page.textContent('#explorer-count')).toContain(formatValue(expected.length));

    // a quote with a decimal number, typed with full-width digits and point
    const withDecimal = all.rows.find((r) => /\d+\.\d+/u.test(r['quote'] ?? '')) as Rec;
    const number = /\d+\.\d+/u.exec(withDecimal['quote'] ?? '')?.[0] as string;
    const fullWidth = [...number].map((c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0)).join('');
    await page.fill('#explorer-q', fullWidth);
    await page.waitForFunction((q) => new URL(location.href).searchParams.get('q') === q, fullWidth);
    expect(await visibleIds(page)).toContain(withDecimal['id']);

    await page.fill('#explorer-q', '没有这样的词语组合');
    await page.waitForFunction(() => document.querySelectorAll('#explorer-table tbody tr:not([hidden])').length === 0);
    expect(await page.textContent('#explorer-count')).toContain('没有');
    await page.close();
  });

  it('reproduces a view from its URL, sorted as it was', async () => {
    const page = await open('/data/');
    await page.selectOption('#explorer-year', String(year));
    await page.click('#explorer-table th[data-sort-key="value"] button');
    await page.click('#explorer-table th[data-sort-key="value"] button');
    const url = page.url();
    expect(new URL(url).searchParams.get('dir')).toBe('desc');
    const shown = await visibleIds(page);
    const values = shown.map((id) => Number(all.rows.find((r) => r['id'] === id)?.['value']));
    expect(values).toEqual([...values].sort((a, b) => b - a));
    await page.close();

    const again = await open(new URL(url).pathname + new URL(url).search);
    expect(await visibleIds(again)).toEqual(shown);
    expect(await again.inputValue('#explorer-year')).toBe(String(year));
    expect(await again.getAttribute('#explorer-table th[data-sort-key="value"]', 'aria-sort')).toBe('descending');
    await again.close();
  });

  it('reports query values it does not know, and ignores them', async () => {
    const page = await open(`${routes('zh').data()}?indicator=no-such-indicator&year=${year}&colour=red`);
    const problems = await page.textContent('#explorer-problems');
    expect(await page.isVisible('#explorer-problems')).toBe(true);
    expect(problems).toContain('no-such-indicator');
    expect(problems).toContain('colour');
    expect(await visibleIds(page)).toEqual(
      all.rows
        .filter((r) => touches(r, year))
        .map((r) => r['id'])
        .slice(0, PAGE_SIZE),
    );
    await page.close();
  });

  it('without JavaScript: the first rows with their quote links, the count, and downloads that hold every figure', async () => {
    const noJs = await browser.newContext({ javaScriptEnabled: false });
    const page = await noJs.newPage();
    await page.goto(`${server.origin}/data/`);
    expect(await page.isVisible('#explorer')).toBe(false);
    const ids = all.rows.map((r) => r['id']);
    expect(await visibleIds(page)).toEqual(ids.slice(0, PAGE_SIZE));
    const published = all.rows.slice(0, PAGE_SIZE).find((r) => r['type'] === 'published') as Rec;
    const href = await page.getAttribute(`#row-${published['id']} .dt-quote a`, 'href');
    expect(href).toBe(routes('zh').source(String(published['source']), String(published['id'])));
    // the page says how many figures there are, and where all of them are
    expect(await page.textContent('#explorer-count')).toContain(formatValue(ids.length));
    expect(await page.locator(`.data-downloads a[href="${sharedHrefs.download(ALL_FIGURES.csv)}"]`).count()).toBe(1);
    expect(await page.locator(`.data-downloads a[href="${sharedHrefs.download(ALL_FIGURES.json)}"]`).count()).toBe(1);
    const topicLinks = await page.$$eval(`.data-downloads a[href^="${sharedHrefs.download('topics/')}"]`, (as) =>
      as.map((a) => a.getAttribute('href') ?? ''),
    );
    expect(topicLinks.length).toBeGreaterThan(1);
    const fromTopics: string[] = [];
    for (const link of topicLinks) {
      const response = await page.request.get(`${server.origin}${link}`);
      expect(response.status(), link).toBe(200);
      const parsed = Papa.parse<Rec>((await response.text()).replace(/^\uFEFF/u, ''), { header: true, skipEmptyLines: true });
      expect(parsed.errors, link).toEqual([]);
      expect(parsed.meta.fields, link).toEqual(all.columns);
      fromTopics.push(...parsed.data.map((r) => r['id'] ?? ''));
    }
    // every figure in exactly one topic file
    expect(fromTopics.sort()).toEqual([...ids].sort());
    await noJs.close();
  });

  it('draws the first rows exactly as the build did, then the rest from the figures file', async () => {
    /** each row as its elements, attributes and text, white space collapsed */
    const shape = (p: Page) =>
      p.$$eval('#explorer-table tbody tr', (trs) =>
        trs.map((tr) => {
          const out: string[] = [];
          const walk = (n: Node) => {
            if (n.nodeType === 3) {
              const t = (n.textContent ?? '').replace(/\s+/gu, ' ').trim();
              if (t) out.push(t);
            } else if (n instanceof Element) {
              out.push(
                `<${n.tagName} ${[...n.attributes]
                  .map((a) => `${a.name}=${a.value}`)
                  .sort()
                  .join(' ')}>`,
              );
              n.childNodes.forEach(walk);
            }
          };
          // text appended piece by piece is several nodes where the parser makes one
          const copy = tr.cloneNode(true);
          copy.normalize();
          walk(copy);
          return out.join('|');
        }),
      );
    const noJs = await browser.newContext({ javaScriptEnabled: false });
    const staticPage = await noJs.newPage();
    await staticPage.goto(`${server.origin}/data/`);
    const built = await shape(staticPage);
    await noJs.close();
    const page = await open('/data/');
    expect(built.length).toBe(PAGE_SIZE);
    expect(await shape(page)).toEqual(built);
    // a row far beyond the HTML, linked by its id as other pages link rows: drawn and shown
    const last = all.rows.at(-1) as Rec;
    const linked = await open(routes('zh').data(last['id']));
    await expect.poll(() => linked.locator(`#row-${last['id']}`).isVisible()).toBe(true);
    expect(await linked.textContent(`#row-${last['id']}`)).toContain(
      last['type'] === 'published' ? (last['quote'] ?? '').slice(0, 10) : '',
    );
    await linked.close();
    await page.close();
  });
});
