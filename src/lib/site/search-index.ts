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
import { readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { AstroIntegration } from 'astro';
import { close, createIndex } from 'pagefind';

/** The folder under dist/ the bundle is written to: the search page loads `/pagefind/pagefind.js`. */
export const SEARCH_BUNDLE_DIR = 'pagefind';

/** The pages indexed per language, as the written bundle's pagefind-entry.json counts them. */
export function searchLanguages(bundleDir: string): Record<string, number> {
  const entry = JSON.parse(readFileSync(join(bundleDir, 'pagefind-entry.json'), 'utf8')) as {
    languages: Record<string, { page_count: number }>;
  };
  return Object.fromEntries(Object.entries(entry.languages).map(([lang, l]) => [lang, l.page_count]));
}

/** Pagefind's ready-made interfaces; the search page uses its JavaScript API alone (src/client/site-search.ts). */
const UNUSED_UI = /^pagefind-(ui|modular-ui|component-ui)\.(js|css)$|^pagefind-highlight\.js$/u;

/**
 * Pagefind's script resolves result addresses against a dummy base, new URL(`https://example.com${path}`),
 * and strips it again. The base is never requested, but a release must name no domain that is not
 * the site's (scripts/lib/release-scan.ts): it becomes pagefind.invalid, a name RFC 6761 reserves
 * never to resolve. If Pagefind changes how it does this, the build stops here rather than ship it.
 */
export function tidyBundle(bundleDir: string): void {
  for (const name of readdirSync(bundleDir)) {
    if (UNUSED_UI.test(name)) rmSync(join(bundleDir, name));
    if (name !== 'pagefind.js' && name !== 'pagefind-worker.js') continue;
    const file = join(bundleDir, name);
    const text = readFileSync(file, 'utf8')
      .replaceAll('new URL(`https://example.com${', 'new URL(`https://pagefind.invalid${')
      .replaceAll('/^https:\\/\\/example.com/', '/^https:\\/\\/pagefind.invalid/');
    if (text.includes('example.com'))
      throw new Error(`site search: ${file} names example.com other than as the dummy base this build rewrites; see tidyBundle`);
    writeFileSync(file, text);
  }
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
    tidyBundle(join(distDir, SEARCH_BUNDLE_DIR));
    const perLanguage = searchLanguages(join(distDir, SEARCH_BUNDLE_DIR));
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
