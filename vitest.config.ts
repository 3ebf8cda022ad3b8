import { defineConfig } from 'vitest/config';

// Two projects: `unit` needs only the sources; `site` tests the built dist/ and drives
// Chromium, so it runs after `astro build` (see scripts/test.sh).
export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          include: ['test/unit/**/*.test.ts', 'test/charts/**/*.test.ts'],
          // files share one module cache per worker, so the checked dataset is loaded once
          // per worker rather than once per file
          isolate: false,
          env: { TZ: 'Asia/Shanghai' },
        },
      },
      {
        test: {
          name: 'site',
          include: ['test/site/**/*.test.ts', 'test/browser/**/*.test.ts'],
          env: { TZ: 'Asia/Shanghai' },
          testTimeout: 60_000,
          hookTimeout: 120_000,
          // one file at a time: the browser files run several pages at once themselves
          fileParallelism: false,
          isolate: false,
        },
      },
    ],
  },
});
