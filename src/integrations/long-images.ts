/**
 * The 一图读懂 long images, drawn while `astro build` builds the pages, by the process that draws
 * the images made from the tables alone (./draw-images.ts): one for the story and one for each
 * event of kind `conference`, in every edition. A vertical PNG
 * 1080 px wide: the finding, three to five key numbers, two to four charts (the same chart
 * modules and text layer as the chart images, laid out narrow and scaled up so no text is under
 * 28 px), 数据截至 date and dataset version, the sources, the site's name and address and, at
 * its foot, a QR code of the page's own address (qrcode). A preview build (no public address)
 * prints no QR code, since it would lead nowhere, and says so where the code would be.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { writePosterPngs } from './poster-pngs.ts';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { collectGarbage } from './collect-garbage.ts';
import QRCode from 'qrcode';
import pkg from '../../package.json';
import { CHARTS, chartById } from '../charts/index.ts';
import { LANGS, t, type Lang } from '../i18n/index.ts';
import { PUNCTUATION } from '../i18n/punctuation.ts';
import { chartPanel } from '../lib/chart/chart-panel.ts';
import { loadFonts } from '../lib/chart/image-fonts.ts';
import { RasterPool } from '../lib/chart/raster-pool.ts';
import { composePoster, type Poster, type PosterBlock } from '../lib/chart/poster.ts';
import { readThemeColors, type Palette } from '../lib/chart/theme-colors.ts';
import type { ChartDefinition } from '../lib/chart/types.ts';
import { dataLastChanged } from '../lib/data/data-date.ts';
import { getDataset } from '../lib/data/dataset.ts';
import type { Dataset } from '../lib/data/site-figure.ts';
import { publicSite } from '../lib/site/address.ts';
import { buildDate } from '../lib/site/build-date.ts';
import { sitePaths } from '../lib/site/routes.ts';
import { buildEventPage } from '../lib/timeline/event-view.ts';
import { formatIsoDate } from '../lib/words/format.ts';
import { sourcePublisher } from '../lib/words/source-names.ts';
import { headline, keyNumbers } from '../story/lead.ts';
import { storySections } from '../story/sections.ts';

export const LONG_IMAGE = { width: 1080, minHeight: 2000, maxHeight: 16_000, maxBytes: 5_000_000, minText: 28, qrZone: 3000 } as const;
const PADDING = 56;
const INNER = LONG_IMAGE.width - PADDING * 2;
/** a chart panel's own width: scaled up to INNER, its smallest text (10 px) comes out at 28.5 px */
const PANEL_WIDTH = Math.floor((INNER * 10) / (LONG_IMAGE.minText + 0.5));
const QR_SIZE = 420;

export interface LongImageContent {
  /** path of the PNG from the site root */
  path: string;
  /** path of the page it stands for, from the site root */
  page: string;
  lang: Lang;
  title: string;
  /** the event's date, as precise as its sources */
  dateLine?: string;
  finding: string;
  numbers: { value: string; label: string }[];
  charts: ChartDefinition[];
  sources: string[];
}

