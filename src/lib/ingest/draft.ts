/**
 * Candidates → the tables of a draft folder (data/drafts/README.md): figures.csv with exactly
 * the header of data/figures.csv, and the rows a figure needs that data/ lacks (a proposed
 * unit, place or indicator, the promise-ledger row every target or plan must have, the source
 * row of an article not yet listed). Nothing here is merged into data/: an editor does that.
 */
import Papa from 'papaparse';
import { TABLES, type TableName } from '../data/schema.ts';
import type { Candidate } from './pipeline.ts';
import { placeSlug } from './pipeline.ts';

export type DraftRow = Record<string, string>;

export interface DraftTables {
  figures: DraftRow[];
  indicators: DraftRow[];
  units: DraftRow[];
  places: DraftRow[];
  promises: DraftRow[];
  sources: DraftRow[];
}

export interface DraftOptions {
  sourceId: string;
  /** the row for sources.csv when the article is not listed there yet */
  sourceRow?: DraftRow;
  /** ids already used in data/figures.csv and data/indicators.csv */
  takenIds: Set<string>;
}

export function columnsOf(name: TableName): string[] {
  return Object.keys(TABLES[name].schema.shape);
}

/** A period as a short tag for an id: 2024, 2024q1, 2024h1, 2024m01-07, 2024-05-15. */
export function periodTag(start: string, end: string): string {
  const y = start.slice(0, 4).toLowerCase();
  if (start === end) return start.toLowerCase();
  const from = start.slice(5, 7);
  const to = end.slice(5, 7);
  const monthEnd = /^\d{4}/u.test(end) ? new Date(Date.UTC(Number(end.slice(0, 4)), Number(to), 0)).getUTCDate() : Number(end.slice(8));
  if (start.slice(0, 4) !== end.slice(0, 4) || start.slice(8) !== '01' || Number(end.slice(8)) !== monthEnd) {
    return `${start}-${end}`.toLowerCase().replaceAll('-', '');
  }
  if (from === '01' && to === '12') return y;
  const q = (
    { '01-03': 'q1', '04-06': 'q2', '07-09': 'q3', '10-12': 'q4', '01-06': 'h1', '07-12': 'h2', '01-09': 'q1-q3' } as Record<string, string>
  )[`${from}-${to}`];
  return q ? `${y}${q}` : `${y}m${from}-${to}`;
}

export function buildDraft(candidates: readonly Candidate[], opts: DraftOptions): DraftTables {
  const taken = new Set(opts.takenIds);
  const unique = (base: string) => {
    let id = base;
    for (let k = 2; taken.has(id); k++) id = `${base}-${k}`;
    taken.add(id);
    return id;
  };
  const tables: DraftTables = {
    figures: [],
    indicators: [],
    units: [],
    places: [],
    promises: [],
    sources: opts.sourceRow ? [opts.sourceRow] : [],
  };
  const newIndicators = new Map<string, string>();
  for (const c of candidates) {
    if (c.repeatOf !== undefined) continue;
    if (c.proposedUnit && !tables.units.some((u) => u.id === c.proposedUnit?.id)) tables.units.push({ ...c.proposedUnit });
    if (c.proposedPlace && !tables.places.some((p) => p.id === c.geo)) {
      tables.places.push({
        id: placeSlug(c.proposedPlace),
        name_zh: c.proposedPlace,
        name_en: 'Proposed place (English name to be written)',
        kind: c.proposedPlace.endsWith('县') ? 'county-city' : c.proposedPlace.endsWith('区') ? 'district' : 'city',
        parent: '',
      });
    }
    let indicator = c.indicator;
    if (!indicator) {
      const name = c.proposedIndicator ?? '未命名指标';
      const key = `${name}|${c.unit}`;
      indicator = newIndicators.get(key);
      if (!indicator) {
        indicator = unique(`${opts.sourceId}-new-${newIndicators.size + 1}`);
        newIndicators.set(key, indicator);
        tables.indicators.push({
          id: indicator,
          name_zh: name,
          name_en: `Proposed indicator ${newIndicators.size} (English name to be written)`,
          unit: c.unit,
          topic: 'proposed',
          definition: `Proposed by npm run ingest for a figure of ${opts.sourceId}; the editor says what is counted, with its threshold, and what the source leaves undefined.`,
          definition_zh: `由npm run ingest根据${opts.sourceId}中的数字建议；请编辑写明统计的是什么、门槛是多少，以及原文未界定的内容。`,
          undefined_terms: '',
        });
      }
    }
    const geoPart = c.geo === 'qingdao' ? '' : `-${c.geo}`;
    const id = unique(
      `${indicator}-${periodTag(c.period.start, c.period.end)}${geoPart}${c.status === 'actual' ? '' : '-target'}-${opts.sourceId}`,
    );
    tables.figures.push({
      id,
      indicator,
      value: c.value,
      unit: c.unit,
      qualifier: c.qualifier,
      period_start: c.period.start,
      period_end: c.period.end,
      geo: c.geo,
      status: c.status,
      breakdown: '',
      source: opts.sourceId,
      quote: c.quote.text,
      note: `Proposed by npm run ingest: ${c.why.join('; ')}.`,
      note_zh: `由npm run ingest建议：${c.whyZh.join('；')}。`,
    });
    if (c.status !== 'actual') {
      tables.promises.push({
        id: `${id}-promise`,
        target: id,
        // a goal stated as a number a later published figure could meet; the editor changes it
        // to list, structure or method where the sentence names one (data/README.md, promises.csv)
        kind: 'outcome',
        event: '',
        outcome: '',
        verdict: 'not-reported',
        reason: 'Proposed by npm run ingest as an outcome target (check the kind): no later figure has been looked for yet.',
        reason_zh: '由npm run ingest建议为结果目标（请核对类型）：尚未查找后来公布的数字。',
      });
    }
  }
  return tables;
}

/** A table as the data files write it: header, LF line ends, RFC 4180 quoting, a final newline. */
export function tableCsv(name: TableName, rows: readonly DraftRow[]): string {
  const fields = columnsOf(name);
  return `${Papa.unparse({ fields, data: rows.map((r) => fields.map((f) => r[f] ?? '')) }, { newline: '\n' })}\n`;
}
