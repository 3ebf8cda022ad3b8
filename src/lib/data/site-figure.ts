/**
 * The shape of the checked dataset as pages and charts see it, without the code that loads
 * it: chart specs, the benchmark's browser bundle and other pure code import these types
 * from here, never the loader (dataset.ts), which reads files and runs the data check.
 */
import { PUNCTUATION } from '../../i18n/punctuation.ts';
import type { CheckReport } from './check.ts';
import type { Breakdown, Event, GlossaryTerm, Indicator, Place, PromiseRow, Source, Unit } from './schema.ts';
import { localized } from './table-facts.ts';

export interface SiteFigure {
  id: string;
  indicator: string;
  /** the value as published (or as computed, for derived figures) */
  valueText: string;
  value: number;
  unit: string;
  qualifier: string;
  period_start: string;
  period_end: string;
  geo: string;
  status: 'actual' | 'target' | 'plan';
  /** codes in breakdowns.csv; empty for a total */
  breakdown: string[];
  /** source ids: the one a published figure is quoted from; for a derived figure, the sources of its inputs */
  sources: string[];
  /** 'secondary' when any source behind the figure is a secondary one */
  sourceKind: 'primary' | 'secondary';
  quote: string;
  /** English note, as in the data */
  note: string;
  /** the same note in Chinese */
  noteZh: string;
  derived: boolean;
  formula: string;
  inputs: string[];
  /** id in continuity.csv when the figure is part of (or computed from) a series that does not join; '' otherwise. Link: /reconciliation/#<id> */
  continuityNote: string;
}

export interface Dataset {
  figures: SiteFigure[];
  byId: Map<string, SiteFigure>;
  indicators: Map<string, Indicator>;
  places: Map<string, Place>;
  breakdowns: Map<string, Breakdown>;
  units: Map<string, Unit>;
  sources: Map<string, Source>;
  events: Event[];
  /** the promise ledger, in the order of data/promises.csv */
  promises: PromiseRow[];
  /** the glossary of policy terms, in the order of data/glossary.csv */
  glossary: GlossaryTerm[];
  report: CheckReport;
}

/** A figure's breakdown codes in words: 十大新兴产业; 内资 */
export function breakdownName(data: Pick<Dataset, 'breakdowns'>, breakdown: readonly string[], lang: 'zh' | 'en'): string {
  return breakdown
    .map((code) => {
      const b = data.breakdowns.get(code);
      if (!b) throw new Error(`breakdown "${code}" is not in breakdowns.csv`);
      return localized(b, 'name', lang);
    })
    .join(PUNCTUATION[lang].listSep);
}

/** Whether a figure is exactly this part of a whole ('' for a total). */
export function isBreakdown(f: Pick<SiteFigure, 'breakdown'>, code: string): boolean {
  return code === '' ? f.breakdown.length === 0 : f.breakdown.length === 1 && f.breakdown[0] === code;
}

/** Whether two figures are the same part of a whole (both totals, or the same codes in the same order). */
export function sameBreakdown(a: Pick<SiteFigure, 'breakdown'>, b: Pick<SiteFigure, 'breakdown'>): boolean {
  return a.breakdown.length === b.breakdown.length && a.breakdown.every((c, i) => c === b.breakdown[i]);
}
