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

export function releasePageData(): AstroIntegration {
  return {
    name: 'release-page-data',
    hooks: {
      'astro:build:generated': () => {
        releaseDatasets();
        collectGarbage();
      },
    },
  };
}