/** The story's and every conference's long image, in every edition. */
export function longImageContents(data: Dataset): LongImageContent[] {
  const out: LongImageContent[] = [];
  for (const lang of LANGS) {
    const at = sitePaths(lang);
    const storyCharts = [...new Set(storySections(lang).flatMap((s) => s.charts))].slice(0, 4).map((id) => chartById(id));
    out.push({
      path: at.storyLongImage(),
      page: at.story(),
      lang,
      title: t(lang, 'site.name'),
      finding: headline(lang),
      // the lead series, the latest five at most; each labelled with its series and period
      numbers: keyNumbers(lang)
        .slice(-5)
        .map((k) => ({
          value: k.value,
          label: [lang === 'zh' ? `${k.period}${k.name}` : `${k.name}, ${k.period}`, ...k.notes].join(t(lang, 'event.listSeparator')),
        })),
      charts: storyCharts,
      sources: [...new Set(storyCharts.flatMap((c) => c.select(data).flatMap((f) => f.sources)))].map((id) => {
        const s = data.sources.get(id);
        if (!s) throw new Error(`long image of the story: source "${id}" is not in sources.csv`);
        return sourcePublisher(s, lang);
      }),
    });
    for (const e of data.events.filter((x) => x.kind === 'conference')) {
      const page = buildEventPage(e, data, lang);
      const figures = [...page.keyFigures, ...page.topics.flatMap((tp) => tp.groups.flatMap((g) => g.figures))];
      // one figure an indicator first (the targets the conference set lead), then the rest, to five
      const unique = [...new Map(figures.map((f) => [f.id, f])).values()];
      const byIndicator = new Set<string>();
      const picked = [...unique.filter((f) => !byIndicator.has(f.indicator) && byIndicator.add(f.indicator)), ...unique].filter(
        (f, i, all) => all.findIndex((x) => x.id === f.id) === i,
      );
      const numbers = picked.slice(0, 5).map((f) => ({
        value: f.value,
        label: lang === 'zh' ? `${f.period}${f.place}${f.indicator}` : `${f.indicator}, ${f.place}, ${f.period}`,
      }));
      const own = new Set(e.source);
      const indicators = new Set(figures.map((f) => data.byId.get(f.id)?.indicator ?? ''));
      const score = (c: ChartDefinition) => {
        const rows = c.select(data);
        return [
          rows.filter((r) => r.sources.some((s) => own.has(s))).length,
          rows.filter((r) => indicators.has(r.indicator)).length,
        ] as const;
      };
      const charts = CHARTS.map((c) => ({ c, s: score(c) }))
        .filter(({ s }) => s[0] + s[1] > 0)
        .sort((a, b) => b.s[0] - a.s[0] || b.s[1] - a.s[1])
        .slice(0, 4)
        .map(({ c }) => c);
      out.push({
        path: at.eventLongImage(e.id),
        page: at.event(e.id),
        lang,
        title: page.event.name,
        dateLine: page.event.dateText,
        finding: page.event.summary,
        numbers,
        charts,
        sources: page.event.sources.map((s) => s.label),
      });
    }
  }
  return out;
}

/** The QR code of an address as SVG markup (qrcode), medium error correction. */
export async function qrMarkup(address: string): Promise<string> {
  return QRCode.toString(address, { type: 'svg', margin: 2, errorCorrectionLevel: 'M' });
}

/**
 * The long image, with as many of its charts (two to four) as fit in the height allowed: a
 * chart's panel with its notes can be 3,000 px tall, and the English ones run longer.
 */
export async function longImagePoster(c: LongImageContent, data: Dataset, palette: Palette): Promise<Poster> {
  for (let n = c.charts.length; ; n -= 1) {
    const poster = await drawLongImage({ ...c, charts: c.charts.slice(0, n) }, data, palette);
    if (poster.height <= LONG_IMAGE.maxHeight || n <= 2) return poster;
  }
}

