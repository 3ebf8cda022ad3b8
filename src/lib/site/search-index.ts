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
import { readdirSync, rmSync } from 'node:fs';
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

/** The languages a written bundle holds an index for: pagefind.zh-cn_<hash>.pf_meta → zh-cn. */
export function searchLanguages(bundleDir: string): string[] {
  return readdirSync(bundleDir)
    .map((name) => /^pagefind\.([a-z-]+)_[0-9a-f]+\.pf_meta$/u.exec(name)?.[1])
    .filter((l): l is string => Boolean(l))
    .sort();
}

export async function writeSearchIndex(distDir: string): Promise<{ pages: number; languages: string[] }> {
  const { index, errors } = await createIndex({ rootSelector: 'html' });
  if (!index || errors.length > 0) throw new Error(`site search: Pagefind could not start:\n${errors.join('\n')}`);
  try {
    const added = await index.addDirectory({ path: distDir, glob: '**/*.html' });
    if (added.errors.length > 0) throw new Error(`site search: Pagefind could not index dist/:\n${added.errors.join('\n')}`);
    if (added.page_count === 0)
      throw new Error('site search: no page carries data-pagefind-body; is Base.astro still marking indexed pages?');
    const written = await index.writeFiles({ outputPath: join(distDir, SEARCH_BUNDLE_DIR) });
    if (written.errors.length > 0)
      throw new Error(`site search: Pagefind could not write dist/${SEARCH_BUNDLE_DIR}/:\n${written.errors.join('\n')}`);
    const bundle = join(distDir, SEARCH_BUNDLE_DIR);
    for (const name of readdirSync(bundle)) if (UNUSED_BUNDLE_FILE.test(name)) rmSync(join(bundle, name));
    const languages = searchLanguages(bundle);
    return { pages: added.page_count, languages };
  } finally {
    await close();
  }
}

export function siteSearch(): AstroIntegration {
  return {
    name: 'site-search',
    hooks: {
      'astro:build:done': async ({ dir, logger }) => {
        const { pages, languages } = await writeSearchIndex(fileURLToPath(dir));
        logger.info(`indexed ${pages} pages for search (languages: ${languages.join(', ')}) into /${SEARCH_BUNDLE_DIR}/`);
      },
    },
  };
}
