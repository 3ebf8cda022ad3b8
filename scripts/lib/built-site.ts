/**
 * The built site as the Node tests of dist/ read it: each page parsed once and each file read
 * once, whatever number of test files ask. The `site` project runs its files in one worker with a
 * shared module cache (vitest.config.ts), so this module's maps live for the whole run and every
 * check works on the same parse. A test that changes a document must work on a clone.
 */
import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { parseHTML } from 'linkedom';
import { fileURLToPath } from 'node:url';
import { DIST_DIR, fileForUrlPath, listHtmlPages } from './serve-dist.ts';
import { largestOfEachKind } from './page-kinds.ts';
import { readRouteList } from '../../src/lib/site/route-list.ts';

export type BuiltDocument = ReturnType<typeof parseHTML>['document'];

const texts = new Map<string, string>();
const docs = new Map<string, BuiltDocument>();

/** a file's text, read once (a stylesheet linked from 600 pages is read once, not 600 times) */
export function builtFile(file: string): string {
  let text = texts.get(file);
  if (text === undefined) {
    text = readFileSync(file, 'utf8');
    texts.set(file, text);
  }
  return text;
}

/** the file in dist/ a reader's URL path opens ("/en/data/" → dist/en/data/index.html) */
export function builtFileOf(urlPath: string, dist = DIST_DIR): string {
  const file = fileForUrlPath(dist, urlPath.startsWith('/') ? urlPath : `/${urlPath}`);
  if (!file) throw new Error(`no file in ${dist} for ${urlPath}: run npm run build first`);
  return file;
}

/** the page's HTML as served */
export function builtHtml(urlPath: string, dist = DIST_DIR): string {
  return builtFile(builtFileOf(urlPath, dist));
}

/** the page parsed (linkedom), once per run: "/timeline/", "timeline" and "timeline/" are one page */
export function builtPage(urlPath: string, dist = DIST_DIR): BuiltDocument {
  const file = builtFileOf(urlPath, dist);
  let doc = docs.get(file);
  if (!doc) {
    doc = parseHTML(builtFile(file)).document;
    docs.set(file, doc);
  }
  return doc;
}

/** a file under dist/ by its path there ("downloads/x.csv") */
export function builtAsset(path: string, dist = DIST_DIR): string {
  return builtFile(join(dist, path));
}

/** route → its pages, as the last build of `dist` recorded them (src/lib/site/route-list.ts) */
export function builtRoutes(dist = DIST_DIR): Record<string, string[]> {
  return readRouteList(fileURLToPath(new URL('../../', import.meta.url)), dist).routes;
}

/**
 * The largest page (by its file's size) of each route in each language of the build in `dist`:
 * what the browser opens of the real build, and what axe and the Nu checker take of the fixture
 * site's pages.
 */
export function largestBuiltPages(dist = DIST_DIR): string[] {
  return largestOfEachKind(listHtmlPages(dist), builtRoutes(dist), (p) => statSync(builtFileOf(p, dist)).size);
}
