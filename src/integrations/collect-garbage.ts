/**
 * A full garbage collection of the kind V8 runs before giving up for lack of memory ("last
 * resort"): it compacts the heap and gives back to the system what is free. V8 otherwise keeps
 * the heap it once grew to, and a build that loads the dataset, renders the pages and lays out
 * every chart grows it to several times what is alive (at 20,000 generated figures, 650 MB of
 * heap for 140 MB of live objects once the pages were written), while Pagefind's indexer and the
 * image threads need memory beside it. Reached the way the raster worker reaches the collector
 * (src/lib/chart/raster-worker.mjs), without a command-line flag, so `astro build` alone does it.
 */
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

type Collect = (options: { type: 'major'; execution: 'sync'; flavor: 'regular' | 'last-resort' }) => void;

let collect: Collect | undefined;

/**
 * `often`: for a collection repeated while work goes on (every few seconds, every few dozen
 * charts), one full collection rather than the last-resort kind, which repeats until nothing
 * more is freed and cost several times as much.
 */
export function collectGarbage(often = false): void {
  if (!collect) {
    setFlagsFromString('--expose-gc');
    collect = runInNewContext('gc') as Collect;
  }
  collect({ type: 'major', execution: 'sync', flavor: often ? 'regular' : 'last-resort' });
}
