/**
 * npm run ingest:measure
 * Ingests every source in data/sources/ and compares what ingest proposes with the rows
 * data/figures.csv holds for it (same value, unit, period, place and status). Prints, per
 * source: rows, rows matched, recall, proposals, proposals that are not rows; then the time
 * ingest takes on a 20,000-character article. A measurement, not a test: it prints figures.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { ingestText, rowKey as key, candidateKey as candKey } from '../src/lib/ingest/pipeline.ts';
import { loadIngestData, contextFor, cleanText } from './lib/ingest-data.ts';
import { cliArgs } from './lib/cli-args.ts';
import { rng } from './lib/generate-figures.ts';

// a reader piping into head closes the pipe early; that is not an error
process.stdout.on('error', (e: NodeJS.ErrnoException) => process.exit(e.code === 'EPIPE' ? 0 : 1));
const { values } = cliArgs(
  'ingest:measure',
  'npm run ingest:measure [-- --misses SOURCE_ID] [--extra SOURCE_ID]',
  { misses: { type: 'string' }, extra: { type: 'string' } },
  { min: 0, max: 0 },
);
const data = loadIngestData();

const rows: string[][] = [];
const totals = { primary: { props: 0, extra: 0 }, all: { rows: 0, matched: 0 } };
for (const source of data.sources) {
  const raw = readFileSync(join(data.dataDir, 'sources', source.file), 'utf8');
  const text = cleanText(data, raw, source).text;
  const result = ingestText(text, contextFor(data, text, source));
  result.candidates = result.candidates.filter((c) => c.repeatOf === undefined);
  const figures = data.figures.filter((f) => f.source === source.id);
  const proposed = new Set(result.candidates.map(candKey));
  const wanted = new Set(figures.map(key));
  const matched = figures.filter((f) => proposed.has(key(f)));
  const extra = result.candidates.filter((c) => !wanted.has(candKey(c)));
  totals.all.rows += figures.length;
  totals.all.matched += matched.length;
  if (source.kind === 'primary') {
    totals.primary.props += result.candidates.length;
    totals.primary.extra += extra.length;
  }
  const pct = (a: number, b: number) => (b === 0 ? '–' : `${((100 * a) / b).toFixed(0)}%`);
  rows.push([
    source.id,
    source.kind,
    String(figures.length),
    String(matched.length),
    pct(matched.length, figures.length),
    String(result.candidates.length),
    pct(extra.length, result.candidates.length),
  ]);
  if (values.misses === source.id || values.misses === 'all') {
    for (const f of figures.filter((x) => !proposed.has(key(x)))) {
      const near = result.candidates.filter((c) => c.value === f.value);
      process.stdout.write(
        `MISS ${source.id} ${key(f)} | ${f.quote}\n${near.map((c) => `   got ${candKey(c)} | ${c.quote.text}\n`).join('')}`,
      );
    }
  }
  if (values.extra === source.id || values.extra === 'all') {
    for (const c of extra) process.stdout.write(`EXTRA ${source.id} ${candKey(c)} | ${c.quote.text}\n`);
  }
}
const header = ['source', 'kind', 'rows', 'matched', 'recall', 'proposals', 'not in figures.csv'];
const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
const line = (r: string[]) => `| ${r.map((c, i) => c.padEnd(widths[i] ?? 0)).join(' | ')} |`;
process.stdout.write(`${[line(header), line(widths.map((w) => '-'.repeat(w))), ...rows.map(line)].join('\n')}\n`);
process.stdout.write(
  `all sources: ${totals.all.matched}/${totals.all.rows} rows matched (${((100 * totals.all.matched) / totals.all.rows).toFixed(1)}%); five conference articles: ${totals.primary.extra}/${totals.primary.props} proposals not in figures.csv (${((100 * totals.primary.extra) / Math.max(1, totals.primary.props)).toFixed(1)}%)\n`,
);

// speed: the longest article, repeated to 20,000 characters, through normalisation and ingest
const longest =
  data.sources.map((s) => readFileSync(join(data.dataDir, 'sources', s.file), 'utf8')).sort((a, b) => b.length - a.length)[0] ?? '';
let big = '';
while (big.length < 20000) big += `${longest}\n`;
big = big.slice(0, 20000);
// wall-clock time is what a user waits; CPU time is the same work however busy the machine is
const times: number[] = [];
const cpu: number[] = [];
for (let i = 0; i < 5; i++) {
  const t0 = performance.now();
  const c0 = process.cpuUsage();
  const text = cleanText(data, big).text;
  ingestText(text, contextFor(data, text));
  cpu.push(process.cpuUsage(c0).user / 1000);
  times.push(performance.now() - t0);
}
times.sort((a, b) => a - b);
cpu.sort((a, b) => a - b);
process.stdout.write(
  `speed: 20,000 characters normalised and ingested in ${times[2]?.toFixed(0)} ms (median of 5; first run ${times[4]?.toFixed(0)} ms at worst; CPU ${cpu[2]?.toFixed(0)} ms median)\n`,
);

// worst case: 20,000 characters dense with numbers and no punctuation (a page that lost its
// punctuation), generated the same way each run
const pieces = [
  '青岛市',
  '2030年',
  '上半年',
  '新签约',
  '亿元以上',
  '项目',
  '12个',
  '、',
  '增长',
  '8.5%',
  '分别',
  '胶州',
  '约',
  '5200亩',
  '位居全省第2位',
  '万',
  '1—7月',
  '截至',
  '目前',
  '3千多家',
  '以来',
];
const next = rng(11);
let dense = '';
while (dense.length < 20000) dense += pieces[Math.floor(next() * pieces.length)];
const t0 = performance.now();
const c0 = process.cpuUsage();
const denseResult = ingestText(dense, contextFor(data, dense));
process.stdout.write(
  `speed, worst case: 20,000 characters of numbers with no punctuation (${denseResult.candidates.length + denseResult.passed.length} numbers) ingested in ${(performance.now() - t0).toFixed(0)} ms (CPU ${(process.cpuUsage(c0).user / 1000).toFixed(0)} ms)\n`,
);
