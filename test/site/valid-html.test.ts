/**
 * Every built page of the real build is valid HTML by the W3C Nu checker (vnu-jar), and of the
 * fixture site (a release build: absolute addresses, no preview mark) one page of each route in
 * each language, the largest. The fixture's tables are rows of data/, so its other pages are the
 * real build's templates over a subset of the same rows; the checker costs about 10 CPU-seconds
 * a thousand pages. One run of the checker reads them and a page broken on purpose, so the test
 * shows on the same run that it catches the faults it is there for: a module script after
 * </html>, and a figure whose caption stands between other children.
 */
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { checkHtml, formatHtmlError, type HtmlError } from '../../scripts/lib/html-validator.ts';
import { FIXTURE_DIST } from '../../scripts/lib/fixture-site.ts';
import { builtFileOf, largestBuiltPages } from '../../scripts/lib/built-site.ts';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const BROKEN_DIR = 'test/.tmp/html-broken';
const FIXTURE_DIR = relative(ROOT, FIXTURE_DIST);
/** the fixture site's largest page of each route in each language, as files relative to ROOT */
const fixturePages = () => largestBuiltPages(FIXTURE_DIST).map((p) => relative(ROOT, builtFileOf(p, FIXTURE_DIST)));

const BROKEN_PAGE = `<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>broken</title></head><body>
<figure><h2>t</h2><figcaption>c</figcaption><details><summary>s</summary><p>x</p></details><p>more</p></figure>
</body></html><script type="module">void 0;</script>`;

let errors: HtmlError[] = [];

beforeAll(async () => {
  rmSync(join(ROOT, BROKEN_DIR), { recursive: true, force: true });
  mkdirSync(join(ROOT, BROKEN_DIR), { recursive: true });
  writeFileSync(join(ROOT, BROKEN_DIR, 'index.html'), BROKEN_PAGE);
  errors = await checkHtml(['dist', BROKEN_DIR, ...fixturePages()], ROOT);
}, 300_000);

describe('valid HTML (W3C Nu checker)', () => {
  it('catches a page broken on purpose: a figure caption between children, a script after </html>', () => {
    const broken = errors.filter((e) => e.file.startsWith(BROKEN_DIR)).map((e) => e.message);
    expect(broken.some((m) => m.includes('“details” not allowed as child of element “figure”'))).toBe(true);
    expect(broken.some((m) => m.includes('Stray start tag “script”'))).toBe(true);
  });

  it('finds no error on the fixture site, a page of each route in each language', () => {
    expect(fixturePages().length).toBeGreaterThan(30);
    const built = errors.filter((e) => e.file.startsWith(`${FIXTURE_DIR}/`)).map(formatHtmlError);
    expect(built).toEqual([]);
  });

  it('finds no error on any built page', () => {
    const built = errors.filter((e) => e.file.startsWith('dist/')).map(formatHtmlError);
    expect(built).toEqual([]);
  });
});
