/**
 * Drawing the build's images (chart PNGs and SVGs, share cards, long images) on every core:
 * resvg draws synchronously, about a tenth of a second a PNG, and a site with a thousand series
 * has thousands of images, so they are drawn in worker threads (./raster-worker.mjs), one per
 * core, while the main thread lays out the next ones. The same SVG, options and resvg draw the
 * same bytes in a worker as in the main thread.
 *
 * A caller that loops over every chart awaits `room()` before each `draw`, so only a few images
 * (twice the threads) wait in memory at once.
 */
import { availableParallelism } from 'node:os';
import { resolve } from 'node:path';
import { Worker } from 'node:worker_threads';
import { resvgOptions } from './image-raster.ts';
import type { Fonts } from './image-fonts.ts';

export interface Drawn {
  /** resvg's SVG, every glyph a path (when asked for) */
  svg: string | undefined;
  /** the PNG (when asked for) */
  png: Buffer | undefined;
  width: number;
  height: number;
}

interface Reply {
  id: number;
  svg?: string;
  png?: Uint8Array;
  width: number;
  height: number;
  error?: string;
}

export interface RasterJob {
  svg: string;
  fonts: Fonts;
  /** PNG width in px; the SVG's own size without it */
  width?: number;
  /** resvg's SVG with the text as paths */
  toSvg?: boolean;
  /** a PNG; true unless said otherwise */
  toPng?: boolean;
}

// read from the project root: a path relative to this module would point into dist/ once bundled
const WORKER = resolve(process.cwd(), 'src/lib/chart/raster-worker.mjs');

export class RasterPool {
  readonly size: number;
  private readonly workers: Worker[] = [];
  private readonly idle: Worker[] = [];
  private readonly queue: { id: number; message: object }[] = [];
  private readonly pending = new Map<number, { resolve: (d: Drawn) => void; reject: (e: Error) => void }>();
  private readonly waiting: (() => void)[] = [];
  private next = 0;
  private failed: Error | undefined;

  constructor(size = Math.max(1, Math.min(4, availableParallelism()))) {
    this.size = size;
    for (let i = 0; i < size; i++) {
      const worker = new Worker(WORKER);
      worker.on('message', (reply: Reply) => this.done(worker, reply));
      worker.on('error', (error) => this.fail(error));
      worker.on('exit', (code) => {
        if (code !== 0) this.fail(new Error(`raster pool: a drawing thread stopped (exit ${code})`));
      });
      this.workers.push(worker);
      this.idle.push(worker);
    }
  }

  /** Resolves when fewer than twice the threads' jobs are waiting or being drawn. */
  async room(): Promise<void> {
    while (this.pending.size >= this.size * 2 && !this.failed) await new Promise<void>((r) => this.waiting.push(r));
    if (this.failed) throw this.failed;
  }

  /** Draws one SVG. */
  draw(job: RasterJob): Promise<Drawn> {
    if (this.failed) return Promise.reject(this.failed);
    const id = this.next++;
    const message = {
      id,
      svg: job.svg,
      options: resvgOptions(job.fonts, job.width),
      toSvg: job.toSvg ?? false,
      toPng: job.toPng ?? true,
    };
    const drawn = new Promise<Drawn>((resolve, reject) => this.pending.set(id, { resolve, reject }));
    this.queue.push({ id, message });
    this.pump();
    return drawn;
  }

  private pump(): void {
    while (this.idle.length > 0 && this.queue.length > 0) {
      const worker = this.idle.pop() as Worker;
      const { message } = this.queue.shift() as { message: object };
      worker.postMessage(message);
    }
  }

  private done(worker: Worker, reply: Reply): void {
    const p = this.pending.get(reply.id);
    this.pending.delete(reply.id);
    this.idle.push(worker);
    this.pump();
    this.waiting.shift()?.();
    if (!p) return;
    if (reply.error !== undefined) p.reject(new Error(`resvg: ${reply.error}`));
    else
      p.resolve({
        svg: reply.svg,
        png: reply.png ? Buffer.from(reply.png.buffer, reply.png.byteOffset, reply.png.byteLength) : undefined,
        width: reply.width,
        height: reply.height,
      });
  }

  private fail(error: Error): void {
    this.failed ??= error;
    for (const p of this.pending.values()) p.reject(this.failed);
    this.pending.clear();
    for (const w of this.waiting.splice(0)) w();
  }

  async close(): Promise<void> {
    await Promise.all(this.workers.map((w) => w.terminate()));
  }
}