async function drawLongImage(c: LongImageContent, data: Dataset, palette: Palette): Promise<Poster> {
  const { lang } = c;
  const fonts = loadFonts(lang);
  const site = publicSite();
  const P = PUNCTUATION[lang];
  const dataDate = dataLastChanged() ?? buildDate().day;
  const panels = c.charts.map((def) => chartPanel(def, data, lang, PANEL_WIDTH, palette));
  const top: PosterBlock[] = [
    { kind: 'text', text: t(lang, 'longImage.kicker'), size: 34, weight: 700, ink: 'accent' },
    { kind: 'gap', height: 12 },
    { kind: 'text', text: c.title, size: 56, weight: 700 },
    ...(c.dateLine
      ? ([
          { kind: 'gap', height: 8 },
          { kind: 'text', text: c.dateLine, size: 32, ink: 'muted' },
        ] as PosterBlock[])
      : []),
    { kind: 'gap', height: 24 },
    { kind: 'text', text: c.finding, size: 36 },
    { kind: 'gap', height: 40 },
  ];
  if (c.numbers.length > 0) {
    top.push({ kind: 'text', text: t(lang, 'longImage.keyNumbers'), size: 30, weight: 700, ink: 'muted' }, { kind: 'gap', height: 12 });
    // one a row: a label is a long name, and two columns would break it a character a line
    for (const n of c.numbers) top.push({ kind: 'numbers', size: 52, labelSize: 30, items: [n] }, { kind: 'gap', height: 24 });
    top.push({ kind: 'gap', height: 16 });
  }
  for (const p of panels) {
    top.push({ kind: 'rule' }, { kind: 'gap', height: 24 });
    top.push(
      { kind: 'svg', markup: p.svg, width: p.width, height: p.height, texts: p.texts, smallest: p.smallestText },
      { kind: 'gap', height: 32 },
    );
  }
  const address = site ? new URL(c.page, site).href : undefined;
  const bottom: PosterBlock[] = [
    { kind: 'rule' },
    { kind: 'gap', height: 24 },
    {
      kind: 'text',
      text: t(lang, 'longImage.asOf', { date: formatIsoDate(dataDate, lang), version: pkg.version }),
      size: 30,
      ink: 'muted',
    },
    { kind: 'gap', height: 8 },
    {
      kind: 'text',
      text: t(lang, 'longImage.sources', { sources: [...new Set(c.sources)].join(P.listSep) }),
      size: 28,
      ink: 'muted',
      maxLines: 8,
    },
    { kind: 'gap', height: 32 },
    address
      ? { kind: 'square', markup: await qrMarkup(address), size: QR_SIZE, caption: t(lang, 'longImage.scan'), captionSize: 30 }
      : { kind: 'text', text: t(lang, 'longImage.noQr'), size: 32, weight: 700 },
    { kind: 'gap', height: 24 },
    { kind: 'text', text: t(lang, 'site.name'), size: 30, weight: 700 },
    { kind: 'text', text: address ?? t(lang, 'site.preview'), size: 28, ink: 'muted' },
  ];
  return composePoster(
    { width: LONG_IMAGE.width, padding: PADDING, minHeight: LONG_IMAGE.minHeight, band: 'accent', top, bottom },
    fonts,
    palette,
  );
}

export async function writeLongImages(dist: string, log: (line: string) => void): Promise<number> {
  const palette = readThemeColors().light;
  const data = getDataset();
  // what the step before left behind, before this one's drawing threads start beside it
  collectGarbage();
  const contents = longImageContents(data);
  const fontDir = mkdtempSync(join(tmpdir(), 'qd-long-fonts-'));
  const raster = new RasterPool();
  try {
    for (const lang of LANGS) {
      const whole = loadFonts(lang);
      const posters: { c: LongImageContent; poster: Poster }[] = [];
      for (const c of contents.filter((x) => x.lang === lang)) {
        const poster = await longImagePoster(c, data, palette);
        if (poster.height > LONG_IMAGE.maxHeight)
          throw new Error(`long images: ${c.path} is ${poster.height} px tall, over ${LONG_IMAGE.maxHeight}`);
        if (poster.smallestText < LONG_IMAGE.minText - 0.01)
          throw new Error(`long images: ${c.path} draws text ${poster.smallestText.toFixed(1)} px tall, under ${LONG_IMAGE.minText}`);
        posters.push({ c, poster });
      }
      const lines = new Map(posters.map(({ c }) => [c.path, `${c.charts.length} charts, ${c.numbers.length} numbers`]));
      await writePosterPngs({
        what: 'long images',
        dist,
        fontDir,
        lang,
        whole,
        width: LONG_IMAGE.width,
        raster,
        posters: posters.map(({ c, poster }) => ({ path: c.path, poster })),
        check: (path, png) => {
          if (png.length > LONG_IMAGE.maxBytes) throw new Error(`long images: ${path} is ${png.length} bytes, over ${LONG_IMAGE.maxBytes}`);
        },
        written: (path, png, poster) => log(`${path}: 1080×${poster.height}, ${png.length} bytes, ${lines.get(path)}`),
      });
    }
  } finally {
    await raster.close();
    rmSync(fontDir, { recursive: true, force: true });
  }
  return contents.length;
}
