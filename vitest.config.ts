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
          fileParallelism: false,
        },
      },
    ],
  },
});
