/**
 * Every HTML page in dist/, read as the static file a reader's browser receives (no script
 * has run): metadata for search and social previews, charts drawn into the HTML with an
 * accessible name and description, nothing loaded from another host, and no internal link
 * that leads nowhere. Pages are found by crawling dist/, so new pages are covered as they
 * appear. Run after `npx astro build`.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { parseHTML } from 'linkedom';
import config from '../../../astro.config.mjs';
import { DIST_DIR, fileForUrlPath, listHtmlPages } from '../../../scripts/lib/serve-dist.ts';
import { builtFile, builtPage } from '../../../scripts/lib/built-site.ts';
import { getDataset } from '../../../src/lib/data/dataset.ts';
import { decodeExplorerFile, EXPLORER_FILE } from '../../../src/lib/explorer/explorer-file.ts';

const SITE = new URL(config.site ?? 'https://example.invalid');
/** stands in for the local server: only the origin matters when resolving links */
const LOCAL = 'http://127.0.0.1:1';
const pages = listHtmlPages();

type Doc = ReturnType<typeof parseHTML>['document'];
type El = ReturnType<Doc['querySelector']> & {};

/** each page parsed once for every check of every site test file (scripts/lib/built-site.ts) */
const load = (urlPath: string): Doc => builtPage(urlPath);

/** /data/'s rows (#row-<id>) beyond those in its HTML are drawn by the explorer from the page's figures file */
const explorerRows = new Map<string, Set<string>>();
function explorerRowIds(urlPath: string): Set<string> {
  if (!/^\/(?:en\/)?data\/$/u.test(urlPath)) return new Set();
  let ids = explorerRows.get(urlPath);
  if (!ids) {
    const file = fileForUrlPath(DIST_DIR, `${urlPath}${EXPLORER_FILE}`);
    if (!file) throw new Error(`no ${EXPLORER_FILE} in dist/ for ${urlPath}`);
    ids = new Set(decodeExplorerFile(JSON.parse(readFileSync(file, 'utf8')), file).map((r) => `row-${r.id}`));
    explorerRows.set(urlPath, ids);
  }
  return ids;
}

const isEmbed = (page: string) => /^\/(?:en\/)?embed\//u.test(page);
const isNotFoundPage = (page: string) => /^\/404(\.html|\/)$/u.test(page);

function describeEl(el: El): string {
  const id = el.getAttribute('id');
  const cls = el.getAttribute('class');
  return `<${el.tagName.toLowerCase()}${id ? ` id="${id}"` : ''}${cls ? ` class="${cls}"` : ''}>`;
}

function textOfIds(doc: Doc, ids: string | null): string {
  if (!ids) return '';
  return ids
    .split(/\s+/u)
    .filter(Boolean)
    .map((id) => doc.getElementById(id)?.textContent?.trim() ?? '')
    .join(' ')
    .trim();
}

function accessibleName(doc: Doc, el: El): string {
  return (el.getAttribute('aria-label')?.trim() || textOfIds(doc, el.getAttribute('aria-labelledby'))).trim();
}

function accessibleDescription(doc: Doc, el: El): string {
  const desc = [...el.children].find((c) => c.tagName.toLowerCase() === 'desc')?.textContent?.trim() ?? '';
  return (el.getAttribute('aria-description')?.trim() || textOfIds(doc, el.getAttribute('aria-describedby')) || desc).trim();
}

function metaProblems(page: string, doc: Doc): string[] {
  const problems: string[] = [];
  const content = (selector: string) => doc.querySelector(selector)?.getAttribute('content')?.trim() ?? '';
  const lang = doc.documentElement.getAttribute('lang')?.trim();
  if (!lang) problems.push('<html> has no lang');
  if (!doc.querySelector('title')?.textContent?.trim()) problems.push('<title> is missing or empty');
  if (isEmbed(page)) {
    for (const chrome of doc.querySelectorAll('header.site, footer.site, nav.site')) {
      problems.push(`embed page carries site chrome ${describeEl(chrome)}`);
    }
    return problems;
  }
  if (!doc.querySelector('header.site') || !doc.querySelector('footer.site')) problems.push('no site header or footer');
  if (!content('meta[name="description"]')) problems.push('no meta description');
  for (const p of ['og:title', 'og:description', 'og:url']) {
    if (!content(`meta[property="${p}"]`)) problems.push(`no ${p}`);
  }
  if (!content('meta[name="twitter:card"]')) problems.push('no twitter:card');
  const canonical = doc.querySelector('link[rel="canonical"]')?.getAttribute('href') ?? '';
  if (!canonical) {
    problems.push('no canonical link');
    return problems;
  }
  let url: URL | undefined;
  try {
    url = new URL(canonical);
  } catch {
    problems.push(`canonical "${canonical}" is not an absolute URL`);
  }
  if (url) {
    if (url.origin !== SITE.origin) problems.push(`canonical ${canonical} is not on ${SITE.origin}`);
    if (!isNotFoundPage(page) && url.pathname !== page) problems.push(`canonical ${canonical} does not name this page (${page})`);
  }
  const ogUrl = content('meta[property="og:url"]');
  if (ogUrl && ogUrl !== canonical) problems.push(`og:url ${ogUrl} differs from canonical ${canonical}`);
  return problems;
}

