/**
 * The panel modules as pure functions of their rows: what each draws, where its labels go,
 * and that they never overlap. On the fixture tables, so they hold for any data.
 */
import { describe, expect, it } from 'vitest';
import { timePanel, valueAxis, type TimeLayout, type TimePanel } from '../../src/charts/kit/time-panel.ts';
import { barPanel, barScale, type BarPanel } from '../../src/charts/kit/bar-panel.ts';
import { overlaps, type Sheet } from '../../src/charts/kit/sheet.ts';
import { LOOKUPS, THRESHOLDS, TRADE_GROWTH, TRADE_TOTALS } from '../fixtures/charts/tables.ts';

const layout = (width: number): TimeLayout => ({
  width,
  lang: 'zh',
  lookups: LOOKUPS,
  form: 'columns',
  from: 2020,
  to: 2025,
  fs: 13,
  plotL: 40,
});
const marks = (rows: typeof THRESHOLDS) => rows.map((figure) => ({ figure, valueLabel: figure.valueText }));

function noOverlaps(sheet: Sheet): void {
  const boxes = sheet.labels.map((l) => ({ l, b: sheet.boxOf(l) }));
  for (const [i, a] of boxes.entries())
    for (const c of boxes.slice(i + 1)) expect(overlaps(a.b, c.b), `"${a.l.text}" and "${c.l.text}"`).toBe(false);
}

describe('time panel', () => {
  const panel: TimePanel = { title: '', marks: marks(THRESHOLDS.filter((f) => f.indicator === 'projects-signed-50yi')) };

  it('draws a two-year total as a bracket over its years, labelled as a total, and a full year as a column', () => {
    const cx = layout(340);
    const { sheet } = timePanel(panel, valueAxis(panel, 2020, 'columns'), cx, 0);
    expect(sheet.brackets).toHaveLength(1);
    expect(sheet.bars).toHaveLength(1);
    const bracket = sheet.brackets[0];
    const col = (340 - 2 - 40) / 6;
    // 2020 to the end of 2021: two columns wide, less 3 px at either end
    expect(bracket?.x1).toBeCloseTo(40 + 3);
    expect(bracket?.x2).toBeCloseTo(40 + 2 * col - 3);
    expect(sheet.labels.some((l) => l.text.startsWith('2020—2021年') && l.text.endsWith('70'))).toBe(true);
  });

  it('says a run of empty years once, on lines of two characters or more, and overlaps nothing', () => {
    for (const width of [340, 640]) {
      const { sheet } = timePanel(panel, valueAxis(panel, 2020, 'columns'), layout(width), 0);
      const gap = sheet.labels.filter((l) => l.muted && !/^\d+$/u.test(l.text));
      expect(gap.length).toBeGreaterThan(0);
      expect(gap.map((l) => l.text).join('')).toContain('本站未找到');
      for (const l of gap) expect([...l.text].length).toBeGreaterThanOrEqual(2);
      noOverlaps(sheet);
    }
  });

  it('draws a part of a year as a line over its months, not a column', () => {
    const rows = TRADE_TOTALS.filter((f) => f.geo !== 'district');
    const p: TimePanel = { title: '', marks: marks(rows) };
    const { sheet } = timePanel(p, valueAxis(p, 2020, 'columns'), layout(640), 0);
    expect(sheet.part).toBe(true);
    // 2022 H1 and 2023 Jan–Nov: lines; 2020 (twice) and 2021: columns
    expect(sheet.spans).toHaveLength(2);
    expect(sheet.bars).toHaveLength(3);
    const h1 = sheet.spans.find((s) => s.kind === 'primary' || s.kind === 'secondary');
    const col = (640 - 2 - 40) / 6;
    expect(((h1?.x2 ?? 0) - (h1?.x1 ?? 0)) / col).toBeCloseTo(0.5, 1);
    noOverlaps(sheet);
  });

  it('keys its marks from the number it is given, so a chart’s panels never share a key', () => {
    const { sheet } = timePanel(panel, valueAxis(panel, 2020, 'columns'), layout(340), 0, 7);
    expect(sheet.hits.map((h) => h.key)).toEqual(['m7', 'm8']);
    expect(sheet.nextKey).toBe(9);
  });
});

describe('bar panel', () => {
  const rows = TRADE_GROWTH.filter((f) => f.period_start === '2023-01-01');
  const panel: BarPanel = {
    rank: true,
    title: '',
    bars: rows.map((figure) => ({ figure, valueLabel: `${figure.valueText}%`, label: figure.geo })),
  };

  it('sorts bars by value on one scale from zero, a negative value left of zero with its label on that side', () => {
    const cx = { width: 340, fs: 13, lang: 'zh' as const, lookups: LOOKUPS };
    const scale = barScale([panel], 340, 13);
    const { sheet } = barPanel(panel, scale, cx, 0);
    const values = rows.map((f) => f.value).sort((a, b) => b - a);
    expect(sheet.bars.map((b) => Math.round(b.y1))).toEqual([...sheet.bars.map((b) => Math.round(b.y1))].sort((a, b) => a - b));
    for (const [i, b] of sheet.bars.entries()) {
      const v = values[i] ?? 0;
      expect(b.x2 - b.x1).toBeCloseTo(Math.max(1, Math.abs(scale.scale(v) - scale.scale(0))));
    }
    const negative = sheet.labels.find((l) => l.text === '-1.0%');
    expect(negative?.anchor).toBe('end');
    expect(negative?.x ?? 0).toBeLessThan(scale.scale(0));
    expect(sheet.zeroLines).toHaveLength(1);
    noOverlaps(sheet);
  });

  it('gives two panels one scale: the same value is the same length in both', () => {
    const other: BarPanel = { ...panel, bars: panel.bars.slice(0, 2) };
    const scale = barScale([panel, other], 640, 14);
    const cx = { width: 640, fs: 14, lang: 'zh' as const, lookups: LOOKUPS };
    const a = barPanel(panel, scale, cx, 0).sheet.bars;
    const b = barPanel(other, scale, cx, 0).sheet.bars;
    const len = (x: (typeof a)[number]) => x.x2 - x.x1;
    const first = a.find((x) => Math.abs(len(x) - len(b[0] as (typeof a)[number])) < 1e-9);
    expect(first).toBeDefined();
  });
});
