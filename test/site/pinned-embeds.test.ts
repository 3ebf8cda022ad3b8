/**
 * Pinned embeds: every kept release in data/releases/ has /embed/<id>/v/<version>/ in both
 * editions for every chart with rows at that release, drawn from that release's figures, with
 * 数据截至 date and version; a figure corrected later gets one line linking to the corrections;
 * the live embed shows its date and version too; the embed code names the current release.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseHTML } from 'linkedom';
import pkg from '../../package.json';
import { CHARTS } from '../../src/charts/index.ts';
import { LANGS, t } from '../../src/i18n/index.ts';
import { DATA_DIR, getDataset } from '../../src/lib/data/dataset.ts';
import { correctedAfter, keptReleases, releaseDataset, releaseDate } from '../../src/lib/data/releases.ts';
import { formatIsoDate } from '../../src/lib/words/format.ts';
import { routes } from '../../src/lib/site/routes.ts';
import { DIST_DIR, fileForUrlPath } from '../../scripts/lib/serve-dist.ts';

const current = getDataset();
const releases = keptReleases(DATA_DIR);
const pages = releases.flatMap((version) => {
  const data = releaseDataset(current, DATA_DIR, version);
  return LANGS.flatMap((lang) =>
    CHARTS.filter((c) => c.select(data).length > 0).map((c) => ({
      lang,
      version,
      id: c.id,
      data,
      page: routes(lang).pinnedEmbed(c.id, version),
    })),
  );
});
const doc = (page: string) => parseHTML(readFileSync(fileForUrlPath(DIST_DIR, page) ?? '', 'utf8')).document;

describe('pinned embeds', () => {
  it('1.0.0 and the current version are kept, and every chart is pinned in each', () => {
    expect(releases).toEqual(expect.arrayContaining(['1.0.0', pkg.version]));
    expect(pages).toHaveLength(releases.length * LANGS.length * CHARTS.length);
  });

  it.each(pages)('$page shows its release, drawn from its figures', ({ lang, version, id, data, page }) => {
    const d = doc(page);
    expect(d.querySelector('meta[name="robots"]')?.getAttribute('content')).toBe('noindex');
    const credits = [...d.querySelectorAll('.embed-credit')].map((p) => p.textContent?.trim());
    expect(credits).toContain(t(lang, 'embed.asOf', { date: formatIsoDate(releaseDate(DATA_DIR, version), lang), version }));
    const ids = new Set(
      CHARTS.find((c) => c.id === id)!
        .select(data)
        .map((f) => f.id),
    );
    const correction = [...d.querySelectorAll('.embed-credit a')].find(
      (a) => a.textContent?.trim() === t(lang, 'embed.corrected', { version }),
    );
    expect(correction !== undefined).toBe(correctedAfter(current, version, ids).length > 0);
    if (correction) expect(correction.getAttribute('href')).toBe(routes(lang).corrections());
    // the table under the chart lists the released values
    const table = d.querySelector('table')?.textContent ?? '';
    expect(table.length).toBeGreaterThan(0);
  });

  it('a figure corrected since 1.0.0 shows its released value in the 1.0.0 embed and today’s in the live one', () => {
    const old = releaseDataset(current, DATA_DIR, '1.0.0');
    const changedIds = current.figures.filter((f) => old.byId.get(f.id) && old.byId.get(f.id)!.valueText !== f.valueText).map((f) => f.id);
    expect(changedIds.length).toBeGreaterThan(0);
    const chart = CHARTS.find((c) => c.select(current).some((f) => changedIds.includes(f.id)));
    expect(chart, `none of ${changedIds.join(', ')} is in a chart`).toBeDefined();
    const changed = { id: chart!.select(current).find((f) => changedIds.includes(f.id))!.id };
    const pinned = doc(routes('zh').pinnedEmbed(chart!.id, '1.0.0')).querySelector(`[id$="-${changed.id}"]`)?.textContent ?? '';
    const live = doc(routes('zh').embed(chart!.id)).querySelector(`[id$="-${changed.id}"]`)?.textContent ?? '';
    expect(pinned).not.toBe(live);
  });

  it('the live embed shows its date and version; the embed code names the current release', () => {
    const id = CHARTS[0]!.id;
    expect([...doc(routes('zh').embed(id)).querySelectorAll('.embed-credit')].some((p) => p.textContent?.includes(pkg.version))).toBe(true);
    const code = doc(routes('zh').chart(id)).querySelector('textarea[id^="chart-embed-"]')?.textContent ?? '';
    expect(code).toContain(routes('zh').pinnedEmbed(id, pkg.version));
  });
});
