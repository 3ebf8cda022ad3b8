/**
 * The checked dataset, shaped for pages and charts. Loading runs the full data check;
 * any problem stops the build with every `file:line: column: problem` line.
 */
import { resolve } from 'node:path';
import { checkData } from './check.ts';
import { formatProblem } from './csv.ts';
import { refsOf } from './formula.ts';
import type { Dataset, SiteFigure } from './site-figure.ts';

export type { Dataset, SiteFigure };
// pure helpers over figures, kept where pure code can import them without the loader
export { breakdownName, isBreakdown, sameBreakdown } from './site-figure.ts';
import { siteZh, unreadableInWords } from '../text/zh-text.ts';
import { t } from '../../i18n/index.ts';

let cached: Dataset | undefined;

// The pages' bundle and the build's integrations each load their own copy of this module, so a
// build holds two datasets, each with its caches (every chart's frame, series and drawings are
// kept in WeakMaps keyed by it). Each copy registers here how to let go of its own.
const RELEASE = Symbol.for('qingdao-figures.release-dataset');
const releasers = ((globalThis as Record<symbol, unknown>)[RELEASE] ??= new Set<() => void>()) as Set<() => void>;
releasers.add(() => {
  cached = undefined;
});

/**
 * Lets go of the dataset every loaded copy of this module holds, and with it everything cached
 * by it: called once every page is written (src/integrations/release-page-data.ts), so the
 * search index and the images do not run beside the pages' frames. The next getDataset() loads
 * it again.
 */
export function releaseDatasets(): void {
  for (const release of releasers) release();
}

// The project root is the working directory of every build, test and script; a path
// relative to this module would point into dist/ once Astro has bundled it. DATA_DIR in the
// environment builds the site from another folder of tables (a fixture site, the scale benchmark).
export const DATA_DIR = resolve(process.cwd(), process.env.DATA_DIR || 'data');

/** The dataset of DATA_DIR, loaded once per process. */
export function getDataset(): Dataset {
  cached ??= loadDataset(DATA_DIR);
  return cached;
}

/** The checked dataset of a folder of tables (a test reads the fixture site's beside data/'s). */
export function loadDataset(dataDir: string): Dataset {
  const report = checkData({ dataDir });
  if (report.problems.length > 0) {
    throw new Error(`data check failed:\n${report.problems.map(formatProblem).join('\n')}`);
  }
  // Chinese the site writes (names, summaries, notes) is set as printed: simplified, full-width
  // punctuation. Quotes and headlines are kept as the sources print them; downloads keep data/ as is.
  const sources = new Map(report.tables.sources.map((r) => [r.row.id, { ...r.row, publisher: siteZh(r.row.publisher), date_note_zh: siteZh(r.row.date_note_zh), note_zh: siteZh(r.row.note_zh) }]));
  const figures: SiteFigure[] = report.tables.figures.map(({ row }) => ({
    id: row.id,
    indicator: row.indicator,
    valueText: row.value,
    value: Number(row.value),
    unit: row.unit,
    qualifier: row.qualifier,
    period_start: row.period_start,
    period_end: row.period_end,
    geo: row.geo,
    status: row.status,
    breakdown: row.breakdown,
    sources: [row.source],
    sourceKind: sources.get(row.source)?.kind ?? 'primary',
    quote: row.quote,
    note: row.note,
    noteZh: unreadableInWords(siteZh(row.note_zh), t('zh', 'text.unreadable')),
    derived: false,
    formula: '',
    inputs: [],
    continuityNote: report.series.continuity.noteOf.get(row.id) ?? '',
  }));
  const byId = new Map(figures.map((f) => [f.id, f]));
  // derived rows may build on each other; resolve their sources through their inputs
  const derivedRows = report.tables.derived.map((r) => r.row);
  const derivedById = new Map(derivedRows.map((d) => [d.id, d]));
  // walked with a list, not by recursion: a chain of thousands of derived rows must not exhaust the stack
  const sourcesOf = (id: string): string[] => {
    const found = new Set<string>();
    const seen = new Set<string>();
    const todo = [id];
    while (todo.length > 0) {
      const next = todo.pop() as string;
      if (seen.has(next)) continue;
      seen.add(next);
      const f = byId.get(next);
      if (f && !f.derived) {
        for (const s of f.sources) found.add(s);
        continue;
      }
      const inputs = refsOf(derivedById.get(next)?.formula ?? '');
      for (let i = inputs.length - 1; i >= 0; i--) todo.push(inputs[i] as string);
    }
    return [...found];
  };
  for (const d of derivedRows) {
    const srcs = sourcesOf(d.id);
    const fig: SiteFigure = {
      id: d.id,
      indicator: d.indicator,
      valueText: d.value,
      value: Number(d.value),
      unit: d.unit,
      // the bound the inputs give it (derived-bounds.ts), not 'exact' by default
      qualifier: report.series.bounds.get(d.id)?.qualifier ?? 'exact',
      period_start: d.period_start,
      period_end: d.period_end,
      geo: d.geo,
      status: d.status,
      breakdown: d.breakdown,
      sources: srcs,
      sourceKind: srcs.some((s) => sources.get(s)?.kind === 'secondary') ? 'secondary' : 'primary',
      quote: '',
      note: d.note,
      noteZh: siteZh(d.note_zh),
      derived: true,
      formula: d.formula,
      inputs: refsOf(d.formula),
      continuityNote: report.series.continuity.noteOf.get(d.id) ?? '',
    };
    figures.push(fig);
    byId.set(fig.id, fig);
  }
  return {
    figures,
    byId,
    indicators: new Map(report.tables.indicators.map((r) => [r.row.id, { ...r.row, name_zh: siteZh(r.row.name_zh) }])),
    places: new Map(report.tables.places.map((r) => [r.row.id, { ...r.row, name_zh: siteZh(r.row.name_zh) }])),
    breakdowns: new Map(report.tables.breakdowns.map((r) => [r.row.id, { ...r.row, name_zh: siteZh(r.row.name_zh) }])),
    units: new Map(report.tables.units.map((r) => [r.row.id, r.row])),
    sources,
    events: report.tables.events.map((r) => ({ ...r.row, name_zh: unreadableInWords(siteZh(r.row.name_zh), t('zh', 'text.unreadable')), summary_zh: siteZh(r.row.summary_zh), date_note_zh: siteZh(r.row.date_note_zh) })),
    promises: report.tables.promises.map((r) => ({ ...r.row, reason_zh: siteZh(r.row.reason_zh) })),
    glossary: report.tables.glossary.map((r) => ({
      ...r.row,
      said_zh: siteZh(r.row.said_zh),
      undefined_zh: siteZh(r.row.undefined_zh),
      avoid_why_zh: siteZh(r.row.avoid_why_zh),
    })),
    report,
  };
}
