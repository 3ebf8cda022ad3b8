/**
 * Golden SVG tests, in the manner of Observable Plot's snapshot tests: every chart
 * specification is rendered at both widths from the real dataset, normalised so that
 * generated ids and float noise do not matter, and compared with test/output/<id>-<width>.svg.
 * A mismatch writes <id>-<width>-changed.svg beside the golden for a person to look at.
 * After an intended change: UPDATE_GOLDEN=1 npx vitest run --project unit test/charts
 */
import { describe, expect, it } from 'vitest';
import { CHARTS } from '../../src/charts/index.ts';
import { getDataset } from '../../src/lib/data/dataset.ts';
import { renderPlotSvg } from '../../src/lib/chart/render-svg.ts';
import { WIDTHS } from '../../src/lib/chart/frame.ts';
import { LANGS } from '../../src/i18n/index.ts';
import type { ChartDefinition } from '../../src/lib/chart/types.ts';
import type { SiteFigure } from '../../src/lib/data/dataset.ts';
import { tradeTotals } from '../../src/charts/trade-totals.ts';
import { tradeGrowth } from '../../src/charts/trade-growth.ts';
import { projectsSignedThresholds } from '../../src/charts/projects-signed-thresholds.ts';
import { targetsVsReported } from '../../src/charts/targets-vs-reported.ts';
import { LOOKUPS, TARGETS, THRESHOLDS, TRADE_GROWTH, TRADE_TOTALS } from '../fixtures/charts/tables.ts';
import { compareGolden, normaliseSvg } from './golden-files.ts';

// Hand-made tables: these goldens change only when the layout does, never with the data.
const FIXTURES: [ChartDefinition, SiteFigure[]][] = [
  [tradeTotals, TRADE_TOTALS],
  [tradeGrowth, TRADE_GROWTH],
  [projectsSignedThresholds, THRESHOLDS],
  [targetsVsReported, TARGETS],
];

describe('golden SVG for the charts drawn from fixture tables', () => {
  for (const [chart, rows] of FIXTURES) {
    for (const [name, width] of Object.entries(WIDTHS)) {
      it(`${chart.id} (fixture) at ${name} width`, () => {
        const spec = chart.spec(rows, { width, lang: 'zh', lookups: LOOKUPS });
        const legend = spec.legend.map((e) => `<!-- legend: ${e.swatch} ${e.label} -->`).join('\n');
        compareGolden(
          `fixture-${chart.id}-${name}`,
          `${legend}\n${normaliseSvg(renderPlotSvg(spec, { ariaLabel: chart.id, ariaDescription: '' }))}`,
        );
      });
    }
  }
});

describe('golden SVG for every chart', () => {
  const data = getDataset();
  it('has at least one chart', () => {
    expect(CHARTS.length).toBeGreaterThan(0);
  });
  // the English drawings too: longer labels, other units, their own layout decisions
  for (const chart of CHARTS) {
    for (const [name, width, lang] of Object.entries(WIDTHS).flatMap(([n, w]) => LANGS.map((l) => [n, w, l] as const))) {
      const suffix = lang === 'zh' ? name : `${name}-${lang}`;
      it(`${chart.id} at ${name} width${lang === 'zh' ? '' : ` (${lang})`}`, () => {
        const rows = chart.select(data);
        expect(rows.length).toBeGreaterThan(0);
        const svg = normaliseSvg(
          renderPlotSvg(chart.spec(rows, { width, lang, lookups: data }), { ariaLabel: chart.id, ariaDescription: '' }),
        );
        compareGolden(`${chart.id}-${suffix}`, svg);
      });
    }
  }
});
