/**
 * Generates a folder of tables with many valid figures, for measuring the data check and the
 * build at scale (npm run bench -- --scale, and by hand):
 *
 *   tsx scripts/lib/generate-figures.ts --count 20000 --out /tmp/data-20k [--from data] [--seed 1]
 *   DATA_DIR=/tmp/data-20k npm run data:check
 *
 * The folder is a copy of `from` (data/ by default) with `count` generated figures added:
 * invented indicators (生成指标…, topics of the real data), full-year totals 2000–2025 for
 * several places, and for every other indicator a year-on-year growth that joins its totals
 * within rounding, so the continuity checks have real work. Every figure is quoted from a
 * generated source text (at most 1,000 figures a source, so no file nears the read limit),
 * published on 31 December 2025, when every period it reports has ended (a build pinned to 2026 by SOURCE_DATE_EPOCH still accepts it). The values are seeded and the
 * same on every run. Nothing in data/ is changed.
 */
import { appendFileSync, cpSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import Papa from 'papaparse';

export interface GenerateOptions {
  /** folder to copy (data/ by default) */
  from: string;
  /** folder to write; replaced if it exists */
  out: string;
  /** how many figures to add */
  count: number;
  seed?: number;
}

export interface GenerateResult {
  figures: number;
  indicators: number;
  sources: number;
}

const YEARS = Array.from({ length: 26 }, (_, i) => 2000 + i);
const PLACES: [string, string][] = [
  ['qingdao', '青岛市'],
  ['shinan', '市南区'],
  ['shibei', '市北区'],
  ['licang', '李沧区'],
  ['laoshan', '崂山区'],
  ['chengyang', '城阳区'],
  ['jimo', '即墨区'],
  ['huangdao', '黄岛区'],
];
const TOPICS = ['projects', 'fdi', 'trade', 'economy', 'platforms', 'talent'];
const PER_SOURCE = 1000;

/** mulberry32: small, seeded, the same sequence on every machine (the fuzz test draws from it too) */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const csvLine = (cells: readonly string[]) => `${Papa.unparse([cells as string[]], { newline: '\n' })}\n`;

/** The header of a table as it stands in the copied folder. */
function headerOf(path: string): string[] {
  const first = readFileSync(path, 'utf8').split('\n', 1)[0] ?? '';
  return first.split(',');
}

/** Appends rows (objects keyed by column) in the column order of the table's header. */
function appendRows(path: string, rows: Record<string, string>[]): void {
  const header = headerOf(path);
  const text = readFileSync(path, 'utf8');
  const lead = text.endsWith('\n') ? '' : '\n';
  appendFileSync(path, lead + rows.map((r) => csvLine(header.map((h) => r[h] ?? ''))).join(''));
}

export function generateFigures(opts: GenerateOptions): GenerateResult {
  const next = rng(opts.seed ?? 1);
  if (existsSync(opts.out)) rmSync(opts.out, { recursive: true, force: true });
  cpSync(opts.from, opts.out, { recursive: true });
  // drafts are not part of the dataset; the releases stay, so the corrections guard runs too
  rmSync(join(opts.out, 'drafts'), { recursive: true, force: true });

  const indicators: Record<string, string>[] = [];
  const figures: Record<string, string>[] = [];
  let made = 0;
  let k = 0;
  while (made < opts.count) {
    k++;
    const id = `gen-${k}`;
    const withGrowth = k % 2 === 0;
    const topic = TOPICS[k % TOPICS.length] as string;
    indicators.push({
      id,
      name_zh: `生成指标${k}`,
      name_en: `Generated indicator ${k}`,
      unit: 'yi-yuan',
      topic,
      definition: `An invented series for measuring the check and the build at scale (indicator ${k}).`,
      definition_zh: `为测量数据检查和构建规模而生成的虚构序列（指标${k}）。`,
      undefined_terms: '',
    });
    if (withGrowth) {
      indicators.push({
        id: `${id}-yoy`,
        name_zh: `生成指标${k}同比增长`,
        name_en: `Generated indicator ${k}, year-on-year growth`,
        unit: 'percent',
        topic,
        definition: `Growth of generated indicator ${k} against the year before.`,
        definition_zh: `生成指标${k}比上年的增长。`,
        undefined_terms: '',
      });
    }
    for (const [geo, geoZh] of PLACES) {
      let tenths = 1000 + Math.floor(next() * 90_000); // 100.0 – 9099.9
      let previous: number | undefined;
      for (const year of YEARS) {
        if (made >= opts.count) break;
        const value = (tenths / 10).toFixed(1);
        const growth = previous === undefined ? undefined : ((tenths / previous - 1) * 100).toFixed(1);
        const sentence = `${year}年${geoZh}生成指标${k}为${value}亿元${growth !== undefined && withGrowth ? `，比上年增长${growth}%` : ''}。`;
        const base = {
          unit: 'yi-yuan',
          qualifier: 'exact',
          period_start: `${year}-01-01`,
          period_end: `${year}-12-31`,
          geo,
          status: 'actual',
          breakdown: '',
          quote: sentence.slice(0, -1),
          note: '',
          note_zh: '',
        };
        const source = `gen-source-${Math.floor(figures.length / PER_SOURCE) + 1}`;
        figures.push({ ...base, id: `${id}-${geo}-${year}`, indicator: id, value, source });
        made++;
        if (growth !== undefined && withGrowth && made < opts.count && !growth.startsWith('-')) {
          figures.push({ ...base, id: `${id}-yoy-${geo}-${year}`, indicator: `${id}-yoy`, value: growth, unit: 'percent', source });
          made++;
        }
        previous = tenths;
        // a change of -5% to +15% a year, in tenths
        tenths = Math.round(tenths * (0.95 + next() * 0.2));
      }
    }
  }
  // the sources: one text each, every sentence on its own line
  const sources: Record<string, string>[] = [];
  const perFile = new Map<string, string[]>();
  for (const f of figures) {
    const list = perFile.get(f['source'] as string) ?? [];
    if (!list.includes(`${f['quote']}。`)) list.push(`${f['quote']}。`);
    perFile.set(f['source'] as string, list);
  }
  mkdirSync(join(opts.out, 'sources', 'generated'), { recursive: true });
  for (const [source, sentences] of perFile) {
    const n = source.slice('gen-source-'.length);
    writeFileSync(join(opts.out, 'sources', 'generated', `${n}.txt`), `生成的来源${n}\n\n${sentences.join('\n')}\n`);
    sources.push({
      id: source,
      file: `generated/${n}.txt`,
      kind: 'secondary',
      title_zh: `生成的来源${n}`,
      title_en: `Generated source ${n}`,
      publisher: '生成器',
      publisher_en: 'Generator',
      url: '',
      published_year: '2025',
      published_month: '12',
      published_day: '31',
      date_basis: 'stated',
      date_note: '',
      date_note_zh: '',
      event: '',
      script: 'simplified',
      noise: '',
      note: 'Invented for measuring the check and the build at scale.',
      note_zh: '为测量检查和构建规模而虚构。',
    });
  }
  appendRows(join(opts.out, 'indicators.csv'), indicators);
  appendRows(join(opts.out, 'sources.csv'), sources);
  appendRows(join(opts.out, 'figures.csv'), figures);
  return { figures: figures.length, indicators: indicators.length, sources: sources.length };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const { cliArgs } = await import('./cli-args.ts');
  const { values } = cliArgs(
    'generate-figures',
    'tsx scripts/lib/generate-figures.ts --count N --out DIR [--from data] [--seed 1]',
    { count: { type: 'string' }, out: { type: 'string' }, from: { type: 'string' }, seed: { type: 'string' } },
    { min: 0, max: 0 },
  );
  const count = Number(values.count);
  const seed = values.seed === undefined ? 1 : Number(values.seed);
  const problem =
    values.count === undefined || !Number.isInteger(count) || count < 0
      ? `--count: "${values.count ?? ''}" must be a whole number of figures`
      : values.out === undefined
        ? '--out: the folder to write is needed'
        : !Number.isInteger(seed)
          ? `--seed: "${values.seed}" must be a whole number`
          : undefined;
  if (problem) {
    process.stderr.write(`generate-figures: ${problem}\n`);
    process.exit(2);
  }
  const from = resolve(values.from ?? 'data');
  const out = resolve(values.out as string);
  const r = generateFigures({ from, out, count, seed });
  process.stdout.write(
    `generate-figures: ${out}: ${r.figures} figures added (${r.indicators} indicators, ${r.sources} sources), copied from ${from}\n`,
  );
}