/** Outermost chart elements: a figure.chart, or anything marked data-chart that is not inside one. */
function chartsOf(doc: Doc): El[] {
  return [...doc.querySelectorAll('figure.chart, [data-chart]')].filter((el) => !el.parentElement?.closest('figure.chart, [data-chart]'));
}

function chartProblems(doc: Doc): string[] {
  const problems: string[] = [];
  for (const chart of chartsOf(doc)) {
    const label = chart.getAttribute('data-chart') ?? chart.getAttribute('id') ?? describeEl(chart);
    const drawings = [...chart.querySelectorAll('svg')].filter((svg) => !svg.parentElement?.closest('svg'));
    const complete = (svg: El) => accessibleName(doc, svg) !== '' && accessibleDescription(doc, svg) !== '';
    const slots = [...chart.querySelectorAll('.chart-svg')];
    if (drawings.length === 0) problems.push(`chart ${label}: no <svg> in the static HTML`);
    else if (slots.length > 0) {
      for (const slot of slots) {
        if (![...slot.querySelectorAll('svg')].some(complete)) {
          problems.push(`chart ${label}: ${describeEl(slot)} has no <svg> with both an accessible name and a description`);
        }
      }
    } else if (!drawings.some(complete)) {
      problems.push(
        `chart ${label}: no <svg> with both an accessible name (aria-label/aria-labelledby) and a description (aria-description/aria-describedby/<desc>)`,
      );
    }
    for (const img of chart.querySelectorAll('svg[role="img"]')) {
      if (!accessibleName(doc, img)) problems.push(`chart ${label}: ${describeEl(img)} has role="img" but no accessible name`);
    }
  }
  return problems;
}

/** URLs the browser fetches by itself while showing the page (not links a reader may follow). */
function fetchedUrls(doc: Doc): { el: string; url: string }[] {
  const found: { el: string; url: string }[] = [];
  const add = (el: El, attr: string) => {
    const v = el.getAttribute(attr);
    if (v === null) return;
    const urls = attr === 'srcset' || attr === 'imagesrcset' ? v.split(',').map((s) => s.trim().split(/\s+/u)[0] ?? '') : [v.trim()];
    for (const url of urls) if (url) found.push({ el: describeEl(el), url });
  };
  for (const el of doc.querySelectorAll('script[src]')) add(el, 'src');
  for (const el of doc.querySelectorAll('link[href]')) {
    const rel = (el.getAttribute('rel') ?? '').toLowerCase().split(/\s+/u);
    const href = el.getAttribute('href') ?? '';
    // canonical and alternate name the public address of a page; the browser does not fetch them
    const names = rel.every((r) => r === 'canonical' || r === 'alternate');
    if (names && href.startsWith(SITE.origin)) continue;
    add(el, 'href');
    add(el, 'imagesrcset');
  }
  for (const el of doc.querySelectorAll('img, source, iframe, video, audio, embed, track, input[type="image"]')) {
    add(el, 'src');
    add(el, 'srcset');
  }
  for (const el of doc.querySelectorAll('video[poster]')) add(el, 'poster');
  for (const el of doc.querySelectorAll('object[data]')) add(el, 'data');
  for (const el of doc.querySelectorAll('image, use, feImage')) {
    add(el, 'href');
    add(el, 'xlink:href');
  }
  const cssUrls = (el: El, css: string) => {
    for (const m of css.matchAll(/url\(\s*['"]?([^'")\s]+)['"]?\s*\)|@import\s+['"]([^'"]+)['"]/gu)) {
      found.push({ el: describeEl(el), url: (m[1] ?? m[2]) as string });
    }
  };
  for (const el of doc.querySelectorAll('style')) cssUrls(el, el.textContent ?? '');
  for (const el of doc.querySelectorAll('[style]')) cssUrls(el, el.getAttribute('style') ?? '');
  for (const el of doc.querySelectorAll('link[rel~="stylesheet"][href]')) {
    const href = el.getAttribute('href') ?? '';
    const file = href.startsWith('/') && !href.startsWith('//') ? fileForUrlPath(DIST_DIR, href) : undefined;
    if (file) cssUrls(el, builtFile(file));
  }
  return found;
}

function foreignHostProblems(page: string, doc: Doc): string[] {
  const base = new URL(page, LOCAL);
  return fetchedUrls(doc)
    .filter(({ url }) => {
      if (/^(data|blob):/iu.test(url) || url.startsWith('#')) return false;
      try {
        return new URL(url, base).origin !== base.origin;
      } catch {
        return true;
      }
    })
    .map(({ el, url }) => `${el} loads ${url} from another host`);
}

