/**
 * Every chart page, in both editions, links an oEmbed document (https://oembed.com/, 1.0, rich)
 * that parses, carries every field a consumer needs, and whose every address resolves to a file
 * in dist/: the embed its iframe shows, the parent script, the thumbnail (a PNG of the stated
 * size) and the provider's front page.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseHTML } from 'linkedom';
import { CHARTS } from '../../src/charts/index.ts';
import { LANGS } from '../../src/i18n/index.ts';
import { chartPaths } from '../../src/lib/chart/chart-files.ts';
import { absoluteSite } from '../../src/lib/site/address.ts';
import { DIST_DIR, fileForUrlPath } from '../../scripts/lib/serve-dist.ts';

const site = absoluteSite();

/** the file in dist/ an absolute address of this site names; fails for another site's address */
function fileOf(address: string): string {
  const url = new URL(address);
  expect(url.origin, address).toBe(site.origin);
  const file = fileForUrlPath(DIST_DIR, url.pathname);
  if (!file) throw new Error(`${address} resolves to no file in ${DIST_DIR}`);
  return file;
}

function pngSize(file: string): { width: number; height: number } {
  const b = readFileSync(file);
  expect(b.subarray(1, 4).toString('latin1')).toBe('PNG');
  return { width: b.readUInt32BE(16), height: b.readUInt32BE(20) };
}

const pages = LANGS.flatMap((lang) => CHARTS.map((c) => ({ lang, id: c.id, page: chartPaths(c.id, lang).page })));

describe('oEmbed', () => {
  it.each(pages)('$page links a valid oEmbed document whose addresses resolve', ({ page }) => {
    const { document } = parseHTML(readFileSync(fileForUrlPath(DIST_DIR, `/${page}`) ?? '', 'utf8'));
    const links = [...document.querySelectorAll('link[rel="alternate"][type="application/json+oembed"]')];
    expect(links).toHaveLength(1);
    const link = links[0]!;
    const title = link.getAttribute('title') ?? '';
    expect(title).toBe(document.querySelector('h1')?.textContent?.trim());
    const doc = JSON.parse(readFileSync(fileOf(link.getAttribute('href') ?? ''), 'utf8')) as Record<string, unknown>;
    expect(doc).toMatchObject({ type: 'rich', version: '1.0', title });
    for (const k of ['width', 'height', 'thumbnail_width', 'thumbnail_height', 'cache_age'])
      expect(Number.isInteger(doc[k]) && (doc[k] as number) > 0, k).toBe(true);
    for (const k of ['provider_name', 'provider_url', 'html', 'thumbnail_url'])
      expect(typeof doc[k] === 'string' && doc[k] !== '', k).toBe(true);
    fileOf(doc['provider_url'] as string);
    expect(pngSize(fileOf(doc['thumbnail_url'] as string))).toEqual({ width: doc['thumbnail_width'], height: doc['thumbnail_height'] });
    // the same iframe the page's embed code holds, with its addresses resolving
    const html = parseHTML(`<!doctype html><html><body>${doc['html'] as string}</body></html>`).document;
    const frame = html.querySelector('iframe[data-qd-embed][sandbox]');
    expect(frame?.getAttribute('title')).toBeTruthy();
    const embed = readFileSync(fileOf(frame?.getAttribute('src') ?? ''), 'utf8');
    expect(embed).toContain('<meta name="robots" content="noindex"');
    fileOf(html.querySelector('script[src]')?.getAttribute('src') ?? '');
    // linkedom leaves a textarea's character references as written
    const code = (document.querySelector('textarea[id^="chart-embed-"]')?.textContent ?? '')
      .replaceAll('&lt;', '<')
      .replaceAll('&gt;', '>')
      .replaceAll('&quot;', '"')
      .replaceAll('&#39;', "'")
      .replaceAll('&amp;', '&');
    // a preview's embed code names the placeholder where the oEmbed document needs an address
    expect(doc['html']).toBe(code.replaceAll(/【本站网址】\/|\[site address\]\//gu, site.href));
  });
});
