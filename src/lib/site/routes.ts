/**
 * Every internal page path of the site, made in one place. Pages, components, client code and
 * tests take their addresses from here; a unit test (test/unit/routes.test.ts) fails when a
 * template string elsewhere builds a page path.
 *
 * Three forms of the same table:
 * - `pagePaths`: relative to an edition's root ("sources/x/"), as chart marks carry them for the
 *   client to join onto the edition's base;
 * - `sitePaths(lang)`: relative to the site root ("en/sources/x/"), for files in dist/ and
 *   absolute URLs built on the site address;
 * - `routes(lang)`: links, with the base URL ("/en/sources/x/").
 * Files both editions share (downloads, raw source texts, the embed stylesheet and script) are in
 * `sharedFiles` (relative to the site root) and `sharedHrefs` (with the base URL).
 */
import type { Lang } from '../../i18n/index.ts';
import { editionPath, href } from '../../i18n/paths.ts';

/** The language of an address and the same page in the other edition come from the same prefix table. */
export { langOfPathname, twinPathname } from '../../i18n/paths.ts';

/** The /data/ explorer's folder, alone so that client code can tell its links apart without the whole table. */
export const DATA_PAGE = 'data/';

const anchor = (prefix: string, id: string | undefined): string => (id === undefined ? '' : `#${prefix}${id}`);

/** Each page kind, relative to the edition's root; optional arguments are the anchors pages link to. */
export const pagePaths = {
  story: () => '',
  charts: () => 'charts/',
  chart: (id: string) => `charts/${id}/`,
  /** a chart's rows as CSV, beside its page */
  chartCsv: (id: string) => `charts/${id}.csv`,
  /** a chart's build-time images, inside its page's folder (suffix from STATIC_IMAGE_SIZES) */
  chartImage: (id: string, suffix: string, ext: 'svg' | 'png') => `charts/${id}/${id}${suffix}.${ext}`,
  /** a chart's oEmbed document, inside its page's folder */
  chartOembed: (id: string) => `charts/${id}/oembed.json`,
  embed: (id: string) => `embed/${id}/`,
  /** a chart's embed pinned to a kept release of the dataset */
  pinnedEmbed: (id: string, version: string) => `embed/${id}/v/${version}/`,
  /** the story's 一图读懂 long image */
  storyLongImage: () => 'long-image.png',
  /** a conference's 一图读懂 long image, inside its page's folder */
  eventLongImage: (id: string) => `events/${id}/long-image.png`,
  timeline: (eventId?: string) => `timeline/${anchor('', eventId)}`,
  event: (id: string) => `events/${id}/`,
  sources: () => 'sources/',
  /** a source's viewer; with a figure id, that figure's sentence in it */
  source: (id: string, figureId?: string) => `sources/${id}/${anchor('fig-', figureId)}`,
  indicators: () => 'indicators/',
  /** an indicator's page; with a figure id, that figure's row on it */
  indicator: (id: string, figureId?: string) => `indicators/${id}/${anchor('f-', figureId)}`,
  /** the promise ledger; with a promise id, its line */
  promises: (promiseId?: string) => `promises/${anchor('p-', promiseId)}`,
  /** the glossary; with a term's anchor, that term */
  glossary: (termAnchor?: string) => `glossary/${anchor('', termAnchor)}`,
  /** the /data/ explorer; with a figure id, its row */
  data: (figureId?: string) => `${DATA_PAGE}${anchor('row-', figureId)}`,
  dictionary: () => 'data/dictionary/',
  cite: () => 'data/cite/',
  corrections: () => 'corrections/',
  correctionsFeed: () => 'corrections/feed.xml',
  /** the reconciliation page; with a continuity finding's id, its section */
  reconciliation: (findingId?: string) => `reconciliation/${anchor('', findingId)}`,
  /** the site search (its form adds ?q=) */
  search: () => 'search/',
} as const;

type PageKinds = typeof pagePaths;
/** One function per page kind, each giving a path in the form its maker chose. */
export type Routes = { [K in keyof PageKinds]: (...args: Parameters<PageKinds[K]>) => string };

function mapped(wrap: (path: string) => string): Routes {
  const out: Record<string, (...args: never[]) => string> = {};
  for (const [kind, make] of Object.entries(pagePaths)) {
    out[kind] = (...args: never[]) => wrap((make as (...a: never[]) => string)(...args));
  }
  return out as unknown as Routes;
}

/** Page paths relative to the site root: sitePaths('en').chart('x') → en/charts/x/. */
export function sitePaths(lang: Lang): Routes {
  return mapped((path) => editionPath(lang, path));
}

/** Links with the base URL: routes('en').chart('x') → /en/charts/x/. */
export function routes(lang: Lang): Routes {
  return mapped((path) => href(lang, path));
}

/** The data package's file name, in the downloads folder. */
export const DATAPACKAGE_FILE = 'datapackage.json';

/** Files both editions share, relative to the site root. */
export const sharedFiles = {
  downloadsDir: () => 'downloads/',
  download: (file: string) => `downloads/${file}`,
  datapackage: () => `downloads/${DATAPACKAGE_FILE}`,
  /** a source's normalised text as it is checked into data/sources/ */
  sourceText: (id: string) => `sources/${id}/raw.txt`,
  embedThemes: () => 'embed/themes.css',
  embedParent: () => 'embed-parent.js',
} as const;

const base = (): string => import.meta.env?.BASE_URL ?? '/';

/** The shared files as links, with the base URL. */
export const sharedHrefs: { [K in keyof typeof sharedFiles]: (...args: Parameters<(typeof sharedFiles)[K]>) => string } = {
  downloadsDir: () => `${base()}${sharedFiles.downloadsDir()}`,
  download: (file) => `${base()}${sharedFiles.download(file)}`,
  datapackage: () => `${base()}${sharedFiles.datapackage()}`,
  sourceText: (id) => `${base()}${sharedFiles.sourceText(id)}`,
  embedThemes: () => `${base()}${sharedFiles.embedThemes()}`,
  embedParent: () => `${base()}${sharedFiles.embedParent()}`,
};
