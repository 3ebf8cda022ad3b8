/**
 * The Astro integration that lets go of the pages' dataset and everything cached by it (each
 * chart's frame, drawn at two widths, for its page and its embeds) once every page is written:
 * the search index and the images that run after it load their own, and at 20,000 figures the
 * pages' copy held hundreds of megabytes they never use.
 *
 * Letting go is not enough to give the memory back: V8 keeps the heap it grew to while the
 * pages were rendered (650 MB for 140 MB of live objects at 20,000 figures) and the process
 * kept 1.5 GB resident while Pagefind's indexer, a process of its own, ran beside it. A full
 * collection of the kind V8 runs before giving up for lack of memory ("last resort") compacts
 * the heap and returns the rest: 0.7 GB resident there. The collector is reached as the raster
 * worker reaches it (src/lib/chart/raster-worker.mjs), without a command-line flag, so
 * `astro build` alone does it.
 */
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import type { AstroIntegration } from 'astro';
import { releaseDatasets } from '../lib/data/dataset.ts';

type Collect = (options: { type: 'major'; execution: 'sync'; flavor: 'last-resort' }) => void;

function collectAll(): void {
  setFlagsFromString('--expose-gc');
  const collect = runInNewContext('gc') as Collect;
  collect({ type: 'major', execution: 'sync', flavor: 'last-resort' });
}

export function releasePageData(): AstroIntegration {
  return {
    name: 'release-page-data',
    hooks: {
      'astro:build:generated': () => {
        releaseDatasets();
        collectAll();
      },
    },
  };
}
