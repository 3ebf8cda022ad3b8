/**
 * The Astro integration that draws the share card (og:image, 1200 × 630 PNG) every built page
 * names, when `astro build` is done: the story's (its finding and key numbers), the site's card
 * of each edition, and, for every other page with a card of its own (events, indicators, the
 * promise ledger), its title and description as the page states them in its og:title and
 * og:description, in the page's language. Drawn with the packaged fonts, cut to the cards'
 * characters (as the chart images are). Each chart's card (its finding title and the chart) is
 * laid out here too (chartCardContent) but drawn with the chart's other images, while the pages
 * are built (./static-images.ts): this step checks that every one a page names is there.
 */
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { writePosterPngs } from './poster-pngs.ts';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { collectGarbage } from './collect-garbage.ts';
import { allCharts } from '../charts/index.ts';
import { htmlLang, LANGS, t, type Lang } from '../i18n/index.ts';
import { paren } from '../i18n/punctuation.ts';
import { chartCard } from '../lib/chart/chart-images.ts';
import { loadFonts, type Fonts } from '../lib/chart/image-fonts.ts';
import { RasterPool } from '../lib/chart/raster-pool.ts';
import { composePoster, type Poster, type PosterBlock } from '../lib/chart/poster.ts';
import { readThemeColors, type Palette } from '../lib/chart/theme-colors.ts';
import { getDataset } from '../lib/data/dataset.ts';
import type { Dataset } from '../lib/data/site-figure.ts';
import type { ChartDefinition } from '../lib/chart/types.ts';
import type { ChartDrawing } from '../lib/chart/image-layout.ts';
import { absoluteSite } from '../lib/site/address.ts';
import { CARD_DIR, CARD_SIZE, ownCardPath, siteCardPath } from '../lib/site/card-files.ts';
import { editionPath } from '../i18n/paths.ts';
import { headline, keyNumbers } from '../story/lead.ts';

const PADDING = 64;

export interface CardContent {
  /** path from the site root: cards/… .png */
  path: string;
  lang: Lang;
  /** a chart page's card: drawn with the chart's other images (./static-images.ts), not here */
  chart?: string;
  blocks: (fonts: Fonts) => PosterBlock[];
  /** drawn instead when `blocks` would shrink a chart's labels below MIN_CARD_TEXT */
  fallback?: (fonts: Fonts) => PosterBlock[];
}

/**
 * The smallest text a card may draw, in px of its 1,200 px width: a card is seen a third of that
 * wide in a feed, and a chart scaled down to fit 630 px (a tall bar list, six panels) would carry
 * labels of 4–10 px there. Such a chart's card states its finding in words instead.
 */
export const MIN_CARD_TEXT = 14;

const decode = (s: string) =>
  s.replaceAll('&lt;', '<').replaceAll('&gt;', '>').replaceAll('&quot;', '"').replaceAll('&#39;', "'").replaceAll('&amp;', '&');

const meta = (html: string, property: string): string | undefined => {
  const m = new RegExp(`<meta property="${property}" content="([^"]*)"`, 'u').exec(html);
  return m?.[1] === undefined ? undefined : decode(m[1]);
};

/**
 * The foot of every card: the site's name. Not its address (og:url carries it beside the card),
 * so a preview and a release draw the same cards and a release build after a preview takes
 * them all from the cache (src/integrations/png-cache.ts).
 */
function foot(lang: Lang): PosterBlock[] {
  return [{ kind: 'rule' }, { kind: 'gap', height: 14 }, { kind: 'text', text: t(lang, 'site.name'), size: 26, ink: 'muted', maxLines: 1 }];
}

/** a description that only repeats the title (an event summarised by its name) is not drawn twice */
const sameWords = (a: string, b: string) => a.replace(/[\s。.]+$/u, '') === b.replace(/[\s。.]+$/u, '');

function textCard(lang: Lang, title: string, description: string): PosterBlock[] {
  return [
    { kind: 'text', text: t(lang, 'site.shortName'), size: 26, ink: 'accent', maxLines: 1 },
    { kind: 'gap', height: 20 },
    { kind: 'text', text: title, size: 54, weight: 700, maxLines: 3 },
    ...(description === '' || sameWords(title, description)
      ? []
      : ([
          { kind: 'gap', height: 16 },
          { kind: 'text', text: description, size: 30, ink: 'muted', maxLines: 3 },
        ] as const)),
  ];
}

