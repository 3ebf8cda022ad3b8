/**
 * Overlap by meaning: every quantity more than one source publishes, agreeing or not.
 * Figures are grouped by what they measure, never by their value:
 *
 * - the same indicator, place and breakdown, and the same status (an outcome is not a target);
 * - the same period for amounts and counts; for rates, shares and ranks (unit kind ratio or
 *   rank) periods that overlap: a full year and its first eleven months state the same rank or
 *   growth for most of the year, so both are listed, with their periods (nested amounts such as
 *   January–April and January–May are different quantities and are not listed);
 * - structural counts (indicators with topic `structure`: how many chains, cities in a
 *   ranking, battles of a campaign) describe a standing arrangement rather than a flow, so
 *   their figures are grouped whatever their period or status.
 *
 * A group is listed when at least two different sources publish in it. It agrees when every
 * figure has the same value and qualifier (and the same period, for flows).
 */
import type { Located } from './csv.ts';
import type { RowOf } from './load.ts';

export interface OverlapFigure {
  id: string;
  value: string;
  unit: string;
  qualifier: string;
  source: string;
  kind: string;
  period_start: string;
  period_end: string;
  status: string;
}

export interface Overlap {
  /** indicator|geo|breakdown|status-or-structure|first start|last end */
  key: string;
  indicator: string;
  geo: string;
  breakdown: string;
  structural: boolean;
  figures: OverlapFigure[];
  /** same value and qualifier throughout */
  agree: boolean;
  /** the figures cover different periods (listed because they overlap, or because the count is structural) */
  periodsDiffer: boolean;
}

const overlaps = (a: { period_start: string; period_end: string }, b: { period_start: string; period_end: string }) =>
  a.period_start <= b.period_end && b.period_start <= a.period_end;

export const STRUCTURE_TOPIC = 'structure';

export function findOverlapsByMeaning(tables: {
  figures: Located<RowOf<'figures'>>[];
  sources: Located<RowOf<'sources'>>[];
  indicators: Located<RowOf<'indicators'>>[];
  units: Located<RowOf<'units'>>[];
}): Overlap[] {
  const unitKind = new Map(tables.units.map((r) => [r.row.id, r.row.kind]));
  const rateLike = (unit: string) => unitKind.get(unit) === 'ratio' || unitKind.get(unit) === 'rank';
  const kindOf = new Map(tables.sources.map((r) => [r.row.id, r.row.kind]));
  const structural = new Set(tables.indicators.filter((r) => r.row.topic === STRUCTURE_TOPIC).map((r) => r.row.id));
  const groups = new Map<string, RowOf<'figures'>[]>();
  for (const { row } of tables.figures) {
    const s = structural.has(row.indicator);
    const key = [row.indicator, row.geo, row.breakdown.join(';'), s ? STRUCTURE_TOPIC : row.status].join('|');
    groups.set(key, [...(groups.get(key) ?? []), row]);
  }
  const out: Overlap[] = [];
  for (const [key, rows] of groups) {
    const isStructural = key.endsWith(`|${STRUCTURE_TOPIC}`);
    // clusters of figures whose periods overlap, chained (a overlaps b, b overlaps c)
    const clusters: RowOf<'figures'>[][] = [];
    if (isStructural) clusters.push(rows);
    else {
      for (const row of [...rows].sort((a, b) => a.period_start.localeCompare(b.period_start))) {
        const same = (x: RowOf<'figures'>) => (rateLike(row.unit) ? overlaps(x, row) : x.period_start === row.period_start && x.period_end === row.period_end);
        const home = clusters.find((c) => c.some(same));
        if (home) home.push(row);
        else clusters.push([row]);
      }
    }
    for (const cluster of clusters) {
      if (new Set(cluster.map((r) => r.source)).size < 2) continue;
      const [indicator = '', geo = '', breakdown = ''] = key.split('|');
      const starts = cluster.map((r) => r.period_start).sort();
      const ends = cluster.map((r) => r.period_end).sort();
      out.push({
        key: `${key}|${starts[0]}|${ends[ends.length - 1]}`,
        indicator,
        geo,
        breakdown,
        structural: isStructural,
        figures: cluster.map((r) => ({
          id: r.id,
          value: r.value,
          unit: r.unit,
          qualifier: r.qualifier,
          source: r.source,
          kind: kindOf.get(r.source) ?? '',
          period_start: r.period_start,
          period_end: r.period_end,
          status: r.status,
        })),
        agree: new Set(cluster.map((r) => `${Number(r.value)}|${r.unit}|${r.qualifier}`)).size === 1,
        periodsDiffer: new Set(cluster.map((r) => `${r.period_start}|${r.period_end}`)).size > 1,
      });
    }
  }
  return out.sort((a, b) => a.key.localeCompare(b.key));
}
