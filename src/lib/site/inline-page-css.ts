/**
 * Puts the CSS of a few chosen pages into the page itself, after the build: their linked
 * stylesheets become one `<style>`, and the page's Content-Security-Policy allows it by its
 * SHA-256 hash. A reader's first paint then waits for the HTML alone, not for a second round
 * of requests; on a phone's network those stylesheet requests cost the story page about a
 * third of a second before anything showed.
 *
 * Only the pages named are changed; every other page keeps `build.inlineStylesheets: 'never'`
 * (one hash per distinct CSS would push the `_headers` policy line past what Cloudflare Pages
 * accepts). Both editions of a page share one CSS, so they add one hash between them.
 * docs/decisions/0006-content-security-policy.md says why, and what it costs.
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { formatCsp, parseCsp } from './security-policy.ts';

const LINK = /<link\b[^>]*>/giu;
const isStylesheet = (tag: string) => /\brel\s*=\s*["']?stylesheet["'\s/>]/iu.test(tag);
const hrefOf = (tag: string) => (/\bhref\s*=\s*"([^"]*)"/iu.exec(tag) ?? /\bhref\s*=\s*'([^']*)'/iu.exec(tag))?.[1];
const CSP_META = /<meta\b[^>]*\bhttp-equiv\s*=\s*["']?content-security-policy["'\s][^>]*>/iu;

export function cspHash(text: string): string {
  return `'sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}'`;
}

/**
 * The page with its stylesheet links replaced by one `<style>` (where the first link was, the
 * files' CSS in their order, so the cascade is the same) and that style's hash added to the
 * style-src of its CSP meta tag. `readStylesheet` gives a link's CSS from its href. `page`
 * names the page in errors.
 */
export function inlineStylesheets(html: string, readStylesheet: (href: string) => string, page: string): { html: string; css: string } {
  const links = (html.match(LINK) ?? []).filter(isStylesheet);
  if (links.length === 0) throw new Error(`inline CSS: ${page} links no stylesheet; take it off the list in astro.config.mjs`);
  const css = links
    .map((tag) => {
      const href = hrefOf(tag);
      if (!href?.startsWith('/')) throw new Error(`inline CSS: ${page}: a stylesheet link without a site path: ${tag}`);
      const text = readStylesheet(href);
      // inside <style> the text ends at the first "</style"; and relative addresses in the file
      // would resolve against the page, not against the file's folder
      if (/<\/style/iu.test(text)) throw new Error(`inline CSS: ${href} contains "</style", which would end the <style> early`);
      if (/@import\b/iu.test(text)) throw new Error(`inline CSS: ${href} has an @import, which would be fetched relative to ${page}`);
      for (const m of text.matchAll(/url\(\s*(['"]?)([^'")]*)\1\s*\)/giu)) {
        const target = m[2] ?? '';
        if (!/^(\/|data:|#|[a-z][a-z0-9+.-]*:)/iu.test(target))
          throw new Error(`inline CSS: ${href} has a relative url(${target}), which would resolve against ${page} once inlined`);
      }
      return text.trim();
    })
    .join('\n');

  const meta = CSP_META.exec(html)?.[0];
  if (!meta) throw new Error(`inline CSS: ${page} has no Content-Security-Policy meta tag to allow its inline style`);
  const content = /\bcontent\s*=\s*"([^"]*)"/iu.exec(meta);
  if (!content?.[1]) throw new Error(`inline CSS: ${page}: cannot read the content of ${meta}`);
  const policy = parseCsp(content[1].replace(/&#39;|&apos;/gu, "'"));
  const styleSrc = policy.get('style-src');
  if (!styleSrc) throw new Error(`inline CSS: ${page}'s policy has no style-src to add the hash to`);
  const hash = cspHash(css);
  if (!styleSrc.includes(hash)) styleSrc.push(hash);
  const newMeta = meta.replace(content[0], `content="${formatCsp(policy)}"`);

  let first = true;
  const out = html.replace(meta, newMeta).replace(LINK, (tag) => {
    if (!isStylesheet(tag)) return tag;
    if (!first) return '';
    first = false;
    return `<style>${css}</style>`;
  });
  return { html: out, css };
}

/** The Astro integration: inlines the CSS of `pages` (site paths such as "/" and "/en/") once the build is done. */
export function inlinePageCss({ pages }: { pages: readonly string[] }) {
  let base = '/';
  return {
    name: 'inline-page-css',
    hooks: {
      'astro:config:done': ({ config }: { config: { base: string } }) => {
        base = config.base.endsWith('/') ? config.base : `${config.base}/`;
      },
      'astro:build:done': ({ dir, logger }: { dir: URL; logger: { info(m: string): void } }) => {
        const dist = fileURLToPath(dir);
        const inDist = (sitePath: string) => {
          if (!sitePath.startsWith(base)) throw new Error(`inline CSS: ${sitePath} is outside the site base ${base}`);
          return join(dist, sitePath.slice(base.length));
        };
        for (const page of pages) {
          const file = join(inDist(page), 'index.html');
          if (!existsSync(file)) throw new Error(`inline CSS: ${page} was not built (no ${file}); check the list in astro.config.mjs`);
          const { html, css } = inlineStylesheets(readFileSync(file, 'utf8'), (href) => readFileSync(inDist(href), 'utf8'), page);
          writeFileSync(file, html);
          logger.info(`${page}: stylesheets inlined (${(css.length / 1024).toFixed(1)} KB)`);
        }
      },
    },
  };
}
