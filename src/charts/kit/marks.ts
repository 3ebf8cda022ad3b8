/**
 * What every chart's marks share beyond their look: the legend they add up to, and the
 * layer that makes them tappable. Each figure gets an invisible hit area of at least
 * 24 × 24 CSS px (WCAG 2.2, 2.5.8) carrying its tooltip text and the address of the
 * sentence it came from; the visible mark may be a 2 px line.
 */
import * as Plot from '@observablehq/plot';
import { t } from '../../i18n/index.ts';
import type { SiteFigure } from '../../lib/data/site-figure.ts';
import { sortLegend } from '../../lib/chart/legend.ts';
import { pagePaths } from '../../lib/site/routes.ts';
import { COLORS, type LegendEntry, type Swatch, type ChartWords } from '../../lib/chart/types.ts';
import type { MarkKind } from './chart-kit.ts';

/** The smallest hit area, in drawing px: 28 keeps 24 CSS px when the 340 px drawing is scaled down to a 320 px screen. */
export const HIT = 28;

/** Collects the encodings a spec draws; the spec hands the result to the frame as its legend. */
export class Legend {
  private entries: LegendEntry[] = [];
  constructor(private readonly cx: Pick<ChartWords, 'lang'>) {}

  add(swatch: Swatch, label = t(this.cx.lang, `chart.legend.${swatch}` as Parameters<typeof t>[1])): void {
    this.entries.push({ swatch, label });
  }

  /**
   * A figure's kind as drawn: published (by the source or by another outlet, which only the
   * tooltip and the table row tell apart), computed, target. One meaning for the fill.
   */
  kind(k: MarkKind): void {
    if (k === 'primary' || k === 'secondary') this.add('primary', t(this.cx.lang, 'chart.legend.reported'));
    if (k === 'derived' || k === 'derived-secondary') this.add('derived');
    if (k === 'target') this.add('target');
  }

  list(): LegendEntry[] {
    return sortLegend(this.entries);
  }
}

/**
 * Where a figure can be checked: a published figure's sentence in the source viewer; a
 * computed one's row on /data/, which shows its formula and links each input's sentence.
 * Relative to the site's base, without a leading slash.
 */
export function figureHref(f: Pick<SiteFigure, 'id' | 'derived' | 'sources'>): string {
  if (f.derived) return pagePaths.data(f.id);
  return pagePaths.source(f.sources[0] ?? '', f.id);
}

export interface Hit {
  x1: number;
  x2: number;
  y1: number;
  y2: number;
  tip: string;
  href: string;
  /** ties a row label to its mark: a tap on the label opens the same details */
  key: string;
}

/** A hit area around a drawn box, grown to at least HIT × HIT about its centre. */
export function hitAround(box: { x1: number; x2: number; y1: number; y2: number }, f: SiteFigure, tip: string, key: string): Hit {
  const grow = (a: number, b: number): [number, number] => {
    const lo = Math.min(a, b);
    const hi = Math.max(a, b);
    if (hi - lo >= HIT) return [lo, hi];
    const mid = (lo + hi) / 2;
    return [mid - HIT / 2, mid + HIT / 2];
  };
  const [x1, x2] = grow(box.x1, box.x2);
  const [y1, y2] = grow(box.y1, box.y2);
  return { x1, x2, y1, y2, tip, href: figureHref(f), key };
}

/** Sets attributes on each element a mark drew, in the order of its data. */
function withAttributes<T>(data: readonly T[], attrs: (d: T) => Record<string, string>): Plot.RenderFunction {
  return (index, scales, values, dimensions, context, next) => {
    const g = next?.(index, scales, values, dimensions, context);
    if (!g) return null;
    const children = [...g.children];
    [...index].forEach((i, k) => {
      const el = children[k];
      const d = data[i];
      if (!el || d === undefined) return;
      for (const [name, value] of Object.entries(attrs(d))) el.setAttribute(name, value);
    });
    return g;
  };
}

/** The invisible, focusable hit areas; drawn last so they sit above every visible mark. */
export function hitMark(hits: readonly Hit[]): Plot.Markish {
  return Plot.rect(hits, {
    x1: 'x1',
    x2: 'x2',
    y1: 'y1',
    y2: 'y2',
    fill: COLORS.ink,
    fillOpacity: 0,
    title: 'tip',
    inset: 0,
    className: 'hit',
    render: withAttributes(hits, (h) => ({ 'data-href': h.href, 'data-key': h.key })),
  });
}

/** Text that opens a mark's details when tapped (a row's label): keyed to the mark's hit area. */
export function keyedText<T extends { key?: string }>(data: readonly T[], options: Plot.TextOptions): Plot.Markish {
  return Plot.text(data, {
    ...options,
    render: withAttributes(data, (d): Record<string, string> => (d.key ? { 'data-for': d.key, class: 'tip-label' } : {})),
  });
}
