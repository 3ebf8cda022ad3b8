/**
 * Shared by the two charts that split a quarter's signed projects of 1亿元 and above
 * (by industry group, by origin): the rows of one kind of breakdown with their totals.
 */
import type { Dataset, SiteFigure } from '../../lib/data/site-figure.ts';
import { pick } from './chart-kit.ts';

export const COUNT = 'projects-signed-1yi';
export const SHARE = 'projects-signed-1yi-share-total';

/** Breakdown rows of one dimension ("industry", "origin"), and the totals of the same periods. */
export function selectBreakdown(data: Dataset, dimension: string): SiteFigure[] {
  const isPart = (f: SiteFigure) =>
    (f.indicator === COUNT || f.indicator === SHARE) &&
    (f.breakdown[0] ?? '').startsWith(`${dimension}:`) &&
    f.geo === 'qingdao' &&
    f.status === 'actual';
  const parts = data.figures.filter(isPart);
  const periods = new Set(parts.map((f) => `${f.period_start}/${f.period_end}`));
  return pick(
    data.figures,
    (f) =>
      isPart(f) ||
      (f.indicator === COUNT &&
        f.breakdown.length === 0 &&
        f.geo === 'qingdao' &&
        f.status === 'actual' &&
        periods.has(`${f.period_start}/${f.period_end}`)),
  );
}

export interface BreakdownPeriod {
  total: SiteFigure;
  /** breakdown value (after "dimension:") → its count and share rows, either may be missing */
  parts: Map<string, { count?: SiteFigure; share?: SiteFigure }>;
}

export function byPeriodOf(rows: readonly SiteFigure[]): BreakdownPeriod[] {
  const out: BreakdownPeriod[] = [];
  for (const total of rows.filter((f) => f.breakdown.length === 0 && f.indicator === COUNT && !f.derived)) {
    const parts = new Map<string, { count?: SiteFigure; share?: SiteFigure }>();
    for (const f of rows) {
      if (f.breakdown.length === 0 || f.period_start !== total.period_start || f.period_end !== total.period_end) continue;
      const code = f.breakdown[0] ?? '';
      const key = code.slice(code.indexOf(':') + 1);
      const entry = parts.get(key) ?? {};
      if (f.indicator === COUNT) entry.count = f;
      else entry.share = f;
      parts.set(key, entry);
    }
    out.push({ total, parts });
  }
  return out;
}
