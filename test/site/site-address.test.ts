/**
 * The site's address is one setting (SITE_URL). No file the build writes, page, image, feed or
 * download, names a made-up domain; without SITE_URL the local preview address appears only
 * where a format demands an absolute address (canonical, hreflang alternates, og:url, og:image,
 * the data package's homepage), and the static images carry the site's name without an address.
 */
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DIST_DIR } from '../../scripts/lib/serve-dist.ts';
import { CHARTS } from '../../src/charts/index.ts';
import { chartImages } from '../../src/lib/chart/chart-images.ts';
import { readThemeColors } from '../../src/lib/chart/theme-colors.ts';
import { getDataset } from '../../src/lib/data/dataset.ts';
import { PREVIEW_ORIGIN, publicSite } from '../../src/lib/site/address.ts';
import { sitePaths } from '../../src/lib/site/routes.ts';

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? filesUnder(path) : [path];
  });
}

const files = filesUnder(DIST_DIR);
const MADE_UP = /example\.(?:org|com|net)|qingdao-figures\.example/u;

describe('the site address', () => {
  it('no file in dist/ contains example.org or another made-up address', () => {
    expect(files.length).toBeGreaterThan(100);
    // Pagefind's script parses result addresses against a dummy base, new URL(`https://example.com${path}`),
    // then strips it again (/^https:\/\/example.com/): that base is never shown nor requested, the only exception
    // Latin-1 reads each byte as one character, so the ASCII pattern is found in UTF-8 text as
    // well: one decoding of each file, not two (images are most of the bytes)
    const text = (f: string) => {
      const body = readFileSync(f).toString('latin1');
      if (!relative(DIST_DIR, f).startsWith(`pagefind${sep}`)) return body;
      return body.replaceAll('new URL(`https://example.com${', 'new URL(`${').replaceAll('/^https:\\/\\/example.com/', '/^/');
    };
    const offenders = files.filter((f) => MADE_UP.test(text(f)));
    expect(offenders.map((f) => relative(DIST_DIR, f))).toEqual([]);
  });

  it.runIf(publicSite() === undefined)(
    'without SITE_URL, the preview address appears only where a format demands an absolute address',
    () => {
      // hreflang alternates, like canonical, must be fully qualified (search engines ignore relative ones)
      const allowed = [
        /<link rel="canonical" href="[^"]*"\s*\/?>/gu,
        /<link rel="alternate" hreflang="[^"]*" href="[^"]*"\s*\/?>/gu,
        /<meta (?:property="og:(?:url|image)"|name="twitter:image") content="[^"]*"\s*\/?>/gu,
        /<link rel="alternate" type="application\/json\+oembed" href="[^"]*"[^>]*>/gu,
      ];
      const offenders: string[] = [];
      for (const f of files.filter((x) => /\.(html|css|js|csv|txt|svg|xml)$/u.test(x))) {
        let text = readFileSync(f, 'utf8');
        if (f.endsWith('.html')) for (const re of allowed) text = text.replace(re, '');
        // an Atom feed's links must be absolute (RFC 4287 readers do not all honour xml:base)
        // an oEmbed document's addresses must be absolute (oEmbed 1.0)
        if (f.endsWith('oembed.json')) continue;
        if (f.endsWith('feed.xml')) text = text.replace(/<link[^>]*href="[^"]*"[^>]*\/>/gu, '');
        if (text.includes(PREVIEW_ORIGIN)) offenders.push(relative(DIST_DIR, f));
      }
      expect(offenders).toEqual([]);
    },
  );

  it.runIf(publicSite() === undefined)('without SITE_URL, the embed code and citations name what to replace instead of a domain', () => {
    const page = readFileSync(join(DIST_DIR, 'charts', CHARTS[0]!.id, 'index.html'), 'utf8');
    expect(page).toContain('【本站网址】/embed/');
    const cite = readFileSync(join(DIST_DIR, 'data', 'cite', 'index.html'), 'utf8');
    expect(cite).toContain('【本站网址】/data/');
  });

  it.runIf(publicSite() === undefined)('without an address, every page says it is a preview and carries noindex', () => {
    const pages = files.filter((f) => f.endsWith('.html'));
    expect(pages.length).toBeGreaterThan(100);
    const offenders = pages.filter((f) => {
      const html = readFileSync(f, 'utf8');
      const mark = /<p class="[^"]*preview-mark[^"]*"[^>]*>(?:<strong>)?(预览版|Preview)/u.exec(html);
      return !html.includes('<meta name="robots" content="noindex"') || !mark;
    });
    expect(offenders.map((f) => relative(DIST_DIR, f))).toEqual([]);
  });

  it('the static images carry the site address only when SITE_URL gives one', () => {
    const palette = readThemeColors().light;
    const def = CHARTS[0]!;
    const without = chartImages(def, getDataset(), { lang: 'zh', site: undefined, date: '制图日期', palette });
    expect(without.text.address).not.toMatch(/[./:]/u);
    const withSite = chartImages(def, getDataset(), { lang: 'zh', site: 'https://figures.news.cn/', date: '制图日期', palette });
    expect(withSite.text.address).toContain(`figures.news.cn/${sitePaths('zh').chart(def.id)}`);
  });
});
