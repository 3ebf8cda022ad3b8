/**
 * One thread of the raster pool (./raster-pool.ts): draws SVGs with resvg, one job at a time.
 * Plain JavaScript, so every Node the project supports runs it without a TypeScript loader.
 *
 * resvg keeps a parsed tree and a full-size pixmap (a 1080 × 1400 PNG is 6 MB of pixels) in
 * native memory that is freed only when V8 collects the small JavaScript objects holding them,
 * and V8 does not know they are large: left alone, a build of a few thousand images grew by
 * 10 MB an image to over 15 GB. So the thread collects its garbage after every job.
 *
 * The PNG is written by @napi-rs/image from resvg's pixels, not by resvg's own encoder: unfiltered
 * rows at the default compression suit flat-coloured charts, and the files came out a third smaller
 * for a tenth less CPU (docs/decisions/0013-chart-images-drawn-beside-the-pages.md). resvg's
 * pixels are premultiplied; they are plain RGBA only because every image is drawn on an opaque
 * ground (resvgOptions in ./image-raster.ts), which is why that option is not the caller's choice.
 */
import { parentPort } from 'node:worker_threads';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { Resvg } from '@resvg/resvg-js';
import { CompressionType, FilterType, Transformer } from '@napi-rs/image';

setFlagsFromString('--expose-gc');
/** @type {(options?: { type: 'major' | 'minor' }) => void} */
const collect = runInNewContext('gc');

if (!parentPort) throw new Error('raster-worker.mjs runs as a worker thread of raster-pool.ts');
const port = parentPort;
let jobs = 0;

port.on('message', (/** @type {{ id: number, svg: string, options: object, toSvg: boolean, toPng: boolean }} */ job) => {
  try {
    let resvg = new Resvg(job.svg, job.options);
    const svg = job.toSvg ? resvg.toString() : undefined;
    let png;
    let width = 0;
    let height = 0;
    if (job.toPng) {
      let image = resvg.render();
      png = Transformer.fromRgbaPixels(image.pixels, image.width, image.height).pngSync({
        compressionType: CompressionType.Default,
        filterType: FilterType.NoFilter,
      });
      width = image.width;
      height = image.height;
      image = undefined;
    }
    resvg = undefined;
    // the job's objects are dead and young: a minor collection frees them (a full one after
    // every job cost a third more time); a full one now and then for anything promoted
    collect(++jobs % 64 === 0 ? { type: 'major' } : { type: 'minor' });
    port.postMessage({ id: job.id, svg, png, width, height });
  } catch (error) {
    port.postMessage({ id: job.id, error: error instanceof Error ? error.message : String(error) });
  }
});
