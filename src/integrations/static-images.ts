/**
 * The Astro integration that draws each chart's static images into the built site when
 * `astro build` is done, so the build alone makes everything the site serves:
 *   charts/<id>/<id>.svg         vector, text as paths, 540 CSS px wide
 *   charts/<id>/<id>-1080.png    the same at 2×: 1080 px wide
 *   charts/<id>/<id>-phone.png   a tall portrait for phones: 720 px wide, at least 1280 px tall
 *   charts/<id>/oembed.json      the chart's oEmbed document, naming the 1080 px PNG as its thumbnail
 * (and the same under en/). Light palette, title, subtitle, notes, source line, date and the
 * site's name (with its address when one is set) drawn in. The Chinese images are drawn in
 * Noto Sans SC, the English ones in Noto Sans with Noto Sans SC for the Chinese they quote
 * (src/lib/chart/image-fonts.ts); a character none of an edition's fonts can draw stops the
 * build instead of printing as a box. The dev server does not make them.
 *
 * The date is today's in Asia/Shanghai, or SOURCE_DATE_EPOCH's when set (reproducible builds).
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { spawn } from 'node:child_process';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { allCharts } from '../charts/index.ts';
import { LANGS, t, type Lang } from '../i18n/index.ts';
import { chartPaths, STATIC_IMAGE_SIZES } from '../lib/chart/chart-files.ts';
import { chartImages } from '../lib/chart/chart-images.ts';
import { forgetChartFrame } from '../lib/chart/frame.ts';
import type { ImageText } from '../lib/chart/image-layout.ts';
import { fontFamilyList, loadFonts, missingGlyphs, subsetFonts, svgCharacters, type Fonts } from '../lib/chart/image-fonts.ts';
import { labelSvg } from '../lib/chart/image-raster.ts';
import { RasterPool } from '../lib/chart/raster-pool.ts';
import { readThemeColors } from '../lib/chart/theme-colors.ts';
import { getDataset } from '../lib/data/dataset.ts';
import { formatIsoDate } from '../lib/words/format.ts';
import { buildDate } from '../lib/site/build-date.ts';
import { absoluteSite, publicSite } from '../lib/site/address.ts';
import { DRAWING_ALLOCATOR, withAllocatorSettings } from '../lib/site/allocator-env.ts';
import { oembedDocument } from '../lib/chart/oembed.ts';
import { copiedEmbedPath } from '../lib/chart/embed-code.ts';
import { editionPath } from '../i18n/paths.ts';
import { collectGarbage } from './collect-garbage.ts';
import { moveTree } from './move-tree.ts';
import { cachedPngAsync } from './png-cache.ts';
import { chartCardContent, composeCard } from './share-cards.ts';
import { CARD_SIZE } from '../lib/site/card-files.ts';

/** Charts laid out between two full collections of the heap. */
const COLLECT_EVERY = 50;
/**
 * Charts whose characters the edition's cut fonts lack are laid out and kept waiting until this
 * many wait (or the last chart is laid out), and the fonts are then cut again with theirs:
 * cutting costs about half a second, so it is done for many charts at once, not for each.
 */
const RECUT_AFTER = 32;

interface LaidOut {
  id: string;
  text: ImageText;
  wide: string;
  phone: string;
  /** the chart page's share card */
  card: { path: string; svg: string };
  chars: Set<string>;
}

/**
 * Writes every chart's images, in every edition, into `dir`: its SVG, its two PNGs, its oEmbed
 * document, and its page's share card (laid out as ./share-cards.ts lays out every card, and
 * drawn here, where the chart's wide drawing has just been made); `log` hears one line an image set.
 * Each chart is laid out (in this thread) while the charts before it are drawn (in the raster
 * pool's threads), so drawing starts with the first charts rather than after the last. resvg is
 * given fonts cut to the characters of the charts it draws (subsetFonts): cut again, with the
 * characters met so far, whenever laid-out charts need characters the last cut lacks.
 */
