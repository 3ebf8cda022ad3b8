/**
 * Which files each edition's Pagefind run reads (src/lib/site/search-index.ts, editionGlobs):
 * the edition's own folder, other editions and the bundle left out, and only the files and
 * folders that hold a page of a kind the search indexes. On a small invented dist/.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { editionGlobs } from '../../src/lib/site/search-index.ts';

const made: string[] = [];
function dist(files: string[]): string {
  const dir = mkdtempSync(join(tmpdir(), 'qd-search-globs-'));
  made.push(dir);
  for (const file of files) {
    mkdirSync(dirname(join(dir, file)), { recursive: true });
    writeFileSync(join(dir, file), '<!doctype html>');
  }
  return dir;
}
afterEach(() => {
  for (const dir of made.splice(0)) rmSync(dir, { recursive: true, force: true });
});

describe('editionGlobs', () => {
  it('reads each edition apart, only where indexed pages are', () => {
    const dir = dist([
      'index.html',
      'charts/a/index.html',
      'charts/a/a.svg',
      'embed/a/index.html',
      'data/index.html',
      'pagefind/pagefind.js',
      'en/index.html',
      'en/sources/s/index.html',
      'en/embed/a/index.html',
      'en/search/index.html',
    ]);
    expect(editionGlobs(dir)).toEqual(['{charts/**/*.html,index.html}', 'en/{index.html,sources/**/*.html}']);
  });

  it('leaves out an edition with no page to index', () => {
    const dir = dist(['glossary/index.html', 'en/embed/a/index.html']);
    expect(editionGlobs(dir)).toEqual(['{glossary/**/*.html}']);
  });
});
