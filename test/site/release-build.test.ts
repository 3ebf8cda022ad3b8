/**
 * `npm run build:release`, for real: without an address it refuses to start; with one it builds
 * a site that names no localhost, no placeholder and no other domain (the script's own scan,
 * scripts/lib/release-scan.ts, whose findings are unit-tested), is no preview, whose embed code
 * pastes as it is, and whose long images carry a QR code of their page. The release build
 * checked is the fixture site (scripts/lib/fixture-site.ts): scripts/test.sh builds it with
 * `npm run build:fixture`, which is `build:release` with the fixture tables and the reserved test
 * address, so the run builds the site twice (the real preview in dist/, the fixture release),
 * not three times. Run after `npm run build:fixture`.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { describe, expect, it } from 'vitest';
import jsQR from 'jsqr';
import sharp from 'sharp';
import { CHARTS } from '../../src/charts/index.ts';
import { chartPaths } from '../../src/lib/chart/chart-files.ts';
import { copiedEmbedPath } from '../../src/lib/chart/embed-code.ts';
import { LONG_IMAGE } from '../../src/integrations/long-images.ts';
import { LANGS, t } from '../../src/i18n/index.ts';
import { citedHosts, scanRelease } from '../../scripts/lib/release-scan.ts';
import { FIXTURE_DATA_DIR, FIXTURE_DIST, FIXTURE_SITE_URL } from '../../scripts/lib/fixture-site.ts';

const ROOT = resolve(import.meta.dirname, '../..');

describe('npm run build:release', () => {
  it('refuses to start without an address, and says where to set one', () => {
    const out = join(ROOT, 'test/.tmp/release-refused');
    const r = spawnSync(process.execPath, ['--import', 'tsx', 'scripts/build-release.ts', '--outDir', out], {
      cwd: ROOT,
      env: { ...process.env, SITE_URL: '' },
      encoding: 'utf8',
    });
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('build:release: the site\'s public address is not set. Put it in site.config.json ("address"');
    expect(existsSync(out)).toBe(false);
  });

  it('with an address, builds a site that names no localhost, placeholder or other domain', () => {
    expect(existsSync(join(FIXTURE_DIST, 'index.html')), `${FIXTURE_DIST}: run npm run build:fixture`).toBe(true);
    const findings = scanRelease(FIXTURE_DIST, {
      site: new URL(FIXTURE_SITE_URL),
      placeholders: [...new Set(LANGS.map((l) => t(l, 'site.addressPlaceholder')))],
      citedHosts: citedHosts(FIXTURE_DATA_DIR),
    });
    expect(findings.map((f) => f.message)).toEqual([]);
  });

  it('is no preview: no noindex, no preview mark, and the embed code pastes as it is', () => {
    const id = CHARTS[0]!.id;
    const page = readFileSync(join(FIXTURE_DIST, chartPaths(id, 'zh').page, 'index.html'), 'utf8');
    // booleans, so that a failure does not print the whole page
    expect(page.includes('name="robots"')).toBe(false);
    expect(page.includes('预览版')).toBe(false);
    expect(page.includes(`src=&quot;${new URL(copiedEmbedPath(id, 'zh'), FIXTURE_SITE_URL).href}&quot;`)).toBe(true);
    expect(page.includes('data-site-fill')).toBe(false);
  });

  // every long image of the release: the story and each conference, in each edition
  const longImages = existsSync(FIXTURE_DIST)
    ? readdirSync(FIXTURE_DIST, { recursive: true, encoding: 'utf8' })
        .filter((f) => f.endsWith(`${sep}long-image.png`) || f === 'long-image.png')
        .map((f) => ({
          path: f,
          page: `/${relative('.', dirname(f)).split(sep).join('/')}/`.replace(/^\/\.?\/$/u, '/').replace(/^\/\//u, '/'),
        }))
        .sort((a, b) => a.page.localeCompare(b.page))
    : [];
  it('there is the story and at least one conference in each edition', () => {
    for (const en of [false, true]) {
      const ofLang = longImages.filter((l) => l.page.startsWith('/en/') === en);
      expect(
        ofLang.filter((l) => !l.page.includes('/events/')),
        en ? 'en' : 'zh',
      ).toHaveLength(1);
      expect(ofLang.filter((l) => l.page.includes('/events/')).length, en ? 'en' : 'zh').toBeGreaterThan(0);
    }
  });

  it.each(longImages)('$path holds, in its last 3,000 px, a QR code of its page', async ({ path, page }) => {
    const file = join(FIXTURE_DIST, path);
    const { width = 0, height = 0 } = await sharp(file).metadata();
    const read = async (rows: number) => {
      const top = Math.max(0, height - rows);
      const foot = await sharp(file)
        .extract({ left: 0, top, width, height: height - top })
        .ensureAlpha()
        .raw()
        .toBuffer();
      return jsQR(new Uint8ClampedArray(foot.buffer, foot.byteOffset, foot.byteLength), width, height - top, {
        inversionAttempts: 'dontInvert',
      })?.data;
    };
    // the code stands at the foot: its last 1,000 px are read first (a quarter of the time), the
    // whole zone only when they hold none
    expect((await read(1000)) ?? (await read(LONG_IMAGE.qrZone))).toBe(new URL(page, FIXTURE_SITE_URL).href);
  });
});