export async function writeStaticImages(dir: string, log: (line: string) => void): Promise<void> {
  // the images carry the public address only when the build was given one
  const site = publicSite()?.href;
  const palette = readThemeColors().light;
  const { wide, phone } = STATIC_IMAGE_SIZES;
  const data = getDataset();
  const charts = allCharts(data);
  const fontDir = mkdtempSync(join(tmpdir(), 'qd-image-fonts-'));
  const raster = new RasterPool();
  const written: Promise<void>[] = [];
  let cuts = 0;
  let laidOut = 0;

  const draw = async (lang: Lang, images: LaidOut, fonts: Fonts) => {
    const { id } = images;
    const paths = chartPaths(id, lang);
    await raster.room();
    // one parse of the wide SVG gives the SVG file (text as paths) and the 1080 px PNG
    const widePng = raster.draw({ svg: images.wide, fonts, width: wide.width * wide.scale, toSvg: true });
    const phonePng = raster.draw({ svg: images.phone, fonts, width: phone.width * phone.scale });
    await raster.room();
    const { card } = images;
    const cardPng = cachedPngAsync(
      card.svg,
      async () => (await raster.draw({ svg: card.svg, fonts, width: CARD_SIZE.width })).png as Buffer,
    );
    const done = Promise.all([widePng, phonePng, cardPng]).then(([w, p, c]) => {
      mkdirSync(dirname(join(dir, card.path)), { recursive: true });
      writeFileSync(join(dir, card.path), c);
      mkdirSync(join(dir, paths.page), { recursive: true });
      writeFileSync(join(dir, paths.svg), labelSvg(w.svg as string, images.text));
      writeFileSync(join(dir, paths.pngWide), w.png as Buffer);
      writeFileSync(join(dir, paths.pngPhone), p.png as Buffer);
      // the oEmbed document names the PNG just drawn, with its size
      const oembed = oembedDocument({
        site: absoluteSite(),
        editionRoot: editionPath(lang),
        siteName: t(lang, 'site.name'),
        title: images.text.title,
        frameTitle: t(lang, 'embed.frameTitle', { title: images.text.title, site: t(lang, 'site.shortName') }),
        embedPath: copiedEmbedPath(id, lang),
        thumbnail: { path: paths.pngWide, width: w.width, height: w.height },
      });
      writeFileSync(join(dir, paths.oembed), `${JSON.stringify(oembed, null, 2)}\n`);
      log(`${lang} ${id}: svg, ${w.width}×${w.height} png, ${p.width}×${p.height} png, share card`);
    });
    // a failure is met by the Promise.all below, not reported as unhandled before it
    done.catch(() => undefined);
    written.push(done);
  };

  // every edition has its own images: the English ones in English, under en/
  const drawEdition = async (lang: Lang) => {
    const date = t(lang, 'embed.imageDate', { date: formatIsoDate(buildDate().day, lang) });
    const whole = loadFonts(lang);
    let fonts: Fonts | undefined;
    let known = new Set<string>();
    const waiting: LaidOut[] = [];
    const recut = async () => {
      const chars = new Set([...known, ...waiting.flatMap((w) => [...w.chars])]);
      const cutDir = join(fontDir, `${lang}-${cuts++}`);
      mkdirSync(cutDir);
      // earlier cuts stay on disk: charts queued with them may not be drawn yet
      fonts = await subsetFonts(whole, [...chars].join(''), cutDir);
      known = chars;
      for (const images of waiting.splice(0)) await draw(lang, images, fonts);
    };
    for (const def of charts) {
      const images = chartImages(def, data, { lang, site, date, palette });
      // the card shows the wide image's drawing, made just now
      const card = chartCardContent(def, lang, data, palette, images.wide.chart);
      const poster = composeCard(card, whole, palette);
      // each chart is laid out once here: its frame is not asked for again
      forgetChartFrame(def, data, lang);
      for (const text of poster.texts) {
        const missing = missingGlyphs(text, whole);
        if (missing.length > 0)
          throw new Error(`share cards: ${card.path}: ${missing.join(' ')} in "${text}" has no glyph in ${fontFamilyList(whole)}`);
      }
      const chars = new Set(svgCharacters(images.wide.svg) + svgCharacters(images.phone.svg) + poster.texts.join(''));
      const laid = {
        id: def.id,
        text: images.text,
        wide: images.wide.svg,
        phone: images.phone.svg,
        card: { path: card.path, svg: poster.svg },
        chars,
      };
      if (fonts && [...chars].every((c) => known.has(c))) await draw(lang, laid, fonts);
      else {
        waiting.push(laid);
        if (waiting.length >= RECUT_AFTER) await recut();
      }
      // each layout leaves megabytes of garbage that V8 would let the heap grow by rather than
      // give back (at 20,000 figures a 1 GB heap for 0.3 GB alive while the threads drew)
      if (++laidOut % COLLECT_EVERY === 0) collectGarbage(true);
      // the drawing threads' replies are read, and the next jobs sent, between two layouts
      await new Promise((r) => setImmediate(r));
    }
    if (waiting.length > 0) await recut();
  };

  try {
    for (const lang of LANGS) await drawEdition(lang);
    await Promise.all(written);
  } finally {
    await raster.close();
    rmSync(fontDir, { recursive: true, force: true });
  }
  if (charts.length === 0) log('the chart registry (src/charts/index.ts) is empty; no images written');
}

