/**
 * The security policy as built (docs/decisions/0006): every HTML page in dist/ carries one
 * Content-Security-Policy meta tag, before anything it governs, with the directives of
 * src/lib/site/security-policy.ts, no 'unsafe-inline' (or 'unsafe-eval', 'unsafe-hashes', or
 * any other host) for scripts or styles, and nothing inline that it would block; the referrer
 * meta; and dist/_headers sends the same policy (plus frame-ancestors *, so embeds can be
 * framed anywhere), the referrer policy and nosniff, and nothing that forbids framing.
 * Run after `npx astro build`.
 */
import { describe, expect, it } from 'vitest';
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseHTML } from 'linkedom';
import { DIST_DIR, listHtmlPages } from '../../../scripts/lib/serve-dist.ts';
import { builtHtml, builtPage } from '../../../scripts/lib/built-site.ts';
import {
  CSP_DIRECTIVES,
  HASHED_ASSETS,
  HASHED_ASSETS_CACHE,
  HEADER_ONLY_DIRECTIVES,
  OTHER_HEADERS,
  REFERRER_POLICY,
  SCRIPT_SOURCES,
  headerPolicy,
  parseCsp,
  parseHeadersFile,
} from '../../../src/lib/site/security-policy.ts';
import { metaCsp } from '../../../src/lib/site/security-headers.ts';

const pages = listHtmlPages();
const html = (page: string) => builtHtml(page);
const sha256 = (text: string) => `'sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}'`;
/** script types a browser runs; any other type is a data block CSP does not govern */
const RUNS = new Set(['', 'module', 'text/javascript', 'application/javascript']);

