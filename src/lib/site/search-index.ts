/**
 * The Astro integration that builds the site search: after `astro build` has written dist/,
 * Pagefind (the npm package, through its Node API) reads the built pages and writes one bundle
 * to dist/pagefind/. Pagefind keeps an index per page language (from `<html lang>`), so a
 * reader of the Chinese edition searches Chinese pages and a reader of the English one English
 * pages; the extended binary the npm package ships segments Chinese into words when indexing.
 *
 * Only pages whose `<main>` carries `data-pagefind-body` are indexed (Base.astro sets it from
 * the page's kind, src/lib/site/search-kinds.ts); the explorer, embeds and downloads are not
 * pages a search should land on. A page that Pagefind rejects stops the build.
 */
import { fileURLToPath } from 'node:url';
import { readdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import type { AstroIntegration } from 'astro';
import { close, createIndex } from 'pagefind';

/** The folder under dist/ the bundle is written to: the search page loads `/pagefind/pagefind.js`. */
export const SEARCH_BUNDLE_DIR = 'pagefind';

/**
 * Pagefind's ready-made interfaces, which it writes beside its API: the search page drives the API
 * (pagefind.js) itself, so these are never loaded, and they would publish files naming hosts of
 * Pagefind's own (its credits and bug trackers) that a release build may not name.
 */
const UNUSED_BUNDLE_FILE = /^pagefind-(?:component-ui|modular-ui|ui)\.(?:js|css)$|^pagefind-highlight\.js$/u;

/** The pages indexed per language, as the written bundle's pagefind-entry.json counts them. */
export function searchLanguages(bundleDir: string): Record<string, number> {
  const entry = JSON.parse(readFileSync(join(bundleDir, 'pagefind-entry.json'), 'utf8')) as {
    languages: Record<string, { page_count: number }>;
  };
  return Object.fromEntries(Object.entries(entry.languages).map(([lang, l]) => [lang, l.page_count]));
}

export async function writeSearchIndex(distDir: string): Promise<Record<string, number>> {
  const { index, errors } = await createIndex({ rootSelector: 'html' });
  if (!index || errors.length > 0) throw new Error(`site search: Pagefind could not start:\n${errors.join('\n')}`);
  try {
    const added = await index.addDirectory({ path: distDir, glob: '**/*.html' });
    if (added.errors.length > 0) throw new Error(`site search: Pagefind could not index dist/:\n${added.errors.join('\n')}`);
    const written = await index.writeFiles({ outputPath: join(distDir, SEARCH_BUNDLE_DIR) });
    if (written.errors.length > 0)
      throw new Error(`site search: Pagefind could not write dist/${SEARCH_BUNDLE_DIR}/:\n${written.errors.join('\n')}`);
    const bundle = join(distDir, SEARCH_BUNDLE_DIR);
    for (const name of readdirSync(bundle)) if (UNUSED_BUNDLE_FILE.test(name)) rmSync(join(bundle, name));
    const perLanguage = searchLanguages(bundle);
    if (Object.values(perLanguage).every((n) => n === 0))
      throw new Error('site search: no page carries data-pagefind-body; is Base.astro still marking the pages to index?');
    return perLanguage;
  } finally {
    await close();
  }
}

export function siteSearch(): AstroIntegration {
  return {
    name: 'site-search',
    hooks: {
      'astro:build:done': async ({ dir, logger }) => {
        const perLanguage = await writeSearchIndex(fileURLToPath(dir));
        const counts = Object.entries(perLanguage).map(([lang, n]) => `${n} ${lang}`);
        logger.info(`search index in /${SEARCH_BUNDLE_DIR}/: ${counts.join(', ')} pages`);
      },
    },
  };
}