function linkProblems(page: string, doc: Doc): string[] {
  const problems: string[] = [];
  const base = new URL(page, LOCAL);
  for (const el of doc.querySelectorAll('[href], [src]')) {
    for (const attr of ['href', 'src']) {
      const raw = el.getAttribute(attr)?.trim();
      if (!raw || raw.startsWith('//') || raw === '#') continue;
      // internal = root-relative, page-relative or fragment; anything with a scheme is not ours to resolve
      if (/^[a-z][a-z0-9+.-]*:/iu.test(raw)) continue;
      let url: URL;
      try {
        url = new URL(raw, base);
      } catch {
        problems.push(`${describeEl(el)} ${attr}="${raw}" is not a valid URL`);
        continue;
      }
      const file = fileForUrlPath(DIST_DIR, url.pathname);
      if (!file) {
        problems.push(`${describeEl(el)} ${attr}="${raw}" leads to no file in dist/`);
        continue;
      }
      // a fragment may end in directives (#id:~:text=…): the id before them names an element, the text a passage
      const [idPart = '', directives] = url.hash.slice(1).split(':~:');
      const fragment = decodeURIComponent(idPart);
      const target = () => load(url.pathname.endsWith('/') || url.pathname.endsWith('.html') ? url.pathname : `${url.pathname}/`);
      if (fragment && file.endsWith('.html')) {
        const doc = target();
        if (
          !doc.getElementById(fragment) &&
          ![...doc.querySelectorAll('[name]')].some((n) => n.getAttribute('name') === fragment) &&
          !explorerRowIds(url.pathname).has(fragment)
        ) {
          problems.push(`${describeEl(el)} ${attr}="${raw}": no element with id "${fragment}" on ${url.pathname}`);
        }
      }
      if (directives !== undefined && file.endsWith('.html')) {
        const text = target().body.textContent ?? '';
        for (const d of directives.split('&').filter((x) => x.startsWith('text='))) {
          for (const piece of d.slice('text='.length).split(',').map(decodeURIComponent)) {
            if (!text.includes(piece))
              problems.push(`${describeEl(el)} ${attr}: the text directive's "${piece}" is not in the text of ${url.pathname}`);
          }
        }
      }
    }
  }
  return [...new Set(problems)];
}

// Figure, source and indicator ids are for the data files; a page names what they stand for
// (a researcher finds the id in a link's title, or in <code> where a page lists ids on purpose).
// Ids are slugs (schema.ts), so an id standing alone in the text is a whole run of word
// characters and hyphens: the runs are looked up, where trying every id at every position of
// every text (one alternation of them all) took seconds.
const dataIds = (() => {
  const data = getDataset();
  const ids = [...data.byId.keys(), ...data.sources.keys(), ...data.indicators.keys()];
  const unlike = ids.filter((id) => !/^[\w-]+$/u.test(id));
  if (unlike.length > 0)
    throw new Error(`ids that are not runs of word characters and hyphens, which idsInCopy would not see: ${unlike.join(', ')}`);
  return new Set(ids);
})();

function idsInCopy(doc: Doc): string[] {
  const found: string[] = [];
  const walk = (node: Doc['body']['firstChild']) => {
    if (!node) return;
    if (node.nodeType === 3) {
      for (const m of (node.textContent ?? '').matchAll(/[\w-]+/gu))
        if (dataIds.has(m[0])) found.push(`"${m[0]}" in the text of ${describeEl(node.parentElement as El)}`);
      return;
    }
    if (node.nodeType !== 1) return;
    const tag = (node as El).tagName.toLowerCase();
    // code a page shows as code: <code>, and the embed code in a <textarea>
    if (['script', 'style', 'template', 'code', 'textarea'].includes(tag)) return;
    for (const child of [...node.childNodes]) walk(child);
  };
  walk(doc.body);
  return found;
}

describe('the built site', () => {
  it('has the story page and at least one chart on it', () => {
    expect(pages).toContain('/');
    expect(chartsOf(load('/')).length, 'charts on the story page').toBeGreaterThan(0);
  });
});

/** fails listing every problem in full (a diff of a long array would be cut short) */
function expectNone(page: string, problems: string[]): void {
  expect(problems.length, `${page}:\n${problems.join('\n')}`).toBe(0);
}

describe.each(pages)('%s (static HTML)', (page) => {
  it('has language, title and (outside embeds) description, social metadata, canonical link and site chrome; embeds have no site chrome', () => {
    expectNone(page, metaProblems(page, load(page)));
  });
  it('draws every chart as <svg> in the HTML, with an accessible name and a description', () => {
    expectNone(page, chartProblems(load(page)));
  });
  it('loads nothing from another host', () => {
    expectNone(page, foreignHostProblems(page, load(page)));
  });
  it('has no internal link that leads nowhere', () => {
    expectNone(page, linkProblems(page, load(page)));
  });
  it('names figures, sources and indicators in its text, not by their ids', () => {
    expectNone(page, idsInCopy(load(page)));
  });
});
