/**
 * The search bundle the build writes (src/lib/site/search-index.ts): one bundle at /pagefind/,
 * an index per edition's language holding exactly the pages Base.astro marks for indexing, each
 * marked with its kind; the search page itself and the explorer are not indexed. Run after
 * `npm run build`.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DIST_DIR, fileForUrlPath, listHtmlPages } from '../../scripts/lib/serve-dist.ts';
import { SEARCH_KINDS } from '../../src/lib/site/search-kinds.ts';

const entry = JSON.parse(readFileSync(join(DIST_DIR, 'pagefind', 'pagefind-entry.json'), 'utf8')) as {
  languages: Record<string, { page_count: number }>;
};
const pages = listHtmlPages(DIST_DIR).map((path) => ({ path, html: readFileSync(fileForUrlPath(DIST_DIR, path) ?? '', 'utf8') }));
const marked = pages.filter((p) => /<main[^>]*\bdata-pagefind-body/u.test(p.html));
const english = (p: { path: string }) => p.path.startsWith('/en/');

describe('the search bundle', () => {
  it('has its script and one index per edition language, holding exactly the marked pages', () => {
    expect(existsSync(join(DIST_DIR, 'pagefind', 'pagefind.js'))).toBe(true);
    expect(Object.keys(entry.languages).sort()).toEqual(['en', 'zh-cn']);
    expect(entry.languages['zh-cn']?.page_count).toBe(marked.filter((p) => !english(p)).length);
    expect(entry.languages['en']?.page_count).toBe(marked.filter(english).length);
  });

  it('marks each indexed page with a kind, and leaves the search page and the explorer out', () => {
    for (const p of marked) {
      const kind = /data-pagefind-meta="kind:([a-z]+)"/u.exec(p.html)?.[1];
      expect(SEARCH_KINDS as readonly string[], p.path).toContain(kind);
    }
    const paths = new Set(marked.map((p) => p.path));
    for (const p of ['/search/', '/en/search/', '/data/', '/en/data/']) expect(paths.has(p), p).toBe(false);
    for (const p of ['/', '/en/', '/glossary/', '/en/glossary/', '/charts/series-fdi-actual/', '/en/sources/hkcd-2021-02-01/'])
      expect(paths.has(p), p).toBe(true);
  });
});
