/**
 * PNGs drawn at build time, kept by the hash of the SVG they were drawn from: resvg reads its
 * fonts anew for every image (about 0.1 s a share card, seconds for a long image), and the same
 * SVG with the same resvg, encoder and font packages makes the same file, so a rebuild (the tests, a
 * second build) takes them from node_modules/.cache/ instead of drawing them again.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { CJK_FONT, fontPackageDir, LATIN_FONT } from '../lib/chart/image-fonts.ts';

/**
 * node_modules/.cache/build-images/, or BUILD_IMAGE_CACHE when set: the scale benchmark
 * (scripts/lib/bench-scale.ts) gives each build an empty folder, so it measures drawing every image.
 */
const cacheDir = () => process.env['BUILD_IMAGE_CACHE'] || join(process.cwd(), 'node_modules/.cache/build-images');

let versions: string | undefined;
/** what else decides the file: the versions of resvg, of the PNG encoder and of the font packages */
function drawingVersions(): string {
  const require = createRequire(import.meta.url);
  versions ??= JSON.stringify([
    ...['@resvg/resvg-js', '@napi-rs/image'].map((p) => (require(`${p}/package.json`) as { version: string }).version),
    ...[CJK_FONT, LATIN_FONT].map(
      (f) => (JSON.parse(readFileSync(join(fontPackageDir(f.package), 'package.json'), 'utf8')) as { version: string }).version,
    ),
  ]);
  return versions;
}

const cacheFile = (svg: string) => join(cacheDir(), `${createHash('sha256').update(drawingVersions()).update(svg).digest('hex')}.png`);

/** The PNG of `svg`, from the cache or drawn by `draw` (and then kept). */
export function cachedPng(svg: string, draw: () => Buffer): Buffer {
  const file = cacheFile(svg);
  if (existsSync(file)) return readFileSync(file);
  const png = draw();
  mkdirSync(cacheDir(), { recursive: true });
  writeFileSync(file, png);
  return png;
}

/** The same, drawn by `draw` in the raster pool when it is not kept. */
export async function cachedPngAsync(svg: string, draw: () => Promise<Buffer>): Promise<Buffer> {
  const file = cacheFile(svg);
  if (existsSync(file)) return readFileSync(file);
  const png = await draw();
  mkdirSync(cacheDir(), { recursive: true });
  writeFileSync(file, png);
  return png;
}
