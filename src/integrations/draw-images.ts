/**
 * The process that draws the images made from the tables alone while Astro builds the pages
 * (./static-images.ts starts it): `node --import tsx src/integrations/draw-images.ts DIR` writes
 * into DIR every chart's images and share card (./static-images.ts), then the 一图读懂 long images
 * (./long-images.ts), and prints how many it drew. It reads the same tables (DATA_DIR), address
 * and build date as the build, from the same environment.
 */
import { writeLongImages } from './long-images.ts';
import { writeStaticImages } from './static-images.ts';

const dir = process.argv[2];
if (!dir || process.argv.length !== 3) {
  console.error('usage: node --import tsx src/integrations/draw-images.ts DIR');
  process.exit(2);
}
// the build that started this process has ended (stopped, or failed on a page): so does this
const gone = () => process.exit(1);
process.on('disconnect', gone);
let sets = 0;
try {
  await writeStaticImages(dir, () => (sets += 1));
  const long = await writeLongImages(dir, () => undefined);
  console.log(`image sets: ${sets}\nlong images: ${long}`);
} catch (error) {
  // the message alone (a table's file and line, a character without a glyph): the build prints it
  console.error(error instanceof Error ? error.message : String(error));
  process.exit(1);
}
process.off('disconnect', gone);
// the open channel would keep this process alive
process.disconnect?.();
