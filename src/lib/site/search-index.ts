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
 *
 * Each edition is indexed by its own run of the indexer, one after the other, and the runs'
 * files put together in one bundle: the indexer holds every page it has read until it writes,
 * and an index is per language anyway, so two runs write the same files as one run over the
 * whole site (the build with 20,000 generated figures compares them) with the indexer needing
 * about two thirds of the memory (1.27 instead of 1.85 GB there, beside the build's own).
 */
import { fileURLToPath } from 'node:url';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative } from 'node:path';
import type { AstroIntegration } from 'astro';
import { close, createIndex } from 'pagefind';
import { LANGS } from '../../i18n/index.ts';
import { editionPath } from '../../i18n/paths.ts';
import { searchKindOf } from './search-kinds.ts';

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

/** A file or folder name as a literal in a Pagefind glob. */
const globLiteral = (name: string) => name.replace(/[\\{}[\]*?,!<>()]/gu, (c) => `\\${c}`);

/** A built file's page path inside its edition, as searchKindOf reads it: charts/x/index.html → charts/x/. */
const pagePath = (file: string) => file.replace(/(^|\/)index\.html$/u, '$1');

/**
 * The glob of each edition's pages inside dist/, one for each edition with a page to index: the
 * files and folders of the edition's own folder (en/; the root for the edition at the root,
 * other editions and the bundle left out) that hold a page of a kind the search indexes
 * (src/lib/site/search-kinds.ts). The rest (the embeds, the explorer, downloads) hold no such
 * page, so Pagefind, which indexes only pages marked for it, would read them for nothing.
 */
export function editionGlobs(distDir: string): string[] {
  const folders = LANGS.map((lang) => editionPath(lang).replace(/\/$/u, ''));
  return folders.flatMap((folder) => {
    const root = join(distDir, folder);
    const names = readdirSync(root).filter((name) => folder !== '' || (!folders.includes(name) && name !== SEARCH_BUNDLE_DIR));
    const globs = names.flatMap((name) => {
      const isFolder = statSync(join(root, name)).isDirectory();
      const files = isFolder ? filesBelow(join(root, name)).map((file) => `${name}/${file}`) : [name];
      if (!files.some((file) => file.endsWith('.html') && searchKindOf(pagePath(file)) !== undefined)) return [];
      return [isFolder ? `${globLiteral(name)}/**/*.html` : globLiteral(name)];
    });
    return globs.length === 0 ? [] : [`${folder === '' ? '' : `${globLiteral(folder)}/`}{${globs.join(',')}}`];
  });
}

/** Indexes the pages `glob` picks out of `distDir` into `outputPath`, in a run of its own. */
async function indexRun(distDir: string, glob: string, outputPath: string): Promise<void> {
  const { index, errors } = await createIndex({ rootSelector: 'html' });
  try {
    if (!index || errors.length > 0) throw new Error(`site search: Pagefind could not start:\n${errors.join('\n')}`);
    const added = await index.addDirectory({ path: distDir, glob });
    if (added.errors.length > 0) throw new Error(`site search: Pagefind could not index dist/ (${glob}):\n${added.errors.join('\n')}`);
    const written = await index.writeFiles({ outputPath });
    if (written.errors.length > 0)
      throw new Error(`site search: Pagefind could not write the bundle of ${glob}:\n${written.errors.join('\n')}`);
  } finally {
    // the indexer ends with its run, and its memory with it
    await close();
  }
}

/** Every file below `dir`, as paths relative to it. */
function filesBelow(dir: string, under = dir): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? filesBelow(join(dir, e.name), under) : [relative(under, join(dir, e.name))],
  );
}

/**
 * Puts one run's bundle into `bundle`: its languages' files are its own; the files every run
 * writes (the script, the worker, the shared wasm) must come out the same from each run, and
 * the entry file lists the languages of all runs, in the order Pagefind writes them.
 */
function mergeRun(run: string, bundle: string): void {
  const ENTRY = 'pagefind-entry.json';
  type Entry = { languages: Record<string, unknown> };
  const entry = JSON.parse(readFileSync(join(run, ENTRY), 'utf8')) as Entry;
  const target = join(bundle, ENTRY);
  if (existsSync(target)) {
    const before = JSON.parse(readFileSync(target, 'utf8')) as Entry;
    for (const lang of Object.keys(entry.languages))
      if (lang in before.languages) throw new Error(`site search: pages in "${lang}" were found in two editions' folders`);
    const languages = { ...before.languages, ...entry.languages };
    entry.languages = Object.fromEntries(
      Object.keys(languages)
        .sort()
        .map((lang) => [lang, languages[lang]]),
    );
  }
  for (const file of filesBelow(run)) {
    if (file === ENTRY) continue;
    const to = join(bundle, file);
    if (existsSync(to)) {
      if (!readFileSync(to).equals(readFileSync(join(run, file))))
        throw new Error(`site search: two runs of Pagefind wrote different ${SEARCH_BUNDLE_DIR}/${file}`);
      continue;
    }
    mkdirSync(dirname(to), { recursive: true });
    cpSync(join(run, file), to);
  }
  writeFileSync(target, JSON.stringify(entry));
}

export async function writeSearchIndex(distDir: string): Promise<Record<string, number>> {
  const bundle = join(distDir, SEARCH_BUNDLE_DIR);
  rmSync(bundle, { recursive: true, force: true });
  mkdirSync(bundle);
  const globs = editionGlobs(distDir);
  if (globs.length === 0) throw new Error('site search: dist/ holds no page of a kind the search indexes (src/lib/site/search-kinds.ts)');
  const runs = mkdtempSync(join(tmpdir(), 'qd-search-'));
  try {
    for (const [i, glob] of globs.entries()) {
      const run = join(runs, String(i));
      await indexRun(distDir, glob, run);
      mergeRun(run, bundle);
    }
  } finally {
    rmSync(runs, { recursive: true, force: true });
  }
  for (const name of readdirSync(bundle)) if (UNUSED_BUNDLE_FILE.test(name)) rmSync(join(bundle, name));
  const perLanguage = searchLanguages(bundle);
  if (Object.values(perLanguage).every((n) => n === 0))
    throw new Error('site search: no page carries data-pagefind-body; is Base.astro still marking the pages to index?');
  return perLanguage;
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
