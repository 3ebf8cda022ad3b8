import { describe, expect, it } from 'vitest';
import { kindOf, largestOfEachKind, pagesOfEachKind, sampleOfEachKind, splitLang } from '../../scripts/lib/page-kinds.ts';
import { routes } from '../../src/lib/site/routes.ts';
import { pagesByRoute } from '../../src/lib/site/route-list.ts';
import { LANGS } from '../../src/i18n/index.ts';

const both = (make: (lang: 'zh' | 'en') => string) => LANGS.map(make);
/** a route list as Astro's astro:build:done gives it: route → output files */
const built = pagesByRoute({
  dir: new URL('file:///site/dist/'),
  assets: new Map(
    Object.entries({
      '/[...lang]': both((l) => routes(l).story()),
      '/[...lang]/timeline': both((l) => routes(l).timeline()),
      '/[...lang]/data': both((l) => routes(l).data()),
      '/[...lang]/data/cite': both((l) => routes(l).cite()),
      '/[...lang]/charts/[id]': ['a', 'b'].flatMap((id) => both((l) => routes(l).chart(id))),
      '/[...lang]/events/[id]': Array.from({ length: 10 }, (_, i) => both((l) => routes(l).event(`e${i}`))).flat(),
      '/[...lang]/charts/[id].csv': ['a', 'b'].flatMap((id) => both((l) => routes(l).chartCsv(id))),
    }).map(([route, paths]) => [route, paths.map((p) => new URL(`.${p}${p.endsWith('/') ? 'index.html' : ''}`, 'file:///site/dist/'))]),
  ),
});
const all = Object.values(built).flat().sort();

describe('page kinds', () => {
  it('reads the pages of each route from Astro’s list, HTML pages only', () => {
    expect(built['/[...lang]/events/[id]']).toHaveLength(20);
    expect(built['/[...lang]/charts/[id].csv']).toBeUndefined();
    expect(built['/[...lang]']).toEqual(['/', '/en/']);
  });
  it('gives a page its route and its language; a page of no route is a kind of its own', () => {
    expect(kindOf('/events/e3/', built)).toEqual({ template: '/[...lang]/events/[id]', lang: 'zh' });
    expect(kindOf('/en/events/e3/', built)).toEqual({ template: '/[...lang]/events/[id]', lang: 'en' });
    // two charts are still a route, however few (no guess from the number of siblings)
    expect(kindOf('/charts/b/', built)).toEqual({ template: '/[...lang]/charts/[id]', lang: 'zh' });
    expect(kindOf('/en/data/cite/', built)).toEqual({ template: '/[...lang]/data/cite', lang: 'en' });
    expect(kindOf('/404.html', built)).toEqual({ template: '/404.html', lang: 'zh' });
    expect(splitLang('/english/')).toEqual({ lang: 'zh', rest: '/english/' });
  });
  it('takes one page of each kind, in each language', () => {
    const one = pagesOfEachKind(all, built);
    expect(one).toHaveLength(2 * 6);
    expect(one.filter((p) => p.includes('/events/'))).toEqual(['/en/events/e0/', '/events/e0/']);
  });
  it('samples first, middle and last of a route in each language, and every page of a smaller one', () => {
    const sample = sampleOfEachKind(all, built, 3);
    expect(sample.filter((p) => p.startsWith('/events/'))).toEqual(['/events/e0/', '/events/e5/', '/events/e9/']);
    expect(sample.filter((p) => p.startsWith('/en/events/'))).toEqual(['/en/events/e0/', '/en/events/e5/', '/en/events/e9/']);
    expect(sample.filter((p) => p.startsWith('/charts/'))).toEqual(['/charts/a/', '/charts/b/']);
    expect(sample).toHaveLength(2 * (1 + 1 + 1 + 1 + 2 + 3));
  });
  it('takes the largest page of each kind, in each language, and the first where sizes are equal', () => {
    const size = (p: string) => (p.endsWith('/e7/') ? 10 : p.endsWith('/e2/') ? 5 : 1);
    const largest = largestOfEachKind(all, built, size);
    expect(largest).toHaveLength(2 * 6);
    expect(largest.filter((p) => p.includes('/events/'))).toEqual(['/en/events/e7/', '/events/e7/']);
    expect(largest.filter((p) => p.includes('/charts/'))).toEqual(['/charts/a/', '/en/charts/a/']);
  });
});
