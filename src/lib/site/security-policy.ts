/**
 * The site's security policy, defined once: the Content-Security-Policy directives every page
 * carries, the referrer policy, and the `_headers` file for hosts that send headers
 * (Netlify, Cloudflare Pages). Astro's `security.csp` writes the policy into each page's
 * `<meta http-equiv="content-security-policy">` with `script-src` and `style-src` hashes of
 * what that page inlines; `_headers` is written after the build from those same meta tags, so
 * the header and the tags cannot drift. Why each directive is there:
 * docs/decisions/0006-content-security-policy.md.
 */

/**
 * Directives besides script-src and style-src, which Astro writes per page with hashes. No
 * other host is named anywhere: the site loads nothing from elsewhere.
 */
export const CSP_DIRECTIVES = [
  "default-src 'self'",
  // data: for the tiny images CSS or the browser may inline; nothing from other hosts
  "img-src 'self' data:",
  "font-src 'self'",
  // the data explorer fetches the site's own JSON
  "connect-src 'self'",
  "object-src 'none'",
  // a <base> injected into a page could otherwise repoint every relative script address
  "base-uri 'none'",
  // the explorer's form is never submitted anywhere but here
  "form-action 'self'",
] as const;

/**
 * What script-src allows besides the hashes Astro adds: the site's own files, and
 * 'wasm-unsafe-eval', which lets a page compile WebAssembly (the site search runs Pagefind's
 * WebAssembly, fetched from /pagefind/ on this site) without allowing eval() or any other
 * JavaScript built from strings.
 */
export const SCRIPT_SOURCES = ["'self'", "'wasm-unsafe-eval'"] as const;

/**
 * Directives a `<meta>` cannot carry (browsers ignore them there), added to the header only.
 * `frame-ancestors *` says out loud that any site may frame these pages: the embeds exist to
 * be framed by newsrooms, and `_headers` cannot give /embed/* a policy of its own without the
 * host joining it to the one for /* (two policies, both enforced, the stricter wins).
 */
export const HEADER_ONLY_DIRECTIVES = ['frame-ancestors *'] as const;

/**
 * No referrer leaves the site: links go to government and news sites, which need not learn
 * which page of ours a reader came from. Inside the site the full address is sent, which
 * costs nothing (there are no logs to read it in but the host's own).
 */
export const REFERRER_POLICY = 'same-origin';

/** Headers every response gets besides the policy. */
export const OTHER_HEADERS: Readonly<Record<string, string>> = {
  'Referrer-Policy': REFERRER_POLICY,
  // a CSV or JSON download is never run as a script or a page, whatever it contains
  'X-Content-Type-Options': 'nosniff',
};

/**
 * The folder Astro writes its bundled CSS and JavaScript to, every file named with a hash of
 * its content: a changed file gets a new name, so a browser may keep each one for a year and
 * never ask again. On a phone on a slow network, the second page a reader opens then loads
 * only its own HTML.
 */
export const HASHED_ASSETS = '/_astro/*';
export const HASHED_ASSETS_CACHE = 'public, max-age=31536000, immutable';

export type Policy = Map<string, string[]>;

/** "a b; c d e" → { a: [b], c: [d, e] }; a repeated directive is an error (browsers drop it). */
export function parseCsp(text: string): Policy {
  const policy: Policy = new Map();
  for (const part of text.split(';')) {
    const [name, ...values] = part.trim().split(/\s+/u).filter(Boolean);
    if (!name) continue;
    const key = name.toLowerCase();
    if (policy.has(key)) throw new Error(`Content-Security-Policy names ${key} twice; browsers ignore the second: "${text}"`);
    policy.set(key, values);
  }
  return policy;
}

export function formatCsp(policy: Policy): string {
  return [...policy].map(([name, values]) => [name, ...values].join(' ')).join('; ');
}

const isHash = (v: string) => /^'sha(256|384|512)-[A-Za-z0-9+/]+={0,2}'$/u.test(v);

/**
 * One policy for every response, from each page's meta policy: the directives all pages share
 * must be the same on every page (else this throws, naming the page), and script-src and
 * style-src allow the union of the pages' hashes. Browsers enforce the header and the meta
 * together, and a resource must pass both, so on each page the effective policy is still that
 * page's own meta policy (plus frame-ancestors).
 */
export function headerPolicy(pages: ReadonlyArray<{ path: string; csp: string }>): string {
  const first = pages[0];
  if (!first) throw new Error('security headers: no built page carries a Content-Security-Policy meta tag');
  const merged: Policy = new Map();
  const shape = (p: Policy) => formatCsp(new Map([...p].map(([k, v]) => [k, v.filter((x) => !isHash(x))])));
  const reference = shape(parseCsp(first.csp));
  for (const { path, csp } of pages) {
    const policy = parseCsp(csp);
    if (shape(policy) !== reference) {
      throw new Error(
        `security headers: ${path} has a policy unlike ${first.path}'s apart from its hashes:\n  ${shape(policy)}\n  ${reference}\nevery page must share the directives of src/lib/site/security-policy.ts`,
      );
    }
    for (const [name, values] of policy) merged.set(name, [...new Set([...(merged.get(name) ?? []), ...values])]);
  }
  for (const d of HEADER_ONLY_DIRECTIVES) {
    const [name, ...values] = d.split(' ');
    if (name) merged.set(name, values);
  }
  return formatCsp(merged);
}

/** Cloudflare Pages ignores a `_headers` line longer than this. */
export const MAX_HEADER_LINE = 2000;

/** The `_headers` file (Netlify and Cloudflare Pages read the same format). */
export function headersFile(csp: string): string {
  const line = `  Content-Security-Policy: ${csp}`;
  if (line.length > MAX_HEADER_LINE) {
    throw new Error(
      `security headers: the Content-Security-Policy line is ${line.length} characters, over the ${MAX_HEADER_LINE} Cloudflare Pages accepts; ` +
        `each inline script or style adds a hash: move them into files (build.inlineStylesheets 'never', vite assetsInlineLimit 0 in astro.config.mjs)`,
    );
  }
  const lines = [
    "# Written by the build (src/lib/site/security-policy.ts) from the policy in every page's",
    '# <meta http-equiv="content-security-policy">; edit that module, not this file.',
    '/*',
    line,
    ...Object.entries(OTHER_HEADERS).map(([k, v]) => `  ${k}: ${v}`),
    HASHED_ASSETS,
    `  Cache-Control: ${HASHED_ASSETS_CACHE}`,
  ];
  return `${lines.join('\n')}\n`;
}

/** The header rules of a `_headers` file: path pattern → header name (lower case) → value. */
export function parseHeadersFile(text: string): Map<string, Map<string, string>> {
  const rules = new Map<string, Map<string, string>>();
  let current: Map<string, string> | undefined;
  text.split('\n').forEach((line, i) => {
    if (!line.trim() || line.trimStart().startsWith('#')) return;
    if (!/^\s/u.test(line)) {
      current = new Map();
      rules.set(line.trim(), current);
      return;
    }
    const m = /^\s+([^:\s]+):\s*(.*)$/u.exec(line);
    if (!m || !current) throw new Error(`_headers:${i + 1}: expected "  Name: value" under a path, got "${line}"`);
    current.set((m[1] as string).toLowerCase(), (m[2] as string).trim());
  });
  return rules;
}
