/**
 * What `npm run ingest` and its measuring script read from data/: the tables the rules match
 * against, and a source's clean text (with its splice and mojibake rules when it is listed).
 */
import { resolve, relative, join } from 'node:path';
import { loadTable } from '../../src/lib/data/load.ts';
import { rulesFor } from '../../src/lib/data/normalization-rules.ts';
import { formatProblem, type Problem } from '../../src/lib/data/csv.ts';
import type { IngestContext } from '../../src/lib/ingest/pipeline.ts';
import { articleDate } from '../../src/lib/ingest/article-date.ts';
import type { Source, Figure, Indicator, Place, Unit } from '../../src/lib/data/schema.ts';
import { normalize, type NormalizeOptions } from '../../src/lib/text/normalize.ts';

export interface IngestData {
  dataDir: string;
  sources: Source[];
  figures: Figure[];
  indicators: Indicator[];
  places: Place[];
  units: Unit[];
  rules: (sourceId: string) => NormalizeOptions;
}

export function loadIngestData(): IngestData {
  const dataDir = resolve(import.meta.dirname, '..', '..', process.env.DATA_DIR || 'data');
  const problems: Problem[] = [];
  const t = <N extends Parameters<typeof loadTable>[0]>(name: N) => loadTable(name, { dataDir }, problems).rows.map((r) => r.row);
  const data = {
    dataDir,
    sources: t('sources') as Source[],
    figures: t('figures') as Figure[],
    indicators: t('indicators') as Indicator[],
    places: t('places') as Place[],
    units: t('units') as Unit[],
  };
  const splices = t('splices');
  const mojibake = t('mojibake');
  if (problems.length > 0) {
    throw new Error(`data/ has problems; run npm run data:check:\n${problems.slice(0, 5).map(formatProblem).join('\n')}`);
  }
  return { ...data, rules: (id) => rulesFor(id, { splices, mojibake }) };
}

/** The source row whose file is this path, if the file lies in data/sources/ and is listed. */
export function sourceOfFile(data: IngestData, path: string): Source | undefined {
  const rel = relative(join(data.dataDir, 'sources'), resolve(path));
  return data.sources.find((s) => s.file === rel);
}

export function contextFor(data: IngestData, text: string, source?: Source): IngestContext {
  const n = (s: string | undefined) => (s ? Number(s) : undefined);
  const catalogued = source?.published_year
    ? { year: n(source.published_year), month: n(source.published_month), day: n(source.published_day) }
    : undefined;
  return {
    unitKinds: new Map(data.units.map((u) => [u.id, u.kind])),
    places: data.places,
    indicators: data.indicators,
    date: articleDate(text, catalogued as { year?: number; month?: number; day?: number } | undefined),
  };
}

export function cleanText(data: IngestData, raw: string, source?: Source) {
  return normalize(raw, source ? data.rules(source.id) : {});
}
