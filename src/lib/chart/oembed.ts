/**
 * A chart's oEmbed document (https://oembed.com/, version 1.0, type "rich"), which a CMS finds
 * through the chart page's `<link rel="alternate" type="application/json+oembed">` and turns a
 * pasted link into the embedded chart: the same iframe as the embed code, the chart's PNG as
 * its thumbnail. A static site answers no query, so the document is one file per chart and
 * edition; every address in it is absolute, as the format demands.
 */
import { embedCode, EMBED_HEIGHT } from './embed-code.ts';

/** the widest an embedded chart is drawn (Embed.astro: 46rem) */
export const EMBED_MAX_WIDTH = 736;
/** a day: a chart changes when the data does */
export const OEMBED_CACHE_AGE = 86_400;

export interface OEmbedRich {
  type: 'rich';
  version: '1.0';
  title: string;
  provider_name: string;
  provider_url: string;
  cache_age: number;
  html: string;
  width: number;
  height: number;
  thumbnail_url: string;
  thumbnail_width: number;
  thumbnail_height: number;
}

export interface OEmbedInput {
  /** the site's address ending in "/" */
  site: URL;
  /** the edition's root path, "" or "en/" */
  editionRoot: string;
  siteName: string;
  title: string;
  frameTitle: string;
  embedPath: string;
  thumbnail: { path: string; width: number; height: number };
}

export function oembedDocument(x: OEmbedInput): OEmbedRich {
  return {
    type: 'rich',
    version: '1.0',
    title: x.title,
    provider_name: x.siteName,
    provider_url: new URL(x.editionRoot, x.site).href,
    cache_age: OEMBED_CACHE_AGE,
    html: embedCode(x.site.href, x.embedPath, x.frameTitle),
    width: EMBED_MAX_WIDTH,
    height: EMBED_HEIGHT,
    thumbnail_url: new URL(x.thumbnail.path, x.site).href,
    thumbnail_width: x.thumbnail.width,
    thumbnail_height: x.thumbnail.height,
  };
}
