// @ts-check
import { defineConfig } from 'astro/config';

export default defineConfig({
  site: 'https://qingdao-figures.example.org',
  trailingSlash: 'always',
  build: { inlineStylesheets: 'always' },
  devToolbar: { enabled: false },
});
