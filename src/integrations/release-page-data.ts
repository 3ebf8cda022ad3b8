/**
 * The Astro integration that lets go of the pages' dataset and everything cached by it (each
 * chart's frame, drawn at two widths, for its page and its embeds) once every page is written:
 * the search index and the images that run after it load their own, and at 20,000 figures the
 * pages' copy held hundreds of megabytes they never use.
 */
import type { AstroIntegration } from 'astro';
import { releaseDatasets } from '../lib/data/dataset.ts';

export function releasePageData(): AstroIntegration {
  return {
    name: 'release-page-data',
    hooks: {
      'astro:build:generated': () => {
        releaseDatasets();
      },
    },
  };
}
