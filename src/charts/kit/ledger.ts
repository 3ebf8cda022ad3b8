/**
 * A "ledger": groups of labelled horizontal bars, each group a reference panel
 * (reference-panel.ts) under the others, all on one scale, drawn by Plot with identity scales.
 */
import * as Plot from '@observablehq/plot';
import type { SiteFigure } from '../../lib/data/site-figure.ts';
import { t } from '../../i18n/index.ts';
import { fontSize, gapRuns, kindTags, periodLabel, SITE_YEARS, STYLES, yearOf, yearsLabel } from './chart-kit.ts';
import { COLORS, type ChartSpec, type ChartWords } from '../../lib/chart/types.ts';
import { hitMark, keyedText, Legend } from './marks.ts';
import {
  referenceColumns,
  referencePanel,
  type LedgerBar,
  type LedgerGap,
  type LedgerGroup,
  type LedgerItem,
  type Placed,
  type ReferenceDrawing,
} from './reference-panel.ts';

export type { LedgerBar, LedgerGap, LedgerGroup, LedgerItem, LedgerWords } from './reference-panel.ts';

export interface LedgerOptions extends ChartWords {
  width: number;
  groups: LedgerGroup[];
  /** what the faint bar behind a bar (its track) stands for, in the legend */
  trackLabel?: string;
  /** fix the far end of the scale, e.g. 100 for shares of a whole */
  domainMax?: number;
}

export function ledgerSpec(options: LedgerOptions): ChartSpec {
  const { width, groups } = options;
  const fs = fontSize(width);
  // one scale for every group: bars side by side in one unit are compared by length
  const columns = referenceColumns(groups, width, fs, options.domainMax);
  const drawings: ReferenceDrawing[] = [];
  const keys = { bars: 0, hits: 0 };
  let y = 0;
  groups.forEach((group, gi) => {
    if (gi > 0) y += Math.round(fs * 0.9);
    const d = referencePanel(group, columns, { ...options, fs }, y, { ...keys });
    keys.bars += d.bars.length;
    keys.hits += d.hits.length;
    y = d.bottom;
    drawings.push(d);
  });
  const height = Math.ceil(y + 4);

  const legend = new Legend(options);
  if (groups.some((g) => g.items.some((i) => i.type === 'bar' && i.track !== undefined)))
    legend.add('track', options.trackLabel ?? t(options.lang, 'chart.legend.track'));
  for (const d of drawings) for (const k of d.kinds) legend.kind(k);

  const texts = drawings.flatMap((d) => d.texts);
  const placed = drawings.flatMap((d) => d.bars);
  const kinds = [...new Set(placed.map((p) => p.kind))];
  const textMark = (filter: (p: Placed) => boolean, extra: Plot.TextOptions) =>
    keyedText(texts.filter(filter), {
      x: 'x',
      y: 'y',
      text: 'text',
      textAnchor: 'start',
      lineAnchor: 'middle',
      fontSize: fs,
      fill: COLORS.ink,
      ...extra,
    });

  return {
    width,
    height,
    margin: 0,
    style: { fontSize: `${fs}px`, overflow: 'visible' },
    x: { type: 'identity', axis: null },
    y: { type: 'identity', axis: null },
    legend: legend.list(),
    marks: [
      // the whole a bar is part of: decoration, the bar's tooltip and the table carry the figure
      Plot.rect(
        drawings.flatMap((d) => d.tracks),
        { x1: 'x1', x2: 'x2', y1: 'y1', y2: 'y2', fill: COLORS.grid, ariaHidden: 'true' },
      ),
      ...kinds.map((k) => {
        const s = STYLES[k];
        return Plot.rect(
          placed.filter((p) => p.kind === k),
          {
            x1: 'x1',
            x2: 'x2',
            y1: 'y1',
            y2: 'y2',
            ariaHidden: 'true',
            fill: s.fill,
            fillOpacity: s.fillOpacity,
            stroke: s.stroke,
            strokeWidth: s.strokeWidth,
            strokeDasharray: s.strokeDasharray,
            inset: 0,
          },
        );
      }),
      Plot.ruleX(
        drawings.flatMap((d) => d.zeros),
        { x: 'x', y1: 'y1', y2: 'y2', stroke: COLORS.ink, strokeWidth: 1, ariaHidden: 'true' },
      ),
      textMark((p) => p.anchor === 'start' && !p.weight && !p.muted, {}),
      textMark((p) => p.anchor === 'end', { textAnchor: 'end' }),
      textMark((p) => p.weight === 'bold', { fontWeight: 'bold' }),
      textMark((p) => p.muted === true, { fill: 'var(--muted)', className: 'muted' }),
      hitMark(drawings.flatMap((d) => d.hits)),
    ],
  };
}

