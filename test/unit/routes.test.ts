/**
 * The routes module makes every internal page path, and nothing else in the tree builds one:
 * a template string that joins a page folder ("sources/", "charts/", "events/"…) to an
 * interpolated value outside src/lib/site/routes.ts fails this test with its file and line.
 * File-system paths (a folder variable such as `${dataDir}` or `${DIST}` before the segment,
 * or "src/" and "data/" before it) are not page paths.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { langOfPathname, pagePaths, routes, sharedHrefs, sitePaths, twinPathname } from '../../src/lib/site/routes.ts';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const ROUTES_FILE = 'src/lib/site/routes.ts';
/** this file's own examples of what the check refuses */
const THIS_FILE = 'test/unit/routes.test.ts';

/** the first folder of every page kind, read from the routes table itself */
const SEGMENTS = [...new Set(Object.values(pagePaths).map((make) => (make as (...a: string[]) => string)('x', 'y', 'svg').split('/')[0]))]
  .filter((s): s is string => s !== undefined && s !== '' && !s.startsWith('#'))
  .concat(['downloads', 'en']);

/** a page folder at the start of a path: after the literal's start, a slash, or an interpolation */
const SEGMENT_AT = new RegExp(`(?<=^\`|/|\\})(?:${SEGMENTS.join('|')})/`, 'gu');
/** interpolations that hold a folder on disk or a non-page prefix, so what follows is no page path */
const NOT_A_PAGE_ROOT = /\$\{\w*(?:Dir|DIR|DIST|dist|ROOT|TAG)\}\/?$/u;
/** repository folders, not site folders: src/charts/, data/sources/ */
const REPO_FOLDER = /(?:^`|[^\w])(?:src|data|test|scripts)\/$/u;
/** the repository's own data/ folder named in text, not the /data/ page */
const REPO_DATA = /^`data\/\$\{TABLES\[/u;

/** the template literals of a source text, with the line each starts on */
export function templateLiterals(text: string): { line: number; body: string }[] {
  const out: { line: number; body: string }[] = [];
  const re = /`(?:\\.|[^`\\])*`/gu;
  for (const m of text.matchAll(re)) out.push({ line: text.slice(0, m.index).split('\n').length, body: m[0] });
  return out;
}

/** "file:line: template" for each template literal that builds a page path */
export function handBuiltPaths(file: string, text: string): string[] {
  return templateLiterals(text)
    .filter(({ body }) => !REPO_DATA.test(body) && [...body.matchAll(SEGMENT_AT)].some((m) => builds(body, m.index)))
    .map(({ line, body }) => `${file}:${line}: ${body.slice(0, 120)}`);
}

/** whether the page folder at `at` is joined to a value: a root before it or an id after it */
function builds(body: string, at: number): boolean {
  const before = body.slice(0, at);
  if (NOT_A_PAGE_ROOT.test(before) || REPO_FOLDER.test(before)) return false;
  if (before.endsWith('}')) return true;
  // a value in the same path after the folder: sources/${id}/, data/#row-${id}
  const path = /^[^\s"'`]*/u.exec(body.slice(at))?.[0] ?? '';
  return path.includes('${');
}

const tracked = execFileSync('git', ['ls-files', 'src', 'scripts', 'bench', 'test'], { cwd: ROOT, encoding: 'utf8' })
  .split('\n')
  .filter((f) => /\.(ts|astro|mjs)$/u.test(f) && f !== ROUTES_FILE && f !== THIS_FILE && !f.startsWith('test/fixtures/'));

describe('routes', () => {
  it('makes each page kind in both editions, with the base URL for links and without for files', () => {
    expect(routes('zh').source('s1', 'f1')).toBe('/sources/s1/#fig-f1');
    expect(routes('en').source('s1')).toBe('/en/sources/s1/');
    expect(routes('en').story()).toBe('/en/');
    expect(routes('zh').data('f1')).toBe('/data/#row-f1');
    expect(routes('en').indicator('i', 'f')).toBe('/en/indicators/i/#f-f');
    expect(routes('zh').promises('p1')).toBe('/promises/#p-p1');
    expect(routes('en').correctionsFeed()).toBe('/en/corrections/feed.xml');
    expect(sitePaths('en').chart('c')).toBe('en/charts/c/');
    expect(sitePaths('zh').embed('c')).toBe('embed/c/');
    expect(sitePaths('en').chartImage('c', '-1080', 'png')).toBe('en/charts/c/c-1080.png');
    expect(pagePaths.reconciliation('k')).toBe('reconciliation/#k');
    expect(sharedHrefs.sourceText('s1')).toBe('/sources/s1/raw.txt');
  });

  it('reads the language of an address from the same table', () => {
    expect(langOfPathname(routes('en').dictionary())).toBe('en');
    expect(langOfPathname(routes('zh').dictionary())).toBe('zh');
    expect(langOfPathname('/en')).toBe('en');
    expect(langOfPathname('/energy/')).toBe('zh');
    expect(twinPathname(routes('zh').event('e'), 'en')).toBe(routes('en').event('e'));
  });

  it('finds a page path built by hand, and leaves file-system paths alone', () => {
    const bad = [
      'const a = `${root}sources/${id}/`;',
      'const b = `/events/${e.id}/`;',
      'const c = `${base}charts/`;',
      'const d = `/data/#row-${f.id}`;',
      'const e = `/sources/${id}/#fig-${f.id}`;',
      'const f = href(lang, `indicators/${id}/`);',
    ];
    for (const code of bad) expect(handBuiltPaths('x.ts', code), code).toHaveLength(1);
    const fine = [
      'const a = `${dataDir}sources/${source.file}`;',
      'const b = `bench: no chart spec src/charts/${id}.ts`;',
      'const c = `${DIST}/charts/${id}/x.svg`;',
      'const d = routes(lang).source(id);',
      'const e = `data/${TABLES[name].file} exactly as checked in`;',
    ];
    for (const code of fine) expect(handBuiltPaths('x.ts', code), code).toEqual([]);
  });

  it('no file outside the routes module builds a page path in a template string', () => {
    const found = tracked.flatMap((f) => handBuiltPaths(f, readFileSync(resolve(ROOT, f), 'utf8')));
    expect(found).toEqual([]);
  });
});
