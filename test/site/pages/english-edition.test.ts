/**
 * The English edition mirrors the Chinese one: every built page has its twin at the same path
 * under /en/ (and the reverse), each names the other as its hreflang alternate and links to it
 * from the language switch, and an English page shows no Chinese outside an element marked
 * lang="zh" (a quote, a document title, a term the sources use). Each chart's images and rows
 * exist in both languages, with the same column names. Run after `npm run build`.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { DIST_DIR, listHtmlPages } from '../../../scripts/lib/serve-dist.ts';
import { builtPage } from '../../../scripts/lib/built-site.ts';
import { chineseOutsideZh } from '../../../scripts/lib/edition-text.ts';
import { CHARTS } from '../../../src/charts/index.ts';
import { chartPaths } from '../../../src/lib/chart/chart-files.ts';
import { htmlLang } from '../../../src/i18n/index.ts';
import { langOfPathname, twinPathname } from '../../../src/lib/site/routes.ts';

const pages = listHtmlPages().filter((p) => !/^\/404(\.html|\/)$/u.test(p));
const english = pages.filter((p) => langOfPathname(p) === 'en');
const chinese = pages.filter((p) => !english.includes(p));
const twinOf = (p: string) => twinPathname(p, langOfPathname(p) === 'en' ? 'zh' : 'en');

describe('the English edition', () => {
  it('every Chinese page has its English twin at the same path under /en/, and the reverse', () => {
    expect(chinese.length).toBeGreaterThan(100);
    expect(chinese.filter((p) => !pages.includes(twinOf(p)))).toEqual([]);
    expect(english.filter((p) => !pages.includes(twinOf(p)))).toEqual([]);
    expect(english.length).toBe(chinese.length);
  });

  // one test a page: each has its own time budget on a loaded machine, and a failure names its page
  it.each(pages)('%s says its language, names its twin as the hreflang alternate and links to it from the language switch', (p) => {
    const faults: string[] = [];
    const document = builtPage(p);
    const lang = htmlLang[langOfPathname(p)];
    if (document.documentElement.getAttribute('lang') !== lang)
      faults.push(`<html lang="${document.documentElement.getAttribute('lang')}">`);
    if (!p.includes('/embed/')) {
      const alt = (l: string) => document.querySelector(`link[rel="alternate"][hreflang="${l}"]`)?.getAttribute('href') ?? '';
      const zhPath = twinPathname(p, 'zh');
      const enPath = twinPathname(p, 'en');
      if (new URL(alt('zh-CN')).pathname !== zhPath) faults.push(`hreflang zh-CN → ${alt('zh-CN')}`);
      if (new URL(alt('en')).pathname !== enPath) faults.push(`hreflang en → ${alt('en')}`);
      if (new URL(alt('x-default')).pathname !== zhPath) faults.push(`x-default → ${alt('x-default')}`);
      const sw = [...document.querySelectorAll('a[data-lang-switch]')].map((a) => a.getAttribute('href'));
      if (sw.length !== 1 || sw[0] !== twinOf(p)) faults.push(`language switch → ${sw.join(', ')}`);
    }
    expect(faults).toEqual([]);
  });

  it.each(english)('%s shows no Chinese outside elements marked lang="zh"', (p) => {
    const faults = chineseOutsideZh(builtPage(p) as unknown as Document).map((f) => `${f.where}: “${f.text}”`);
    expect(faults.slice(0, 30)).toEqual([]);
  });

  it('the check finds Chinese that is not marked, and accepts it when it is', () => {
    expect(chineseOutsideZh('<html lang="en"><body><p>Growth is 正增长.</p></body></html>')).toHaveLength(1);
    expect(chineseOutsideZh('<html lang="en"><body><p title="来源">x</p></body></html>')).toHaveLength(1);
    expect(chineseOutsideZh('<html lang="en"><body><p>Source：x</p></body></html>')).toHaveLength(1);
    expect(chineseOutsideZh('<html lang="en"><body><p>Growth is <span lang="zh-CN">正增长</span>.</p></body></html>')).toEqual([]);
  });

  it("every chart's images and rows exist in both editions, the rows with the same column names", () => {
    for (const c of CHARTS) {
      const zh = chartPaths(c.id, 'zh');
      const en = chartPaths(c.id, 'en');
      for (const f of ['svg', 'pngWide', 'pngPhone', 'csv'] as const) {
        expect(existsSync(join(DIST_DIR, en[f])), `${en[f]}`).toBe(true);
        expect(existsSync(join(DIST_DIR, zh[f])), `${zh[f]}`).toBe(true);
      }
      const head = (path: string) => Papa.parse<string[]>(readFileSync(join(DIST_DIR, path), 'utf8').replace(/^\uFEFF/u, '')).data[0];
      expect(head(en.csv)).toEqual(head(zh.csv));
      const svg = readFileSync(join(DIST_DIR, en.svg), 'utf8');
      expect(svg, `${en.svg} is drawn in English`).toMatch(/lang="en"|Source/u);
    }
  });
});
