/**
 * The Chinese copy desk refuses each rule's fault on a small invented page, and accepts the
 * same text once it is marked (lang="en", a quotation, <cite>, <code>) or written as Chinese
 * pages write it. The English edition's twin check (Chinese outside lang="zh") is shown
 * failing the same way.
 */
import { describe, expect, it } from 'vitest';
import { chineseCopyFaults, copyDeskFaults, type CopyRule } from '../../scripts/lib/copy-desk.ts';
import { chineseOutsideZh } from '../../scripts/lib/edition-text.ts';

const opts = { latinPublishers: ['China Daily'] };
const page = (body: string) => `<!doctype html><html lang="zh-CN"><head><title>青岛招商六年</title></head><body>${body}</body></html>`;
const rules = (body: string): CopyRule[] => chineseCopyFaults(page(body), opts).map((f) => f.rule);

describe('the Chinese copy desk', () => {
  const cases: [CopyRule, string, string][] = [
    ['english-unit', '<p>全国约1.5 trillion yuan。</p>', '<p>全国约1.5万亿元。</p>'],
    ['english-unit', '<p>总额41,000 billion yuan。</p>', '<p>总额41万亿元。</p>'],
    ['shi-yi', '<p>货物进出口911.72十亿元。</p>', '<p>货物进出口9117.2亿元。</p>'],
    ['shi-yi', '<p>出口60.55十亿美元。</p>', '<p>出口605.5亿美元。</p>'],
    ['latin-publisher', '<p>来源：China Daily</p>', '<p>来源：中国日报</p>'],
    ['half-width', '<p>青岛(全市)增长4.6%,高于全省。</p>', '<p>青岛（全市）增长4.6%，高于全省。</p>'],
    ['build-words', '<p>与数字矛盾的判断会让网站无法生成。</p>', '<p>与数字矛盾的判断不会发布。</p>'],
    ['build-words', '<p>年份为推断（见sources.csv）。</p>', '<p>年份为推断（见来源页）。</p>'],
    ['build-words', '<p>详见README。</p>', '<p>详见方法说明。</p>'],
    ['build-words', '<p>本站构建时不联网，没有检索原文网址。</p>', '<p>本站也没有另行检索原文网址。</p>'],
    ['build-words', '<p>限定词由exact改为at-least。</p>', '<p>原为150个，现为150个以上。</p>'],
    [
      'title-outside-cite',
      '<p>出自青岛日报《全市高水平开放暨高质量招商引资大会召开》。</p>',
      '<p>出自<cite>青岛日报《全市高水平开放暨高质量招商引资大会召开》</cite>。</p>',
    ],
    [
      'unmarked-english',
      '<p>原文为The first eleven months of this year。</p>',
      '<p>原文为<span lang="en">The first eleven months of this year</span>。</p>',
    ],
  ];
  it.each(cases)('refuses %s: %s', (rule, bad, good) => {
    expect(rules(bad)).toContain(rule);
    expect(rules(good)).toEqual([]);
  });

  it('reads what a reader hears: aria-label, alt and the page description', () => {
    expect(rules('<a aria-label="约1.5 trillion yuan" href="#">x</a>')).toEqual(['english-unit']);
    expect(rules('<img alt="来源：China Daily" src="x.png">')).toEqual(['latin-publisher']);
  });

  it('leaves quotations, cited titles, code and English marked as such alone', () => {
    expect(rules('<q>实际利用外资29.4亿美元,实现正增长</q>')).toEqual([]);
    expect(rules('<blockquote>911.72 billion yuan</blockquote>')).toEqual([]);
    expect(rules('<p>下载<code>figures.csv</code></p>')).toEqual([]);
    expect(rules('<p>来源：<span lang="en">China Daily (Shandong)</span></p>')).toEqual([]);
  });

  it('lets a source title stay as published in a <select> option, and in 《》 anywhere', () => {
    expect(rules('<select><option>青岛市“双招双引”(2.0版)攻势上半年工作情况</option></select>')).toEqual([]);
    expect(rules('<p>出自<cite>《青岛市“双招双引”(2.0版)攻势上半年工作情况》</cite>，原文未署名。</p>')).toEqual([]);
    expect(rules('<p>原文标题为<cite>《“双招双引”(2.0版)》</cite>(见来源页)</p>')).toContain('half-width');
  });

  it('names where each fault is', () => {
    const [f] = chineseCopyFaults(page('<main id="main"><p class="x">约1.5 trillion yuan</p></main>'), opts);
    expect(f?.where).toBe('body > main#main > p.x');
    expect(f?.text).toContain('trillion');
  });
});

describe('the copy desk of each edition', () => {
  it('reads a page by the desk of its <html lang>, and refuses a page in neither language', () => {
    const body = '<p>全国约1.5 trillion yuan。</p>';
    expect(copyDeskFaults(page(body), opts).map((f) => f.rule)).toEqual(['english-unit']);
    expect(copyDeskFaults(`<html lang="en"><body>${body}</body></html>`, opts).map((f) => f.rule)).toEqual(['chinese-outside-zh']);
    expect(copyDeskFaults('<html lang="en"><body><p>About 1.5 trillion yuan.</p></body></html>', opts)).toEqual([]);
    expect(() => copyDeskFaults(`<html><body>${body}</body></html>`, opts)).toThrow(/language/u);
  });
});

describe('the English copy desk', () => {
  it('refuses untranslated Chinese outside lang="zh", and accepts it marked', () => {
    expect(chineseOutsideZh('<html lang="en"><body><p>The 2024 conference (大会) set targets.</p></body></html>')).toHaveLength(1);
    expect(
      chineseOutsideZh('<html lang="en"><body><p>The 2024 conference (<span lang="zh-CN">大会</span>) set targets.</p></body></html>'),
    ).toEqual([]);
  });
});