/** The cards the built pages name, each with what it draws. */
export function cardContents(dist: string, palette: Palette): CardContent[] {
  const pages = readdirSync(dist, { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile() && e.name === 'index.html')
    .map((e) => join(e.parentPath, e.name))
    .sort();
  const site = absoluteSite();
  const data = getDataset();
  const cards = new Map<string, CardContent>();
  // what the step before left behind, before this one's drawing threads start beside it
  collectGarbage();
  const story = new Map(LANGS.map((l) => [ownCardPath(`/${editionPath(l)}`), l]));
  const chartCards = new Map(
    LANGS.flatMap((l) => allCharts(data).map((c) => [ownCardPath(`/${editionPath(l, `charts/${c.id}/`)}`), { lang: l, def: c }] as const)),
  );
  for (const l of LANGS) {
    const path = siteCardPath(editionPath(l));
    cards.set(path, { path, lang: l, blocks: () => textCard(l, t(l, 'site.name'), t(l, 'site.description')) });
  }
  for (const file of pages) {
    const html = readFileSync(file, 'utf8');
    const image = meta(html, 'og:image');
    if (!image) continue;
    const url = new URL(image);
    const path = url.pathname.slice(site.pathname.length);
    if (url.origin !== site.origin || !url.pathname.startsWith(site.pathname) || !path.startsWith(CARD_DIR)) continue;
    if (cards.has(path)) continue;
    // the page's own language, from its <html lang>
    const lang = LANGS.find((l) => html.includes(`<html lang="${htmlLang[l]}"`));
    if (!lang) throw new Error(`share cards: ${relative(dist, file)} has no <html lang> of an edition`);
    const chart = chartCards.get(path);
    if (story.has(path)) {
      cards.set(path, {
        path,
        lang,
        blocks: () => [
          { kind: 'text', text: t(lang, 'site.shortName'), size: 26, ink: 'accent', maxLines: 1 },
          { kind: 'gap', height: 20 },
          { kind: 'text', text: headline(lang), size: 40, weight: 700, maxLines: 3 },
          { kind: 'gap', height: 24 },
          {
            kind: 'numbers',
            size: 40,
            labelSize: 24,
            // the key numbers are one series (the headline names it): each is labelled by its period
            items: keyNumbers(lang).map((k) => ({
              value: k.value,
              label: k.notes.length === 0 ? k.period : `${k.period}${paren(lang, k.notes.join(t(lang, 'event.listSeparator')))}`,
            })),
          },
        ],
      });
    } else if (chart) {
      if (chart.lang !== lang)
        throw new Error(`share cards: ${relative(dist, file)} is in ${lang} but names the ${chart.lang} card ${path}`);
      cards.set(path, chartCardContent(chart.def, lang, data, palette));
    } else {
      const title = (meta(html, 'og:title') ?? '').replace(` | ${t(lang, 'site.shortName')}`, '');
      const description = meta(html, 'og:description') ?? '';
      if (!title) throw new Error(`share cards: ${relative(dist, file)} names ${path} but has no og:title`);
      cards.set(path, { path, lang, blocks: () => textCard(lang, title, description) });
    }
  }
  return [...cards.values()];
}

/**
 * A chart page's card: the chart's finding as its title, and its wide drawing (or, too small to
 * read, its title and subtitle in words); `wide`, that drawing when the caller has it.
 */
export function chartCardContent(def: ChartDefinition, lang: Lang, data: Dataset, palette: Palette, wide?: ChartDrawing): CardContent {
  let card: ReturnType<typeof chartCard> | undefined;
  const laidOut = () => (card ??= chartCard(def, data, lang, palette, wide));
  return {
    path: ownCardPath(`/${editionPath(lang, `charts/${def.id}/`)}`),
    lang,
    chart: def.id,
    blocks: () => [
      { kind: 'text', text: laidOut().title, size: 40, weight: 700, maxLines: 2 },
      { kind: 'gap', height: 16 },
      { kind: 'chart', chart: laidOut().chart, maxHeight: 'fill' },
    ],
    fallback: () => textCard(lang, laidOut().title, laidOut().subtitle),
  };
}

/** One card laid out: its own blocks, or its fallback where those would be too small to read. */
export function composeCard(c: CardContent, fonts: Fonts, palette: Palette): Poster {
  const draw = (top: PosterBlock[]) =>
    composePoster({ ...CARD_SIZE, padding: PADDING, band: 'accent', top, bottom: foot(c.lang) }, fonts, palette);
  const first = draw(c.blocks(fonts));
  return first.smallestText < MIN_CARD_TEXT && c.fallback ? draw(c.fallback(fonts)) : first;
}

/** The cards of one edition laid out. */
export function composeCards(contents: CardContent[], lang: Lang, fonts: Fonts, palette: Palette): { c: CardContent; poster: Poster }[] {
  return contents.filter((c) => c.lang === lang).map((c) => ({ c, poster: composeCard(c, fonts, palette) }));
}

export async function writeShareCards(dist: string, log: (line: string) => void): Promise<number> {
  const palette = readThemeColors().light;
  const all = cardContents(dist, palette);
  // the charts' cards were drawn with their images, and moved in before this step
  const missing = all.filter((c) => c.chart !== undefined && !existsSync(join(dist, c.path))).map((c) => c.path);
  if (missing.length > 0) throw new Error(`share cards: the charts' images did not include ${missing.join(', ')}`);
  const contents = all.filter((c) => c.chart === undefined);
  const fontDir = mkdtempSync(join(tmpdir(), 'qd-card-fonts-'));
  let total = 0;
  const raster = new RasterPool();
  try {
    for (const lang of LANGS) {
      const whole = loadFonts(lang);
      const posters = composeCards(contents, lang, whole, palette);
      await writePosterPngs({
        what: 'share cards',
        dist,
        fontDir,
        lang,
        whole,
        width: CARD_SIZE.width,
        raster,
        posters: posters.map(({ c, poster }) => ({ path: c.path, poster })),
        written: (path, png) => {
          total += 1;
          log(`${path}: ${png.length} bytes`);
        },
      });
    }
  } finally {
    await raster.close();
    rmSync(fontDir, { recursive: true, force: true });
  }
  return total;
}

export function shareCards(): AstroIntegration {
  return {
    name: 'share-cards',
    hooks: {
      'astro:build:done': async ({ dir, logger }) => {
        const began = Date.now();
        const n = await writeShareCards(fileURLToPath(dir), (line) => logger.debug(line));
        logger.info(`${n} share cards drawn in ${((Date.now() - began) / 1000).toFixed(1)} s`);
      },
    },
  };
}
