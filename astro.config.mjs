// @ts-check
import { defineConfig } from 'astro/config';
import { CSP_DIRECTIVES } from './src/lib/site/security-policy.ts';
import { securityHeaders } from './src/lib/site/security-headers.ts';

export default defineConfig({
  site: 'https://qingdao-figures.example.org',
  trailingSlash: 'always',
  // Styles and scripts are files, never inline: the Content-Security-Policy then allows them as
  // 'self', and its header (dist/_headers) needs no hash per inline block (decision 0006).
  build: { inlineStylesheets: 'never' },
  vite: { build: { assetsInlineLimit: 0 } },
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
    },
  },
  // dist/_headers, for hosts that send headers, from the policy the pages carry
  integrations: [securityHeaders()],
});
