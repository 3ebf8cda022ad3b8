/**
 * A chart of figures over time: a stack of panels sharing one time axis (time-panel.ts), each
 * with its own value axis, so figures that must not be compared by length (different
 * thresholds) never share a scale; and panels of sorted bars for one period (bar-panel.ts),
 * all on one scale. Each panel is laid out on a sheet of its own under its title, its notes
 * under it; the sheets become the chart's marks (sheet.ts).
 */
import type { SiteFigure } from '../../lib/data/site-figure.ts';
import type { ChartSpec, ChartWords } from '../../lib/chart/types.ts';
import { fontSize, type MarkKind } from './chart-kit.ts';
import { Legend } from './marks.ts';
import { Sheet, sheetMarks, type Symbol } from './sheet.ts';
import { tickWidth, timePanel, valueAxis, type TimePanel } from './time-panel.ts';
import { barPanel, barScale, type BarPanel } from './bar-panel.ts';

export type { TimeMark, TimePanel } from './time-panel.ts';
export type { BarPanel } from './bar-panel.ts';

export interface TimeOptions extends ChartWords {
  width: number;
  form: 'columns' | 'dots';
  from: number;
  to: number;
  panels: (TimePanel | BarPanel)[];
  /** names of the series drawn as dots, for the legend; a chart of dots keys its places and its computed figures only (≤ 4 entries), its note says what a line over months is */
  symbols?: Partial<Record<Symbol, string>>;
}

export function timeSpec(options: TimeOptions): ChartSpec {
  const { width, lang, from } = options;
  const fs = fontSize(width);
  const small = Math.max(12, fs - 1);
  const legend = new Legend(options);
  const timePanels = options.panels.filter((p): p is TimePanel => !('rank' in p));
  const axes = timePanels.map((p) => valueAxis(p, from, options.form));
  // one left margin for every panel, so the years line up
  const plotL = Math.max(0, ...axes.map((a) => tickWidth(a, lang, small))) + 8;
  const bars = barScale(
    options.panels.filter((p): p is BarPanel => 'rank' in p),
    width,
    fs,
  );
  const layout = { ...options, fs, plotL };

  const sheets: Sheet[] = [];
  let key = 0;
  let y = 0;
  let ti = 0;
  options.panels.forEach((panel, pi) => {
    if (pi > 0) y += Math.round(fs * 1.2);
    const title = new Sheet(width, fs);
    y += title.textBlock(panel.title, y, { weight: 'bold' }) + 2;
    const { sheet, bottom } =
      'rank' in panel ? barPanel(panel, bars, layout, y, key) : timePanel(panel, axes[ti++] as (typeof axes)[number], layout, y, key);
    key = sheet.nextKey;
    y = bottom;
    const notes = new Sheet(width, fs);
    for (const n of panel.notes ?? []) y += notes.textBlock(n, y, { size: small, muted: true });
    sheets.push(title, sheet, notes);
  });

  // dots are keyed by place (their symbols); solid is then the published look and needs no entry
  const keyed = (k: MarkKind) => options.form === 'columns' || (k !== 'primary' && k !== 'secondary');
  for (const sheet of sheets) {
    for (const k of sheet.kinds) if (keyed(k)) legend.kind(k);
    if (sheet.part) legend.add('part');
  }
  const dots = sheets.flatMap((s) => s.dots);
  for (const [symbol, name] of Object.entries(options.symbols ?? {}))
    if (name && dots.some((d) => d.symbol === symbol)) legend.add(symbol as Symbol, name);

  return {
    width,
    height: Math.ceil(y + 4),
    margin: 0,
    style: { fontSize: `${fs}px`, overflow: 'visible' },
    x: { type: 'identity', axis: null },
    y: { type: 'identity', axis: null },
    legend: legend.list(),
    marks: sheetMarks(sheets, fs),
  };
}

/** Full-year figures of one place and period that disagree: the published one and the other(s). */
export function disagreements(rows: readonly SiteFigure[]): { published: SiteFigure; other: SiteFigure }[] {
  const out: { published: SiteFigure; other: SiteFigure }[] = [];
  const groups = new Map<string, SiteFigure[]>();
  for (const f of rows) {
    const k = `${f.geo}/${f.indicator}/${f.breakdown}/${f.period_start}/${f.period_end}`;
    groups.set(k, [...(groups.get(k) ?? []), f]);
  }
  for (const fs of groups.values()) {
    const published = fs.find((f) => !f.derived);
    if (!published) continue;
    for (const other of fs) if (other !== published && other.value !== published.value) out.push({ published, other });
  }
  return out;
}
