/**
 * All figures split by the topic of their indicator (`indicators.csv` topic), one CSV each under
 * downloads/topics/: the same columns and rows as all-figures.csv. /data/ links them, so a
 * reader without the explorer's script can still take the figures a topic at a time.
 */
import type { Dataset } from '../data/dataset.ts';
import { ALL_FIGURES_COLUMN_NAMES, allFigureRecords, type FigureRecord } from './tables.ts';
import { toSpreadsheetCsv } from '../data/csv.ts';

/** a topic's file, in the downloads folder */
export const topicFileName = (topic: string) => `topics/${topic}.csv`;

const made = new WeakMap<Dataset, Map<string, FigureRecord[]>>();

/** topic → its figures' records, topics in the order indicators.csv first names them (made once per dataset) */
export function figuresByTopic(data: Dataset): Map<string, FigureRecord[]> {
  const known = made.get(data);
  if (known) return known;
  const out = new Map<string, FigureRecord[]>();
  for (const ind of data.indicators.values()) if (!out.has(ind.topic)) out.set(ind.topic, []);
  for (const rec of allFigureRecords(data)) {
    const topic = data.indicators.get(rec['indicator'] ?? '')?.topic;
    if (topic === undefined)
      throw new Error(`topic files: figure ${rec['id']} names indicator "${rec['indicator']}", which indicators.csv does not list`);
    out.get(topic)?.push(rec);
  }
  for (const [topic, recs] of out) if (recs.length === 0) out.delete(topic);
  made.set(data, out);
  return out;
}

export function topicCsv(records: readonly FigureRecord[]): string {
  return toSpreadsheetCsv([...records], ALL_FIGURES_COLUMN_NAMES);
}
