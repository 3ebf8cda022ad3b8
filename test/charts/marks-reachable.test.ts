/**
 * Every value a chart draws can be read without the picture: each mark's hit area names its
 * figure (tooltip: the value and what it is) and the figure is a row of the chart's table.
 * A label the layout could not place then costs the reader a tap, never the figure. On the
 * real data, every chart, both widths, both editions.
 */
import { describe, expect, it } from 'vitest';
import { parseHTML } from 'linkedom';
import { CHARTS } from '../../src/charts/index.ts';
import { getDataset } from '../../src/lib/data/dataset.ts';
import { renderPlotSvg } from '../../src/lib/chart/render-svg.ts';
import { buildChartFrame, WIDTHS } from '../../src/lib/chart/frame.ts';
import { LANGS } from '../../src/i18n/index.ts';

const data = getDataset();

describe('every drawn value is reachable in its tooltip and the table', () => {
  for (const chart of CHARTS) {
    for (const lang of LANGS) {
      it(`${chart.id} (${lang})`, () => {
        const frame = buildChartFrame(chart, data, lang);
        const tableIds = new Set(frame.tableRows.map((r) => r.id));
        for (const width of Object.values(WIDTHS)) {
          const svg = renderPlotSvg(chart.spec(frame.rows, { width, lang, lookups: data }), { ariaLabel: chart.id, ariaDescription: '' });
          const { document } = parseHTML(`<!doctype html><html><body>${svg}</body></html>`);
          const hits = [...document.querySelectorAll('[data-href]')];
          expect(hits.length, `${chart.id} at ${width}: no marks`).toBeGreaterThan(0);
          for (const hit of hits) {
            const id = /#(?:fig|row)-(.+)$/u.exec(hit.getAttribute('data-href') ?? '')?.[1] ?? '';
            expect(tableIds.has(id), `${chart.id} at ${width}: mark for ${id} has no table row`).toBe(true);
            const row = frame.tableRows.find((r) => r.id === id);
            const tip = hit.getAttribute('data-tip') ?? '';
            // the tooltip's first line states the value the table does
            const digits = (s: string) => Number(s.match(/-?\d[\d,]*(?:\.\d+)?/u)?.[0]?.replace(/,/gu, ''));
            const value = (tip.split('\n')[0] ?? '').split(/：|: /u).at(-1) ?? '';
            expect(digits(value), `${chart.id} at ${width}: tooltip of ${id}`).toBe(digits(row?.value ?? ''));
          }
        }
      });
    }
  }
});
