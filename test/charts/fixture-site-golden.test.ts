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
import { CHARTS } from '../../src/charts/index.ts';
import { loadDataset } from '../../src/lib/data/dataset.ts';
import { renderPlotSvg } from '../../src/lib/chart/render-svg.ts';
import { WIDTHS } from '../../src/lib/chart/frame.ts';
import { LANGS } from '../../src/i18n/index.ts';
import { FIXTURE_DATA_DIR } from '../../scripts/lib/fixture-site.ts';
import { compareGolden, normaliseSvg } from './golden-files.ts';

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
        compareGolden(file, svg);
      });
    }
  }
});
