// @ts-check
import { defineConfig } from 'astro/config';
import { CSP_DIRECTIVES, SCRIPT_SOURCES } from './src/lib/site/security-policy.ts';
import { securityHeaders } from './src/lib/site/security-headers.ts';
import { inlinePageCss } from './src/lib/site/inline-page-css.ts';
import { routeList } from './src/lib/site/route-list.ts';
import { LANGS } from './src/i18n/index.ts';
import { href } from './src/i18n/paths.ts';
import { absoluteSite, warnIfNoSite } from './src/lib/site/address.ts';
import { siteSearch } from './src/lib/site/search-index.ts';
import { staticImages } from './src/integrations/static-images.ts';
import { shareCards } from './src/integrations/share-cards.ts';
import { releasePageData } from './src/integrations/release-page-data.ts';

// The public address is one setting, the environment variable SITE_URL (see README, "Publishing").
// Without it, `site` is the local preview address, used only where a format demands an absolute URL.
warnIfNoSite();

export default defineConfig({
  site: absoluteSite().href,
  trailingSlash: 'always',
  // Stylesheets are files: the Content-Security-Policy allows them as 'self', and its header
  // (dist/_headers) needs no hash per page's CSS (decision 0006). The story page alone has its
  // CSS inlined after the build (inlinePageCss below), so a phone paints it without waiting for
  // a second round of requests. Small scripts stay
  // inline, hashed: an embed runs in a sandboxed frame, whose opaque origin could fetch a module
  // script from the site only if the host sent CORS headers.
  build: { inlineStylesheets: 'never' },
  devToolbar: { enabled: false },
  // no Markdown is highlighted, and Shiki's inline styles would be blocked by the policy
  markdown: { syntaxHighlight: false },
  // A Content-Security-Policy meta tag on every page: Astro hashes the scripts and styles it
  // bundles into script-src and style-src; the rest comes from security-policy.ts.
  // docs/decisions/0006-content-security-policy.md says what it allows and why.
  security: {
    csp: {
      algorithm: 'SHA-256',
      directives: [...CSP_DIRECTIVES],
      scriptDirective: { resources: [...SCRIPT_SOURCES] },
    },
  },
  // The images made from the tables alone (each chart's PNG and SVG files and share card, the
  // 一图读懂 long images) are drawn while the pages are built (staticImages starts when the build
  // starts). Once every page is written, the pages' dataset and caches are let go; the story's
  // CSS inlined, hashed into its policy; the images drawn beside the pages moved in (before
  // Pagefind starts: its indexer and the drawing process together held more memory than the
  // build may); Pagefind reads the built pages (dist/) and writes the search bundle to
  // dist/pagefind/; dist/_headers, for hosts that send headers, from the policy the pages carry
  // (after the inlining: the header must see its hash); then the other pages' share cards (from
  // what each page says of itself; drawn beside the drawing process, they and it held more than
  // the build may). So `astro build` alone makes the whole site
  integrations: [
    releasePageData(),
    inlinePageCss({ pages: LANGS.map((lang) => href(lang)) }),
    staticImages(),
    siteSearch(),
    securityHeaders(),
    shareCards(),
    routeList(),
  ],
});
