/**
 * Where each page's share card (og:image, 1200 × 630 PNG) lives, relative to the site root. A
 * page with a card of its own has it at cards/<its path>.png; every other page shows its
 * edition's site card. The pages name the file here; the share-cards integration draws every
 * card a built page names (src/integrations/share-cards.ts; a chart page's card is drawn with
 * the chart's images, src/integrations/static-images.ts, and checked there), so the two never
 * disagree.
 */
export const CARD_SIZE = { width: 1200, height: 630 } as const;
export const CARD_DIR = 'cards/';

/** `pathname` is the page's path from the site root without its base: "/", "/en/events/x/" */
export function ownCardPath(pathname: string): string {
  const slug = pathname.replace(/^\/+|\/+$/gu, '');
  return `${CARD_DIR}${slug === '' ? 'index' : slug}.png`;
}

/** the site's card of an edition: `editionRoot` is "" or "en/" */
export function siteCardPath(editionRoot: string): string {
  return `${CARD_DIR}${editionRoot}site.png`;
}
