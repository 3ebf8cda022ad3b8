/**
 * The two editions' addresses, the switch between them and the marking of Chinese inside
 * English text.
 */
import { describe, expect, it } from 'vitest';
import { editionPath, href, langOfParam, langOfPathname, langPaths, inEveryLang, twinPathname } from '../../src/i18n/paths.ts';
import { scriptRuns } from '../../src/lib/text/script-runs.ts';
import { twinHref } from '../../src/client/language-switch.ts';
import { editionAddress } from '../../src/client/embed-height.ts';

describe('edition paths', () => {
  it('puts the Chinese edition at the root and the English one under en/', () => {
    expect(href('zh', 'charts/x/')).toBe('/charts/x/');
    expect(href('en', 'charts/x/')).toBe('/en/charts/x/');
    expect(href('en')).toBe('/en/');
    expect(editionPath('en', 'embed/x/')).toBe('en/embed/x/');
    expect(() => href('en', '/charts/')).toThrow(/relative/u);
  });

  it('maps route parameters to languages and refuses anything else', () => {
    expect(langOfParam(undefined)).toBe('zh');
    expect(langOfParam('en')).toBe('en');
    expect(() => langOfParam('fr')).toThrow(/"fr" is not a language/u);
    expect(langPaths()).toEqual([{ params: { lang: undefined } }, { params: { lang: 'en' } }]);
    expect(inEveryLang([{ params: { id: 'a' } }])).toEqual([
      { params: { id: 'a', lang: undefined }, props: { lang: 'zh' } },
      { params: { id: 'a', lang: 'en' }, props: { lang: 'en' } },
    ]);
  });

  it('finds the same page in the other edition', () => {
    expect(twinPathname('/charts/x/', 'en')).toBe('/en/charts/x/');
    expect(twinPathname('/en/charts/x/', 'zh')).toBe('/charts/x/');
    expect(twinPathname('/', 'en')).toBe('/en/');
    expect(twinPathname('/en/', 'zh')).toBe('/');
    expect(twinPathname('/en/', 'en')).toBe('/en/');
    // a Chinese path that merely starts with the letters "en" is not English
    expect(twinPathname('/energy/', 'en')).toBe('/en/energy/');
    expect(langOfPathname('/en/data/')).toBe('en');
    expect(langOfPathname('/energy/')).toBe('zh');
  });

  it('the switch keeps the query and the fragment', () => {
    expect(twinHref('/en/data/', { search: '?year=2023', hash: '#row-x' })).toBe('/en/data/?year=2023#row-x');
    expect(twinHref('/sources/a/', { search: '', hash: '#fig-b' })).toBe('/sources/a/#fig-b');
  });

  it('an embed asked for another language loads that edition, its other parameters kept', () => {
    const editions = JSON.stringify({ zh: '/embed/x/', en: '/en/embed/x/' });
    expect(editionAddress('en', 'zh', editions, { search: '?lang=en&theme=dark', hash: '#qd-embed=abc' })).toBe(
      '/en/embed/x/?theme=dark#qd-embed=abc',
    );
    expect(editionAddress('zh', 'zh', editions, { search: '', hash: '' })).toBeUndefined();
    expect(() => editionAddress('fr', 'zh', editions, { search: '', hash: '' })).toThrow(/no edition "fr"/u);
  });
});

describe('Chinese inside English text', () => {
  it('marks each run of Chinese, with digits between Chinese characters kept in the run', () => {
    expect(scriptRuns('Growth is stated only as 正增长 (positive).')).toEqual([
      { text: 'Growth is stated only as ', zh: false },
      { text: '正增长', zh: true },
      { text: ' (positive).', zh: false },
    ]);
    expect(scriptRuns('the 《2024年青岛市招商引资行动计划》 plan').map((r) => r.zh)).toEqual([false, true, false]);
    expect(
      scriptRuns('e.g. 一季度, 1-4月份')
        .filter((r) => r.zh)
        .map((r) => r.text),
    ).toEqual(['一季度', '月份']);
    expect(scriptRuns('no Chinese here')).toEqual([{ text: 'no Chinese here', zh: false }]);
  });
});
