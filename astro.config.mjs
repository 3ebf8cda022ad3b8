// @ts-check
import { defineConfig } from 'astro/config';
import { absoluteSite, warnIfNoSite } from './src/lib/site/address.ts';

// The public address is one setting, the environment variable SITE_URL (see README, "Publishing").
// Without it, `site` is the local preview address, used only where a format demands an absolute URL.
warnIfNoSite();

export default defineConfig({
  site: absoluteSite().href,
  trailingSlash: 'always',
  build: { inlineStylesheets: 'always' },
  devToolbar: { enabled: false },
});