/**
 * The images that need the tables alone (each chart's images and share card, the long images)
 * are drawn while the pages are built: by a process of their own (./draw-images.ts), started
 * when the build starts, into a folder of its own (Astro empties the output folder after this
 * hook), and moved into the site when the build is done. The pages are built in this process's
 * one thread; laying the charts out in it too starved them (each page waits for the event loop
 * several times, and each chart's layout held it for tens of milliseconds), so the layout has
 * its own process and the drawing its threads, which on two cores fill the core the pages leave
 * idle. docs/decisions/0013-chart-images-drawn-beside-the-pages.md.
 */
export function staticImages(): AstroIntegration {
  let drawing: Promise<{ dir: string; counts: Drawn; seconds: number }> | undefined;
  return {
    name: 'static-images',
    hooks: {
      'astro:build:start': () => {
        const began = Date.now();
        const dir = mkdtempSync(join(tmpdir(), 'qd-images-'));
        // a build that fails exits before astro:build:done: the folder goes with it
        process.once('exit', () => rmSync(dir, { recursive: true, force: true }));
        drawing = drawInOwnProcess(dir).then(
          (counts) => ({ dir, counts, seconds: (Date.now() - began) / 1000 }),
          (error: unknown) => {
            rmSync(dir, { recursive: true, force: true });
            throw error;
          },
        );
        // met at astro:build:done; a build that fails before then exits with its own error
        drawing.catch(() => undefined);
      },
      'astro:build:done': async ({ dir, logger }) => {
        if (!drawing) throw new Error('static-images: astro:build:done without astro:build:start');
        const images = await drawing;
        const dist = fileURLToPath(dir);
        moveTree(images.dir, dist);
        logger.info(
          `${images.counts.sets} image sets (chart × edition) and ${images.counts.long} long images drawn in ${images.seconds.toFixed(1)} s, beside the pages`,
        );
      },
    },
  };
}

interface Drawn {
  /** charts × editions */
  sets: number;
  long: number;
}

// read from the project root: a path relative to this module would point into Astro's bundle
const DRAW = resolve(process.cwd(), 'src/integrations/draw-images.ts');

/** Runs ./draw-images.ts into `dir`; resolves with what it drew, or rejects with what the process said. */
function drawInOwnProcess(dir: string): Promise<Drawn> {
  return new Promise((done, fail) => {
    // tsx, as `npm run build`'s data check (prebuild) runs with: the layout is TypeScript; with a
    // channel to this process, whose closing tells the child the build has gone
    // with resvg's allocator keeping freed pages a second: a drawing frees megabytes of pixels
    // for every PNG, and faulting them in again for the next cost more than keeping them
    // (decision 0013)
    const child = spawn(process.execPath, ['--import', 'tsx', DRAW, dir], {
      stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
      env: withAllocatorSettings(process.env, DRAWING_ALLOCATOR),
    });
    let out = '';
    let err = '';
    child.stdout?.on('data', (d: Buffer) => (out += d.toString()));
    child.stderr?.on('data', (d: Buffer) => (err += d.toString()));
    child.on('error', fail);
    child.on('close', (code) => {
      const sets = /^image sets: (\d+)$/mu.exec(out)?.[1];
      const long = /^long images: (\d+)$/mu.exec(out)?.[1];
      if (code === 0 && sets !== undefined && long !== undefined) done({ sets: Number(sets), long: Number(long) });
      else fail(new Error(`static images: drawing the images failed (exit ${code}):\n${err.trim() || out.trim()}`));
    });
  });
}