/**
 * Bars for figures over time in one group, in order, with a row for every run of years in
 * [from, to] that no figure touches ("2022—2025年：无来源").
 */
export function chronological(
  rows: readonly SiteFigure[],
  toBar: (f: SiteFigure) => LedgerBar,
  gap: { from: number; to: number; label: (from: number, to: number) => string; text: string },
): LedgerItem[] {
  const entries: { year: number; order: number; item: LedgerItem }[] = rows.map((f, i) => ({
    year: Number(f.period_start.slice(0, 4)),
    order: i,
    item: toBar(f),
  }));
  for (const [a, b] of gapRuns(rows, gap.from, gap.to))
    entries.push({ year: a, order: -1, item: { type: 'gap', label: gap.label(a, b), text: gap.text } });
  return entries.sort((p, q) => p.year - q.year || p.order - q.order).map((e) => e.item);
}

/** The common bar for a figure over time: labelled by its period and its kind. */
export function periodBar(f: SiteFigure, cx: ChartWords, valueLabel: string, extra: Partial<LedgerBar> = {}): LedgerBar {
  const { lang } = cx;
  return { type: 'bar', label: periodLabel(f, lang), tags: kindTags(f, lang), figure: f, value: f.value, valueLabel, ...extra };
}

/** Years from the first figure (or the site's first year) to the site's last year. */
export function yearRange(rows: readonly SiteFigure[]): { from: number; to: number } {
  const first = Math.min(SITE_YEARS.from, ...rows.map((f) => yearOf(f.period_start)));
  return { from: first, to: SITE_YEARS.to };
}

/** Gap rows as the ledger writes them. */
export function gapSpec(
  rows: readonly SiteFigure[],
  { lang }: Pick<ChartWords, 'lang'>,
): { from: number; to: number; label: (a: number, b: number) => string; text: string } {
  return { ...yearRange(rows), label: (a, b) => yearsLabel(a, b, lang), text: t(lang, 'chart.gap') };
}

/** Figures grouped by the exact period they cover, in time order, with a group for every run of years without one. */
export function periodGroups(
  rows: readonly SiteFigure[],
  cx: ChartWords,
  item: {
    key: (f: SiteFigure) => string;
    order: readonly string[];
    toBar: (f: SiteFigure) => LedgerBar;
    missing?: (key: string) => LedgerGap | undefined;
  },
  title: (first: SiteFigure) => string = (f) => periodLabel(f, cx.lang),
): LedgerGroup[] {
  const byPeriod = new Map<string, SiteFigure[]>();
  for (const f of rows) {
    const k = `${f.period_start}/${f.period_end}`;
    byPeriod.set(k, [...(byPeriod.get(k) ?? []), f]);
  }
  const rank = (f: SiteFigure) => {
    const i = item.order.indexOf(item.key(f));
    return i < 0 ? item.order.length : i;
  };
  const entries: { sort: string; group: LedgerGroup }[] = [...byPeriod.entries()].map(([k, fs]) => {
    const sorted = [...fs].sort((a, b) => rank(a) - rank(b) || Number(a.derived) - Number(b.derived) || a.id.localeCompare(b.id));
    const items: LedgerItem[] = [];
    for (const key of item.order) {
      const own = sorted.filter((f) => item.key(f) === key);
      if (own.length === 0) {
        const gap = item.missing?.(key);
        if (gap) items.push(gap);
      }
      items.push(...own.map(item.toBar));
    }
    items.push(...sorted.filter((f) => !item.order.includes(item.key(f))).map(item.toBar));
    return { sort: k, group: { title: title(sorted[0] as SiteFigure), items } };
  });
  const gap = gapSpec(rows, cx);
  for (const [a, b] of gapRuns(rows, gap.from, gap.to)) {
    entries.push({ sort: `${a}-00`, group: { title: gap.label(a, b), items: [{ type: 'gap', label: '', text: gap.text }] } });
  }
  return entries.sort((p, q) => p.sort.localeCompare(q.sort)).map((e) => e.group);
}
