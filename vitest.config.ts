import { defineConfig } from 'vitest/config';
import { BaseSequencer, type TestSpecification } from 'vitest/node';

/** the crawl (every fixture page, in two files, and one real page a template) first, so that its files start on both workers and the other files fill in after */
class CrawlFirst extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const sorted = await super.sort(files);
    const crawl = (f: TestSpecification) => /every-page-[a-z-]+\.test\.ts$/u.test(f.moduleId);
    return [...sorted.filter(crawl), ...sorted.filter((f) => !crawl(f))];
  }
}

/** a project of Node tests of the built sites, in one worker */
function builtSiteProject(name: string, include: string) {
  return {
    test: {
      name,
      include: [include],
      sequence: { groupOrder: 1 },
      env: { TZ: 'Asia/Shanghai' },
      testTimeout: 60_000,
      fileParallelism: false,
      isolate: false,
    },
  };
}

// Four projects: `unit` needs only the sources; `site` reads every page of the built dist/,
// `site-files` its other files (and the fixture site's release build) and `browser` drives
// Chromium over both, so these three run after `astro build` and `npm run build:fixture`, side
// by side (scripts/test.sh runs them as three commands, as they use their workers differently).
export default defineConfig({
  test: {
    sequence: { sequencer: CrawlFirst },
    // run all at once (`npx vitest run`), the projects run one after another: they differ in workers
    projects: [
      {
        test: {
          name: 'unit',
          include: ['test/unit/**/*.test.ts', 'test/charts/**/*.test.ts'],
          // files share one module cache per worker, so the checked dataset is loaded once
          // per worker rather than once per file
          isolate: false,
          env: { TZ: 'Asia/Shanghai' },
          // npm test runs this beside the build and the type check on two cores: drawing a PNG or
          // walking 100 000 formulas can take longer than vitest's default 5 s there. Not a speed
          // target (those are in scripts/bench.ts), only room to finish.
          testTimeout: 30_000,
        },
      },
      // one worker each, files one after another sharing its module cache, so the dataset is
      // loaded once and, in `site`, each page parsed once for all its files
      // (scripts/lib/built-site.ts): `site` reads every built page (test/site/pages/),
      // `site-files` the builds' other files (valid HTML, images, the release, downloads). Two
      // projects run as commands of their own beside `browser`: as one, a single worker ran on
      // alone for half a minute after the browser tests ended
      builtSiteProject('site', 'test/site/pages/**/*.test.ts'),
      builtSiteProject('site-files', 'test/site/*.test.ts'),
      {
        test: {
          name: 'browser',
          include: ['test/browser/**/*.test.ts'],
          env: { TZ: 'Asia/Shanghai' },
          testTimeout: 60_000,
          hookTimeout: 120_000,
          // expect.poll waits 1 s by default: a frame's navigation or a page's script can take
          // longer while the build and the crawl share two cores. Room to finish, not a speed target.
          expect: { poll: { timeout: 15_000 } },
          // each worker launches the Chromium its files share (test/browser/worker-chromium.ts)
          // two workers: the crawl in one, the other files one after another in the other, where
          // they fill the time the crawl leaves idle
          maxWorkers: 2,
          isolate: false,
          sequence: { groupOrder: 2 },
        },
      },
    ],
  },
});
