/**
 * `npm run build:release`, for real: without an address it refuses to start; with the reserved
 * test address it builds a site (into test/.tmp/release/) that names no localhost, no
 * placeholder and no other domain (the script's own scan, scripts/lib/release-scan.ts, whose
 * findings are unit-tested), is no preview, and whose embed code pastes as it is.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { CHARTS } from '../../src/charts/index.ts';
import { chartPaths } from '../../src/lib/chart/chart-files.ts';
import { copiedEmbedPath } from '../../src/lib/chart/embed-code.ts';
import jsQR from 'jsqr';
import { PNG } from 'pngjs';
import { longImageContents, LONG_IMAGE } from '../../src/integrations/long-images.ts';
import { getDataset } from '../../src/lib/data/dataset.ts';

const ROOT = resolve(import.meta.dirname, '../..');
export const RELEASE_DIR = join(ROOT, 'test/.tmp/release');
const SITE = 'https://figures.test/';

function release(env: Record<string, string>, outDir: string) {
  return spawnSync(process.execPath, ['--import', 'tsx', 'scripts/build-release.ts', '--outDir', outDir], {
    cwd: ROOT,
    env: { ...process.env, ...env },
    encoding: 'utf8',
  });
}

let built: ReturnType<typeof release>;
beforeAll(() => {
  rmSync(RELEASE_DIR, { recursive: true, force: true });
  built = release({ SITE_URL: SITE }, RELEASE_DIR);
}, 600_000);

describe('npm run build:release', () => {
  it('refuses to start without an address, and says where to set one', () => {
    const out = join(ROOT, 'test/.tmp/release-refused');
    const r = release({ SITE_URL: '' }, out);
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('build:release: the site\'s public address is not set. Put it in site.config.json ("address"');
    expect(existsSync(out)).toBe(false);
  });

  it('with an address, builds a site that names no localhost, placeholder or other domain', () => {
    expect(built.stderr.split('\n').filter((l) => l.startsWith('build:release') || /dist\/.*:\d+:/u.test(l))).toEqual([]);
    expect(built.status).toBe(0);
    expect(built.stdout).toContain(`is a release build for ${SITE}: no localhost, no placeholder, no other domain`);
  });

  it('is no preview: no noindex, no preview mark, and the embed code pastes as it is', () => {
    const id = CHARTS[0]!.id;
    const page = readFileSync(join(RELEASE_DIR, chartPaths(id, 'zh').page, 'index.html'), 'utf8');
    // booleans, so that a failure does not print the whole page
    expect(page.includes('name="robots"')).toBe(false);
    expect(page.includes('预览版')).toBe(false);
    expect(page.includes(`src=&quot;${new URL(copiedEmbedPath(id, 'zh'), SITE).href}&quot;`)).toBe(true);
    expect(page.includes('data-site-fill')).toBe(false);
  });

  // every long image: the story and each conference, in each edition
  const all = longImageContents(getDataset());
  it('there is the story and at least one conference in each edition', () => {
    for (const lang of ['zh', 'en'] as const) {
      expect(all.filter((c) => c.lang === lang && !c.path.includes('events/'))).toHaveLength(1);
      expect(all.filter((c) => c.lang === lang && c.path.includes('events/')).length).toBeGreaterThan(0);
    }
  });

  it.each(all)('$path holds, in its last 3,000 px, a QR code of its page', ({ path, page }) => {
    const png = PNG.sync.read(readFileSync(join(RELEASE_DIR, path)));
    const rows = Math.min(LONG_IMAGE.qrZone, png.height);
    const foot = new Uint8ClampedArray(png.data.buffer, png.data.byteOffset + (png.height - rows) * png.width * 4, rows * png.width * 4);
    expect(jsQR(foot, png.width, rows, { inversionAttempts: 'dontInvert' })?.data).toBe(new URL(page, SITE).href);
  });
});
