import { describe, expect, it } from 'vitest';
import { kindOf, pagesOfEachKind, sampleOfEachKind, splitLang } from '../../scripts/lib/page-kinds.ts';
import { routes } from '../../src/lib/site/routes.ts';

const events = Array.from({ length: 10 }, (_, i) => routes('zh').event(`e${i}`));
const zh = [
  '/',
  '/timeline/',
  '/data/',
  '/data/cite/',
  '/data/dictionary/',
  '/charts/',
  '/charts/a/',
  '/charts/b/',
  '/charts/c/',
  '/charts/d/',
  ...events,
];
/** the English mirror: the same templates under /en/ */
const en = zh.map((p) => `/en${p}`);
const all = [...zh, ...en];

describe('page kinds', () => {
  it('groups a folder of four or more pages as one template, and leaves small groups alone', () => {
    expect(kindOf('/events/e3/', zh)).toEqual({ template: '/events/[id]/', lang: 'zh' });
    expect(kindOf('/charts/b/', zh)).toEqual({ template: '/charts/[id]/', lang: 'zh' });
    expect(kindOf('/data/cite/', zh)).toEqual({ template: '/data/cite/', lang: 'zh' });
    expect(kindOf('/', zh)).toEqual({ template: '/', lang: 'zh' });
  });
  it('reads a page under /en/ as the English kind of the same template', () => {
    expect(splitLang('/en/data/cite/')).toEqual({ lang: 'en', rest: '/data/cite/' });
    expect(splitLang('/en/')).toEqual({ lang: 'en', rest: '/' });
    expect(splitLang('/english/')).toEqual({ lang: 'zh', rest: '/english/' });
    expect(kindOf('/en/events/e3/', all)).toEqual({ template: '/events/[id]/', lang: 'en' });
    expect(kindOf('/en/', all)).toEqual({ template: '/', lang: 'en' });
    // the English top-level pages are many siblings in /en/, but each is a template of its own
    expect(kindOf('/en/timeline/', all)).toEqual({ template: '/timeline/', lang: 'en' });
    expect(kindOf('/en/data/', all)).toEqual({ template: '/data/', lang: 'en' });
  });
  it('takes one page of each kind, in each language', () => {
    const zhKinds = ['/', '/timeline/', '/data/', '/data/cite/', '/data/dictionary/', '/charts/', '/charts/a/', '/events/e0/'];
    expect(pagesOfEachKind(zh)).toEqual(zhKinds);
    expect(pagesOfEachKind(all)).toEqual([...zhKinds, ...zhKinds.map((p) => `/en${p}`)]);
  });
  it('samples first, middle and last of a route in each language, and every page of its own', () => {
    const sample = sampleOfEachKind(all, 3);
    expect(sample.filter((p) => p.startsWith('/events/'))).toEqual(['/events/e0/', '/events/e5/', '/events/e9/']);
    expect(sample.filter((p) => p.startsWith('/en/events/'))).toEqual(['/en/events/e0/', '/en/events/e5/', '/en/events/e9/']);
    expect(sample).toContain('/data/cite/');
    expect(sample).toContain('/en/data/cite/');
    expect(sample).toContain('/en/timeline/');
    expect(sample.filter((p) => p.startsWith('/charts/'))).toEqual(['/charts/', '/charts/a/', '/charts/c/', '/charts/d/']);
    expect(sample.filter((p) => p.startsWith('/en/charts/'))).toEqual(['/en/charts/', '/en/charts/a/', '/en/charts/c/', '/en/charts/d/']);
    expect(sample).toHaveLength(2 * (6 + 3 + 3));
  });
});
