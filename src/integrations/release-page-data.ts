/**
 * The Astro integration that lets go of the pages' dataset and everything cached by it (each
 * chart's frame, drawn at two widths, for its page and its embeds) once every page is written:
 * the search index and the images that run after it load their own, and at 20,000 figures the
 * pages' copy held hundreds of megabytes they never use.
 *
 * Letting go is not enough to give the memory back: the heap stays as large as the pages made
 * it, and the process kept 1.5 GB resident at 20,000 figures while Pagefind's indexer, a process
 * of its own, ran beside it. A full collection (./collect-garbage.ts) brings it to 0.7 GB.
 */
import type { AstroIntegration } from 'astro';
import { releaseDatasets } from '../lib/data/dataset.ts';
import { collectGarbage } from './collect-garbage.ts';

/**
 * While the pages are built, a full collection this often: V8 let the heap grow to 1.5 GB at
 * 20,000 figures for a few hundred megabytes alive, and the charts' images are drawn by a process
 * beside it (./static-images.ts), so the two would hold more than the build may.
 */
const COLLECT_EVERY_MS = 10_000;

export function releasePageData(): AstroIntegration {
  let timer: NodeJS.Timeout | undefined;
  return {
    name: 'release-page-data',
    hooks: {
      'astro:build:start': () => {
        timer = setInterval(() => collectGarbage(true), COLLECT_EVERY_MS);
        // a build that fails before the pages are done is not kept alive by it
        timer.unref();
      },
      'astro:build:generated': () => {
        clearInterval(timer);
        releaseDatasets();
        collectGarbage();
      },
    },
  };
}
