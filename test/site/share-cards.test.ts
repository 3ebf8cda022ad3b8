/**
 * Every page but the embeds shares with a card: og:image names a 1200 × 630 PNG under 300 KB
 * that is in dist/, with twitter:card summary_large_image and og:title/og:description in the
 * page's language; pages of kinds with a card of their own name their own. Embeds carry noindex.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { DIST_DIR, fileForUrlPath, listHtmlPages } from '../../scripts/lib/serve-dist.ts';
import { absoluteSite } from '../../src/lib/site/address.ts';
import { CARD_SIZE, ownCardPath } from '../../src/lib/site/card-files.ts';
import { LANGS } from '../../src/i18n/index.ts';
import { cardContents, composeCards, MIN_CARD_TEXT } from '../../src/integrations/share-cards.ts';
import { loadFonts } from '../../src/lib/chart/image-fonts.ts';
import { readThemeColors } from '../../src/lib/chart/theme-colors.ts';

const site = absoluteSite();
const meta = (html: string, key: string) =>
  new RegExp(`<meta (?:property|name)="${key.replace('+', '\\+')}" content="([^"]*)"`, 'u').exec(html)?.[1];

/** the pages the issue names, which must each have a card of their own */
const OWN = /^(en\/)?(charts\/[^/]+|events\/[^/]+|indicators\/[^/]+|promises)?\/?$/u;

describe('share cards', () => {
  const pages = listHtmlPages(DIST_DIR).map((urlPath) => ({
    file: fileForUrlPath(DIST_DIR, urlPath) ?? '',
    path: urlPath.replace(/^\//u, ''),
  }));
  const sizes = new Map<string, { width: number; height: number; bytes: number }>();
  const cardOf = (address: string) => {
    const url = new URL(address);
    expect(url.origin).toBe(site.origin);
    const file = fileForUrlPath(DIST_DIR, url.pathname);
    if (!file) throw new Error(`${address} is not in dist/`);
    if (!sizes.has(file)) {
      const b = readFileSync(file);
      sizes.set(file, { width: b.readUInt32BE(16), height: b.readUInt32BE(20), bytes: b.length });
    }
    return sizes.get(file)!;
  };

  it('every page but the embeds names a 1200 × 630 card under 300 KB; the named kinds their own', () => {
    const problems: string[] = [];
    let own = 0;
    for (const { file, path } of pages) {
      const html = readFileSync(file, 'utf8');
      if (/^(en\/)?embed\//u.test(path)) {
        if (!html.includes('<meta name="robots" content="noindex"')) problems.push(`${path}: an embed without noindex`);
        continue;
      }
      const image = meta(html, 'og:image');
      if (!image) {
        problems.push(`${path}: no og:image`);
        continue;
      }
      if (meta(html, 'twitter:card') !== 'summary_large_image') problems.push(`${path}: twitter:card is not summary_large_image`);
      if (!meta(html, 'og:title') || !meta(html, 'og:description')) problems.push(`${path}: og:title or og:description missing`);
      const card = cardOf(image);
      if (card.width !== CARD_SIZE.width || card.height !== CARD_SIZE.height || card.bytes >= 300_000)
        problems.push(`${path}: card ${card.width}×${card.height}, ${card.bytes} bytes`);
      if (OWN.test(path)) {
        own += 1;
        if (new URL(image).pathname !== `${site.pathname}${ownCardPath(`/${path}`)}`)
          problems.push(`${path}: shows ${image}, not a card of its own`);
      }
    }
    expect(problems).toEqual([]);
    expect(own).toBeGreaterThan(100);
  });

  it("a card's texts are in its page's language", () => {
    const en = readFileSync(fileForUrlPath(DIST_DIR, '/en/promises/') ?? '', 'utf8');
    const zh = readFileSync(fileForUrlPath(DIST_DIR, '/promises/') ?? '', 'utf8');
    expect(meta(en, 'og:title')).not.toMatch(/\p{Script=Han}/u);
    expect(meta(zh, 'og:title')).toMatch(/\p{Script=Han}/u);
    expect(meta(en, 'og:image')).toContain('/cards/en/promises.png');
  });

  it('no card draws text too small to read in a feed: a chart that would shrink that far is stated in words', () => {
    const palette = readThemeColors().light;
    const contents = cardContents(DIST_DIR, palette);
    const small = LANGS.flatMap((lang) =>
      composeCards(contents, lang, loadFonts(lang), palette)
        .filter(({ poster }) => poster.smallestText < MIN_CARD_TEXT)
        .map(({ c, poster }) => `${c.path}: ${poster.smallestText.toFixed(1)} px`),
    );
    expect(small).toEqual([]);
  });
});
