/**
 * The 一图读懂 long images: the story page and every conference's page, in both editions, link
 * 下载长图 / Download long image to a PNG 1080 px wide, 2,000–16,000 px tall and at most 5 MB.
 * (Their QR codes are decoded in test/site/release-build.test.ts, on a build with an address;
 * a preview prints none.)
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseHTML } from 'linkedom';
import { LANGS, t } from '../../src/i18n/index.ts';
import { getDataset } from '../../src/lib/data/dataset.ts';
import { routes } from '../../src/lib/site/routes.ts';
import { LONG_IMAGE, longImageContents } from '../../src/integrations/long-images.ts';
import { DIST_DIR, fileForUrlPath } from '../../scripts/lib/serve-dist.ts';

const conferences = getDataset().events.filter((e) => e.kind === 'conference');
const pages = LANGS.flatMap((lang) => [
  { lang, page: routes(lang).story() },
  ...conferences.map((e) => ({ lang, page: routes(lang).event(e.id) })),
]);

describe('long images', () => {
  it('there is a conference to draw', () => expect(conferences.length).toBeGreaterThan(0));

  it.each(pages)('$page links its long image', ({ lang, page }) => {
    const { document } = parseHTML(readFileSync(fileForUrlPath(DIST_DIR, page) ?? '', 'utf8'));
    const links = [...document.querySelectorAll('a[download]')].filter((a) => a.textContent?.trim() === t(lang, 'longImage.link'));
    expect(links).toHaveLength(1);
    const file = fileForUrlPath(DIST_DIR, links[0]!.getAttribute('href') ?? '');
    if (!file) throw new Error(`${page}: ${links[0]!.getAttribute('href')} is not in dist/`);
    const png = readFileSync(file);
    expect(png.subarray(1, 4).toString('latin1')).toBe('PNG');
    const [width, height] = [png.readUInt32BE(16), png.readUInt32BE(20)];
    expect(width).toBe(LONG_IMAGE.width);
    expect(height).toBeGreaterThanOrEqual(LONG_IMAGE.minHeight);
    expect(height).toBeLessThanOrEqual(LONG_IMAGE.maxHeight);
    expect(png.length).toBeLessThanOrEqual(LONG_IMAGE.maxBytes);
  });

  // an image cannot mark a run of text as another language, so the English ones hold none:
  // a Chinese publisher name in an English source line is a missed translation
  it.each(longImageContents(getDataset()).filter((c) => c.lang === 'en'))('$path says nothing in Chinese', (c) => {
    const texts = [c.title, c.finding, c.dateLine ?? '', ...c.numbers.map((n) => n.label), ...c.sources];
    expect(texts.filter((s) => /\p{Script=Han}/u.test(s))).toEqual([]);
  });
});
