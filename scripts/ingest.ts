/**
 * npm run ingest -- FILE [--source ID] [--out DIR] [--review]
 * Reads one article, finds the figures it publishes and writes a draft folder (default
 * data/drafts/<source id>/) for an editor to review and merge: figures.csv with the header of
 * data/figures.csv, plus the units, places, indicators, promise-ledger rows and source row the
 * figures need. --review also writes review.html. Bad input (missing, empty, binary, an
 * unreadable encoding, no figures) stops with one message naming the file; nothing is written.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { basename, join, relative, resolve } from 'node:path';
import { cliArgs } from './lib/cli-args.ts';
import { loadIngestData, sourceOfFile, contextFor, cleanText } from './lib/ingest-data.ts';
import { decodeArticle } from '../src/lib/ingest/decode.ts';
import { ingestText } from '../src/lib/ingest/pipeline.ts';
import { buildDraft, tableCsv, type DraftRow, type DraftTables } from '../src/lib/ingest/draft.ts';
import { reviewHtml } from '../src/lib/ingest/review-html.ts';
import { MAX_TEXT_BYTES } from '../src/lib/text/read-text.ts';
import { NormalizeError } from '../src/lib/text/normalize.ts';
import type { NormalizeResult } from '../src/lib/text/normalize.ts';
import type { TableName } from '../src/lib/data/schema.ts';
import { checkData } from '../src/lib/data/check.ts';

const usage = 'npm run ingest -- FILE [--source ID] [--out DIR] [--review]';
const { values, positionals } = cliArgs(
  'ingest',
  usage,
  { source: { type: 'string' }, out: { type: 'string' }, review: { type: 'boolean' } },
  { min: 1, max: 1 },
);
const file = positionals[0] as string;
const fail = (message: string): never => {
  process.stderr.write(`ingest: ${message}\nnothing was written\n`);
  process.exit(1);
};
const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/u;

let bytes: Buffer;
try {
  if (statSync(file).size > MAX_TEXT_BYTES)
    fail(`${file}:1: file is above ${MAX_TEXT_BYTES / 1024 / 1024} MB: an article is a few tens of kB; check it is the right file`);
  bytes = readFileSync(file);
} catch (e) {
  fail(`${file}: cannot read the file (${(e as NodeJS.ErrnoException).code ?? String(e)})`);
}
const decoded = decodeArticle(bytes!);
if ('fault' in decoded) fail(`${file}:${decoded.fault.line}: ${decoded.fault.message}`);
const { text: raw, note: encodingNote } = decoded as { text: string; encoding: string; note?: string };
if (raw.trim() === '') fail(`${file}:1: file holds only white space: there is no article to read`);

const data = loadIngestData();
const listed = sourceOfFile(data, file);
if (values.source !== undefined && !SLUG.test(values.source))
  fail(`--source "${values.source}" must be a lower-case slug (a-z, 0-9, single hyphens)`);
if (listed && values.source !== undefined && values.source !== listed.id)
  fail(`${file} is listed in sources.csv as "${listed.id}", not "${values.source}"`);
const fromName = basename(file)
  .replace(/\.[^.]*$/u, '')
  .toLowerCase()
  .replace(/[^a-z0-9]+/gu, '-')
  .replace(/^-|-$/gu, '');
const sourceId =
  listed?.id ?? values.source ?? (fromName === '' ? 'new-article' : /^[a-z]/u.test(fromName) ? fromName : `article-${fromName}`);
if (!listed && data.sources.some((s) => s.id === sourceId))
  fail(`source id "${sourceId}" is already used by another file in sources.csv; choose one with --source`);

let clean: NormalizeResult;
try {
  clean = cleanText(data, raw, listed);
} catch (e) {
  if (e instanceof NormalizeError) fail(`${file}: normalisation failed: ${e.message}`);
  throw e;
}
const text = clean!.text;
const ctx = contextFor(data, text, listed);
const result = ingestText(text, ctx);
const distinct = result.candidates.filter((c) => c.repeatOf === undefined);
if (distinct.length === 0) {
  const latin = (text.match(/[A-Za-z]/gu) ?? []).length > (text.match(/\p{Script=Han}/gu) ?? []).length;
  fail(
    `${file}: no figures found${latin ? ' (the text is mostly Latin letters: ingest reads Chinese news text; English articles are not read yet)' : ''}`,
  );
}

const outDir = resolve(values.out ?? join(data.dataDir, 'drafts', sourceId));
if (existsSync(outDir)) {
  if (!statSync(outDir).isDirectory()) fail(`${values.out ?? outDir} exists and is not a folder`);
  if (readdirSync(outDir).length > 0)
    fail(
      `${relative(process.cwd(), outDir) || outDir} already holds files: an editor may be working on them; choose an empty folder with --out or remove it`,
    );
}

// a file not yet listed gets its sources.csv row, filled only with what the text states
const notes: string[] = [];
if (encodingNote) notes.push(`${file}: ${encodingNote}`);
let sourceRow: DraftRow | undefined;
const inSources = relative(join(data.dataDir, 'sources'), resolve(file));
if (!listed) {
  const header = (key: string) => new RegExp(`^${key}:\\s*(.+)$`, 'mu').exec(raw)?.[1]?.trim() ?? '';
  const published = /^(\d{4})-(\d{2})-(\d{2})$/u.exec(header('published')) ?? /(\d{4})年(\d{1,2})月(\d{1,2})日/u.exec(text.slice(0, 600));
  const title =
    text
      .split('\n')
      .map((l) => l.trim())
      .find((l) => l !== '' && !/^(url|publisher|published):/u.test(l)) ?? sourceId;
  const insideSources = !inSources.startsWith('..') && /^raw(-secondary)?\//u.test(inSources);
  const fileCell = insideSources ? inSources : `raw/${basename(file)}`;
  if (!insideSources)
    notes.push(
      `${file} is not in data/sources/raw/: copy it there, byte for byte, as ${fileCell} before merging (the data check reads it from there)`,
    );
  const changes = new Set(clean!.changes.map((c) => c.rule));
  const noise = [
    changes.has('pinyin') && 'pinyin',
    changes.has('traditional') && 'traditional',
    changes.has('mojibake') && 'mojibake',
    changes.has('placeholder-box') && 'placeholder-boxes',
    changes.has('stray-symbol') && 'stray-symbols',
  ].filter(Boolean);
  const url = header('url');
  sourceRow = {
    id: sourceId,
    file: fileCell,
    kind: 'secondary',
    title_zh: title.slice(0, 80),
    title_en: 'English title to be written',
    publisher: header('publisher') || '未署名',
    publisher_en: 'Publisher to be filled in',
    url: /^https?:\/\//u.test(url) ? url : '',
    published_year: published ? String(Number(published[1])) : '',
    published_month: published ? String(Number(published[2])) : '',
    published_day: published ? String(Number(published[3])) : '',
    date_basis: 'stated',
    date_note: published ? '' : 'The text states no full publication date; the editor fills in what it does state.',
    date_note_zh: published ? '' : '原文未写明完整的发布日期；请编辑按原文填写。',
    event: '',
    script: clean!.changes.some((c) => c.rule === 'traditional') ? 'traditional' : 'simplified',
    noise: noise.join(';'),
    note: 'Row proposed by npm run ingest: check every column.',
    note_zh: '由npm run ingest建议的行：请逐列核对。',
  };
}

const taken = new Set([...data.figures.map((f) => f.id), ...data.indicators.map((i) => i.id)]);
const tables: DraftTables = buildDraft(result.candidates, { sourceId, ...(sourceRow ? { sourceRow } : {}), takenIds: taken });
const xxxx = tables.figures.filter((f) => (f.period_start ?? '').startsWith('XXXX')).length;
const noPlace = tables.figures.filter((f) => f.geo === 'unknown').length;
if (noPlace > 0)
  notes.push(
    `${noPlace} row(s) have the place "unknown": the text names no place ingest knows; the data check refuses them until geo is filled in`,
  );
if (xxxx > 0)
  notes.push(`${xxxx} row(s) have the year XXXX: the text gives no year; the data check refuses them until the year is filled in`);

mkdirSync(outDir, { recursive: true });
const write = (name: TableName, rows: DraftRow[], always = false) => {
  if (rows.length > 0 || always) writeFileSync(join(outDir, `${name}.csv`), tableCsv(name, rows));
};
write('figures', tables.figures, true);
write('indicators', tables.indicators);
write('units', tables.units);
write('places', tables.places);
write('promises', tables.promises);
write('sources', tables.sources);
// A row given an existing indicator can break that series (a part read as the whole, a figure
// already in data/ under another id): the data check says so. Such rows get a proposed indicator
// of their own instead, with a note, so the draft passes the check and the editor decides.
for (let round = 0; round < 3; round++) {
  const report = checkData({ dataDir: data.dataDir, overlays: [outDir] });
  const breaking = new Set<string>();
  for (const p of report.problems) {
    if (!/does not join/u.test(p.message)) continue;
    for (const f of tables.figures) if (f.id && p.message.includes(f.id as string)) breaking.add(f.id as string);
    const row = tables.figures[p.line - 2];
    if (resolve(p.file) === resolve(outDir, 'figures.csv') && row?.id) breaking.add(row.id);
  }
  if (breaking.size === 0) break;
  for (const f of tables.figures) {
    if (!f.id || !breaking.has(f.id) || tables.indicators.some((i) => i.id === f.indicator)) continue;
    const was = f.indicator as string;
    const id = `${sourceId}-new-${tables.indicators.length + 1}`;
    tables.indicators.push({
      id,
      name_zh: `${data.indicators.find((i) => i.id === was)?.name_zh ?? '未命名指标'}（待核）`,
      name_en: `Proposed indicator ${tables.indicators.length + 1} (English name to be written)`,
      unit: f.unit as string,
      topic: 'proposed',
      definition: `Proposed by npm run ingest: the figure reads like ${was}, but as ${was} it breaks that series in the data check (a part read as the whole, or a figure already in data/); the editor decides.`,
      definition_zh: `由npm run ingest建议：该数字看似属于${was}，但归入${was}会使该序列在数据检查中对不上（可能把部分当成了总数，或与data/中已有的数字重复）；请编辑判断。`,
      undefined_terms: '',
    });
    f.indicator = id;
    f.note = `${(f.note as string).replace(/\.$/u, '')}; not filed under ${was}: as ${was} it breaks that series in the data check.`;
    f.note_zh = `${(f.note_zh as string).replace(/。$/u, '')}；未归入${was}：归入后该序列在数据检查中对不上。`;
  }
  write('figures', tables.figures, true);
  write('indicators', tables.indicators);
}

const moved = tables.figures.filter((f) => (f.note ?? '').includes('not filed under')).length;
if (moved > 0)
  notes.push(
    `${moved} row(s) read like an existing indicator but break its series in the data check: given a proposed indicator instead (see their notes)`,
  );
const shown = relative(process.cwd(), outDir) || '.';
if (values.review) {
  writeFileSync(
    join(outDir, 'review.html'),
    reviewHtml({ file, sourceId, outDir: shown, candidates: result.candidates, passed: result.passed, tables, notes }),
  );
}
process.stdout.write(
  [
    `ingest: ${file} → ${shown}/`,
    `  ${tables.figures.length} figure rows (${result.candidates.length - distinct.length} repeated mentions folded), ${tables.indicators.length} proposed indicators, ${tables.units.length} proposed units, ${tables.places.length} proposed places, ${tables.promises.length} promise-ledger rows${sourceRow ? ', 1 source row' : ''}`,
    ...notes.map((n) => `  note: ${n}`),
    values.review ? `  review: ${shown}/review.html` : '  review page: add --review',
    `  next: edit the draft, then npm run data:check -- --with ${shown}`,
  ].join('\n') + '\n',
);
