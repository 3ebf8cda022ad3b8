/**
 * Golden SVGs of every story chart drawn from the fixture site's tables
 * (test/fixtures/site-data/, the rows the browser crawl's fixture site is built from), at both
 * widths and in both languages: these change when a chart's layout or words change, not when
 * data/ gains a row, so a layout change is seen apart from a data change. The goldens drawn from
 * data/ (golden.test.ts) stay as the smoke test of the real rows. A mismatch writes
 * <name>-changed.svg beside the golden. After an intended change:
 * UPDATE_GOLDEN=1 npx vitest run --project unit test/charts
 */
import { describe, expect, it } from 'vitest';
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { CHARTS } from '../../src/charts/index.ts';
import { loadDataset } from '../../src/lib/data/dataset.ts';
import { renderPlotSvg } from '../../src/lib/chart/render-svg.ts';
import { WIDTHS } from '../../src/lib/chart/frame.ts';
import { LANGS } from '../../src/i18n/index.ts';
import { FIXTURE_DATA_DIR } from '../../scripts/lib/fixture-site.ts';

const outDir = new URL('../output/', import.meta.url).pathname;
const update = process.env['UPDATE_GOLDEN'] === '1';

/** as golden.test.ts: generated ids renumbered, floats rounded, one element a line */
function normaliseSvg(svg: string): string {
  const ids = new Map<string, string>();
  const renumber = (prefix: string) => (m: string) => {
    if (!ids.has(m)) ids.set(m, `${prefix}${ids.size}`);
    return ids.get(m) as string;
  };
  return svg
    .replace(/plot-[0-9a-f]{6}(?:-\w+)?/gu, renumber('plot-'))
    .replace(/clip\d+/gu, renumber('clip'))
    .replace(/\d+\.\d{3,}/gu, (n) => String(Math.round(Number(n) * 100) / 100))
    .replace(/></gu, '>\n<');
}

describe('golden SVG for every story chart drawn from the fixture site', () => {
  const data = loadDataset(FIXTURE_DATA_DIR);
  for (const chart of CHARTS) {
    for (const [name, width, lang] of Object.entries(WIDTHS).flatMap(([n, w]) => LANGS.map((l) => [n, w, l] as const))) {
      const file = `site-fixture-${chart.id}-${name}${lang === 'zh' ? '' : `-${lang}`}`;
      it(`${chart.id} at ${name} width (${lang})`, () => {
        const rows = chart.select(data);
        expect(rows.length).toBeGreaterThan(0);
        const spec = chart.spec(rows, { width, lang, lookups: data });
        const legend = spec.legend.map((e) => `<!-- legend: ${e.swatch} ${e.label} -->`).join('\n');
        const svg = `${legend}\n${normaliseSvg(renderPlotSvg(spec, { ariaLabel: chart.id, ariaDescription: '' }))}`;
        const golden = `${outDir}${file}.svg`;
        const changed = `${outDir}${file}-changed.svg`;
        if (update || !existsSync(golden)) {
          if (!update) throw new Error(`no golden file ${golden}; run with UPDATE_GOLDEN=1 to create it, then look at it`);
          writeFileSync(golden, svg);
          rmSync(changed, { force: true });
          return;
        }
        const expected = readFileSync(golden, 'utf8');
        if (svg !== expected) writeFileSync(changed, svg);
        else rmSync(changed, { force: true });
        expect(svg, `${file} differs from its golden file; see ${changed}`).toBe(expected);
      });
    }
  }
});