/** What is wrong with one page's policy and inline content; empty when nothing is. */
export function policyProblems(source: string, document = parseHTML(source).document): string[] {
  const problems: string[] = [];
  const metas = [...document.querySelectorAll('meta[http-equiv]')].filter(
    (m) => m.getAttribute('http-equiv')?.toLowerCase() === 'content-security-policy',
  );
  if (metas.length !== 1) return [`${metas.length} Content-Security-Policy meta tags, expected 1`];
  const meta = metas[0] as (typeof metas)[number];
  if (meta.parentElement?.tagName.toLowerCase() !== 'head') problems.push('the CSP meta tag is not in <head>');
  // a meta policy governs only what comes after it
  const before = source.slice(0, source.search(/<meta[^>]+http-equiv=["']?content-security-policy/iu));
  if (/<(script|style)\b|<link\b[^>]*\brel=["']?(stylesheet|preload|modulepreload)/iu.test(before))
    problems.push('a script or stylesheet comes before the CSP meta tag, outside its reach');
  const policy = parseCsp(meta.getAttribute('content') ?? '');
  for (const d of CSP_DIRECTIVES) {
    const [name, ...values] = d.split(' ');
    if (policy.get(name as string)?.join(' ') !== values.join(' '))
      problems.push(`${name} is "${policy.get(name as string)?.join(' ')}", expected "${values.join(' ')}"`);
  }
  for (const name of ['script-src', 'style-src']) {
    const values = policy.get(name);
    if (!values) {
      problems.push(`no ${name}: it would fall back to default-src and say nothing of hashes`);
      continue;
    }
    const allowed: readonly string[] = name === 'script-src' ? SCRIPT_SOURCES : ["'self'"];
    for (const v of values) {
      if (!allowed.includes(v) && !/^'sha(256|384|512)-[A-Za-z0-9+/]+={0,2}'$/u.test(v))
        problems.push(`${name} allows ${v}: only ${allowed.join(', ')} and hashes are expected`);
    }
  }
  for (const name of policy.keys()) {
    if (/^(script|style)-src-(elem|attr)$/u.test(name))
      problems.push(`${name} is set: it overrides script-src/style-src, check it by hand`);
    if (name === 'frame-ancestors' || name === 'sandbox' || name === 'report-uri')
      problems.push(`${name} is ignored in a meta tag; it belongs in _headers`);
  }
  for (const [name, values] of policy) {
    for (const v of values)
      if (/^(https?:|\*|\/\/)/iu.test(v) || v === 'http:' || v === 'https:') problems.push(`${name} names another host: ${v}`);
  }
  const scriptHashes = new Set(policy.get('script-src') ?? []);
  const styleHashes = new Set(policy.get('style-src') ?? []);
  for (const s of document.querySelectorAll('script:not([src])')) {
    const type = (s.getAttribute('type') ?? '').toLowerCase();
    if (RUNS.has(type) && !scriptHashes.has(sha256(s.textContent ?? '')))
      problems.push(`an inline <script> whose hash the policy lacks: ${(s.textContent ?? '').slice(0, 80)}`);
  }
  for (const s of document.querySelectorAll('style')) {
    if (!styleHashes.has(sha256(s.textContent ?? '')))
      problems.push(`an inline <style> whose hash the policy lacks: ${(s.textContent ?? '').slice(0, 80)}`);
  }
  // hashes never allow style attributes (that would take 'unsafe-hashes'): there must be none
  for (const el of document.querySelectorAll('[style]'))
    problems.push(`<${el.tagName.toLowerCase()} style="${el.getAttribute('style')}">: blocked by the policy`);
  for (const el of document.querySelectorAll('*')) {
    for (const attr of el.attributes)
      if (/^on/iu.test(attr.name)) problems.push(`<${el.tagName.toLowerCase()} ${attr.name}>: an inline handler, blocked by the policy`);
  }
  const referrers = [...document.querySelectorAll('meta[name="referrer"]')].map((m) => m.getAttribute('content'));
  if (referrers.join() !== REFERRER_POLICY)
    problems.push(`referrer meta tags ${JSON.stringify(referrers)}, expected one with "${REFERRER_POLICY}"`);
  return problems;
}

describe('Content-Security-Policy and referrer meta tags', () => {
  it('finds the pages', () => {
    expect(pages.length).toBeGreaterThan(10);
    expect(pages.some((p) => p.startsWith('/embed/'))).toBe(true);
  });

  it.each(pages)('%s', (page) => {
    const problems = policyProblems(html(page), builtPage(page));
    expect(problems, `${page}:\n${problems.join('\n')}`).toEqual([]);
  });

  it('the check catches what the policy would block', () => {
    const page = html('/');
    const tampered = [
      page.replace('</body>', '<script>alert(1)</script></body>'),
      page.replace('</body>', '<style>body{color:red}</style></body>'),
      page.replace('<body>', '<body style="color:red">'),
      page.replace('<body>', '<body onload="alert(1)">'),
      page
        .replace(/(http-equiv="content-security-policy" content=")/iu, "$1script-src 'self' 'unsafe-inline';")
        .replace(/ script-src [^;]*;/u, ''),
      page.replace(/(<meta[^>]+http-equiv="content-security-policy"[^>]*>)/iu, '<script src="/x.js"></script>$1'),
      page.replace(/(<meta[^>]+http-equiv="content-security-policy"[^>]*>)/iu, '<link rel="stylesheet" href="/x.css">$1'),
      page.replace(/<meta name="referrer"[^>]*>/u, ''),
    ];
    for (const t of tampered) {
      expect(t).not.toBe(page);
      expect(policyProblems(t).length, t.slice(0, 0)).toBeGreaterThan(0);
    }
  });
});

describe('embeds under the policy', () => {
  it('an embed page runs no script fetched by address: its sandboxed frame could not load it', () => {
    // a frame sandboxed without allow-same-origin has an opaque origin; a module script from
    // the site is then a cross-origin fetch that needs CORS headers a static host does not send
    for (const page of pages.filter((p) => p.startsWith('/embed/'))) {
      const document = builtPage(page);
      const fetched = [...document.querySelectorAll('script[src]')].map((s) => s.getAttribute('src'));
      expect(fetched, `${page} loads ${fetched.join(', ')}; keep its scripts small enough for Astro to inline`).toEqual([]);
    }
  });
});

describe('dist/_headers', () => {
  const file = join(DIST_DIR, '_headers');
  const rules = () => parseHeadersFile(readFileSync(file, 'utf8'));

  it('exists, with one rule for every path', () => {
    expect(existsSync(file), `${file} is missing: the security-headers integration in astro.config.mjs writes it`).toBe(true);
    expect([...rules().keys()]).toEqual(['/*', HASHED_ASSETS]);
  });

  it('lets browsers keep the hashed bundles for a year, as every file there is named by its content', () => {
    expect(rules().get(HASHED_ASSETS)?.get('cache-control')).toBe(HASHED_ASSETS_CACHE);
    const files = readdirSync(join(DIST_DIR, HASHED_ASSETS.replace('/*', '')));
    expect(files.length).toBeGreaterThan(0);
    // Astro's names: <name>.<8-character hash>.<ext>; a file without one could go stale for a year
    expect(files.filter((f) => !/\.[\w-]{8}\.[a-z0-9]+$/u.test(f))).toEqual([]);
  });

  it("sends the pages' policy, the referrer policy and nosniff", () => {
    const all = rules().get('/*') as Map<string, string>;
    const metas = pages.map((path) => ({ path, csp: metaCsp(html(path)) ?? '' }));
    expect(all.get('content-security-policy')).toBe(headerPolicy(metas));
    const header = parseCsp(all.get('content-security-policy') ?? '');
    // every page's own policy is inside the header's: the header never blocks what the page allows
    for (const { path, csp } of metas) {
      for (const [name, values] of parseCsp(csp)) {
        const missing = values.filter((v) => !(header.get(name) ?? []).includes(v));
        expect(missing, `${path}: ${name} allows ${missing.join(' ')} but the header does not`).toEqual([]);
      }
    }
    // and the header allows no more than the pages do, apart from the header-only directives
    const fromPages = new Set(metas.flatMap(({ csp }) => [...parseCsp(csp)].flatMap(([n, vs]) => vs.map((v) => `${n} ${v}`))));
    const headerOnly = new Set(HEADER_ONLY_DIRECTIVES.map(String));
    for (const [name, values] of header) {
      if (headerOnly.has(`${name} ${values.join(' ')}`)) continue;
      for (const v of values)
        expect(fromPages.has(`${name} ${v}`), `header ${name} allows ${v}, which no page's meta policy does`).toBe(true);
    }
    for (const [name, value] of Object.entries(OTHER_HEADERS)) expect(all.get(name.toLowerCase())).toBe(value);
    expect(all.get('referrer-policy')).toBe(REFERRER_POLICY);
  });

  it('lets any site frame the embeds', () => {
    const all = rules().get('/*') as Map<string, string>;
    expect(all.has('x-frame-options')).toBe(false);
    expect(parseCsp(all.get('content-security-policy') ?? '').get('frame-ancestors')).toEqual(['*']);
  });
});
