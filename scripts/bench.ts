/**
 * Benchmark (prints figures; it is not a test): what the story page costs a reader on a
 * phone, next to the same kind of chart drawn in the browser by Observable Plot.
 *
 *   npm run bench                      build into bench/out/site/, then measure
 *   npm run bench -- --no-build        measure the existing dist/
 *   npm run bench -- --runs 5 --chart <id>
 *
 * Pages measured, all from one local server:
 *   /                 the story page: charts drawn at build time as inline SVG
 *   /charts/<id>/     that chart's own page, when the site has one (same chart, build-time SVG)
 *   /bench/           comparison page, not part of the site: bench/plot-in-browser.html with
 *                     bench/plot-in-browser.ts bundled by esbuild, drawing chart <id> in the
 *                     browser from its rows (and lookup tables) as JSON
 * Bytes are gzip (zlib level 6) of each resource as served. Lighthouse runs with its default
 * mobile form factor and simulated throttling; the median of --runs runs is printed.
 */
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import * as esbuild from 'esbuild';
import lighthouse from 'lighthouse';
import * as chromeLauncher from 'chrome-launcher';
import { parseHTML } from 'linkedom';
import { DIST_DIR, startStaticServer } from './lib/serve-dist.ts';
import { CHROMIUM_FLAGS, launchChromium } from './lib/launch-chromium.ts';
import { requireChromium } from './lib/find-chromium.ts';
import type { Dataset, SiteFigure } from '../src/lib/data/dataset.ts';
import { escapeHtml } from '../src/lib/text/escape-html.ts';
import { cliArgs } from './lib/cli-args.ts';

const ROOT = fileURLToPath(new URL('../', import.meta.url));
const BENCH_DIR = join(ROOT, 'bench');
/** the comparison page, as served at /bench/ */
const OUT_DIR = join(BENCH_DIR, 'out', 'compare');
/** the benchmark's own build of the site, so it never disturbs dist/ */
const SITE_BUILD_DIR = join(BENCH_DIR, 'out', 'site');
const STORY_JS_BUDGET = 30 * 1024;

interface Args {
  build: boolean;
  runs: number;
  chart: string | undefined;
}

function readArgs(): Args {
  const { values } = cliArgs(
    'bench',
    'npm run bench -- [--no-build] [--runs N] [--chart ID]',
    { 'no-build': { type: 'boolean' }, runs: { type: 'string', default: '3' }, chart: { type: 'string' } },
    { min: 0, max: 0 },
  );
  const args: Args = { build: values['no-build'] !== true, runs: Number(values.runs), chart: values.chart };
  if (!Number.isInteger(args.runs) || args.runs < 1) throw new Error('bench: --runs needs a whole number ≥ 1');
  return args;
}

const gz = (data: string | Uint8Array) => (data.length === 0 ? 0 : gzipSync(data, { level: 6 }).length);

function buildSite(outDir: string): void {
  console.log(`bench: npx astro build --outDir ${outDir.replace(ROOT, '')} …`);
  const result = spawnSync(join(ROOT, 'node_modules/.bin/astro'), ['build', '--outDir', outDir], {
    cwd: ROOT,
    stdio: ['ignore', 'ignore', 'inherit'],
    env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1' },
  });
  if (result.status !== 0) throw new Error(`bench: astro build failed (exit ${result.status})`);
}

/** The first chart on the story page, unless one is asked for. */
function pickChart(siteDir: string, requested: string | undefined): string {
  if (requested) return requested;
  const { document } = parseHTML(readFileSync(join(siteDir, 'index.html'), 'utf8'));
  const id = document.querySelector('[data-chart]')?.getAttribute('data-chart');
  if (!id) throw new Error('bench: the story page has no [data-chart] element; pass --chart ID');
  return id;
}

/** The module under src/charts/ that defines chart `id`: one spec per file, named by its id. */
function chartModule(id: string): string {
  const file = join(ROOT, 'src/charts', `${id}.ts`);
  if (!existsSync(file)) throw new Error(`bench: no chart spec src/charts/${id}.ts`);
  return file;
}

/**
 * The chart's rows and the lookup-table entries they refer to (what a chart specification
 * looks up in its context), as a lean client-rendered page would ship them.
 */
function chartDataFor(rows: readonly SiteFigure[], data: Dataset) {
  const only = <V>(table: Map<string, V>, ids: Iterable<string>) =>
    [...new Set(ids)].flatMap((id) => (table.has(id) ? [[id, table.get(id) as V] as const] : []));
  const placeIds = new Set<string>();
  for (let id of rows.map((r) => r.geo)) {
    while (id && !placeIds.has(id)) {
      placeIds.add(id);
      id = data.places.get(id)?.parent ?? '';
    }
  }
  return {
    rows,
    indicators: only(
      data.indicators,
      rows.map((r) => r.indicator),
    ),
    places: only(data.places, placeIds),
    units: only(
      data.units,
      rows.map((r) => r.unit),
    ),
    sources: only(
      data.sources,
      rows.flatMap((r) => r.sources),
    ),
    breakdowns: only(
      data.breakdowns,
      rows.flatMap((r) => r.breakdown),
    ),
    // the conferences a chart marks on its time axis
    events: data.events,
  };
}

/** Writes bench/out/: the comparison page, its bundled script, the chart's rows and the site's CSS. */
async function buildComparisonPage(id: string): Promise<{ labels: string[] }> {
  const { buildChartFrame } = await import('../src/lib/chart/frame.ts');
  const { getDataset } = await import('../src/lib/data/dataset.ts');
  const { chartById } = await import('../src/charts/index.ts');
  const data = getDataset();
  const frame = buildChartFrame(chartById(id), data, 'zh');
  rmSync(OUT_DIR, { recursive: true, force: true });
  mkdirSync(OUT_DIR, { recursive: true });
  const fill: Record<string, string> = {
    lang: 'zh-CN',
    title: frame.title,
    subtitle: frame.subtitle,
    description: frame.description,
    source: frame.sourceLine,
  };
  const html = readFileSync(join(BENCH_DIR, 'plot-in-browser.html'), 'utf8').replace(/\{\{(\w+)\}\}/gu, (_, k: string) => {
    const v = fill[k];
    if (v === undefined) throw new Error(`bench: plot-in-browser.html asks for {{${k}}}, which bench.ts does not fill`);
    return escapeHtml(v);
  });
  writeFileSync(join(OUT_DIR, 'index.html'), html);
  writeFileSync(join(OUT_DIR, 'chart-data.json'), JSON.stringify(chartDataFor(frame.rows, data)));
  copyFileSync(join(ROOT, 'src/styles/global.css'), join(OUT_DIR, 'site.css'));
  const file = chartModule(id);
  await esbuild.build({
    entryPoints: [join(BENCH_DIR, 'plot-in-browser.ts')],
    outfile: join(OUT_DIR, 'plot-in-browser.js'),
    bundle: true,
    minify: true,
    format: 'esm',
    platform: 'browser',
    target: 'es2022',
    logLevel: 'warning',
    plugins: [
      {
        name: 'bench-chart',
        setup(build) {
          build.onResolve({ filter: /^bench:chart$/ }, () => ({ path: 'bench:chart', namespace: 'bench-chart' }));
          build.onLoad({ filter: /.*/, namespace: 'bench-chart' }, () => ({
            resolveDir: ROOT,
            loader: 'ts',
            contents: `import * as m from ${JSON.stringify(file)};
const list = Object.values(m).flatMap((v) => (Array.isArray(v) ? v : [v]));
const found = list.find((v) => v && typeof v === 'object' && v.id === ${JSON.stringify(id)});
if (!found) throw new Error('bench: no chart ${id} in ${file.replace(ROOT, '')}');
export const chart = found;`,
          }));
        },
      },
    ],
  });
  return { labels: svgLabels(frame.svg.narrow) };
}

/** The words a chart drawing shows, in order: enough to tell whether two drawings say the same. */
function svgLabels(markup: string): string[] {
  const { document } = parseHTML(`<!doctype html><html><body>${markup}</body></html>`);
  return [...document.querySelectorAll('svg text')].map((t) => (t.textContent ?? '').trim()).filter(Boolean);
}

/** Whether the comparison page, on a phone, draws the chart with the labels the build-time drawing has. */
async function sameDrawing(origin: string, expected: string[]): Promise<string> {
  const browser = await launchChromium();
  try {
    const page = await browser.newPage({ viewport: { width: 360, height: 740 } });
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(`${origin}/bench/`, { waitUntil: 'networkidle' });
    const drawn = svgLabels(await page.evaluate(() => document.getElementById('chart')?.innerHTML ?? ''));
    if (errors.length > 0) return `NO — the page threw: ${errors.join('; ')}`;
    if (JSON.stringify(drawn) === JSON.stringify(expected)) return `yes (${drawn.length} labels identical)`;
    const missing = expected.filter((l) => !drawn.includes(l));
    return `NO — ${drawn.length} labels drawn vs ${expected.length} at build time; missing: ${missing.slice(0, 5).join(' | ') || 'none (order differs)'}`;
  } finally {
    await browser.close();
  }
}

interface Bytes {
  html: number;
  css: number;
  js: number;
  data: number;
  svgStatic: number;
  svgAfterScripts: number;
  total: number;
  requests: number;
}

/** Gzip bytes of what a phone loads for the page, split by kind. */
async function measureBytes(origin: string, path: string): Promise<Bytes> {
  const browser = await launchChromium();
  try {
    const page = await browser.newPage({ viewport: { width: 360, height: 740 } });
    const bodies: { type: string; url: string; body: Buffer }[] = [];
    const pending: Promise<void>[] = [];
    page.on('response', (res) => {
      pending.push(
        res.body().then(
          (body) => void bodies.push({ type: res.request().resourceType(), url: res.url(), body }),
          () => undefined,
        ),
      );
    });
    await page.goto(`${origin}${path}`, { waitUntil: 'networkidle' });
    await Promise.all(pending);
    const svgAfterScripts = await page.evaluate(() =>
      [...document.querySelectorAll('svg')]
        .filter((s) => !s.parentElement?.closest('svg'))
        .map((s) => s.outerHTML)
        .join(''),
    );
    const doc = bodies.find((b) => b.type === 'document');
    if (!doc) throw new Error(`bench: no document response for ${path}`);
    const html = parseHTML(doc.body.toString('utf8')).document;
    const inlineCss = [...html.querySelectorAll('style')].map((s) => s.textContent ?? '').join('\n');
    const inlineJs = [...html.querySelectorAll('script:not([src])')]
      .filter((s) => !/json/iu.test(s.getAttribute('type') ?? ''))
      .map((s) => s.textContent ?? '')
      .join('\n');
    const svgStatic = [...html.querySelectorAll('svg')]
      .filter((s) => !s.parentElement?.closest('svg'))
      .map((s) => s.outerHTML)
      .join('');
    const sumOf = (type: string) => bodies.filter((b) => b.type === type).reduce((n, b) => n + gz(b.body), 0);
    return {
      html: gz(doc.body),
      css: gz(inlineCss) + sumOf('stylesheet'),
      js: gz(inlineJs) + sumOf('script'),
      data: sumOf('fetch') + sumOf('xhr'),
      svgStatic: gz(svgStatic),
      svgAfterScripts: gz(svgAfterScripts),
      total: bodies.reduce((n, b) => n + gz(b.body), 0),
      requests: bodies.length,
    };
  } finally {
    await browser.close();
  }
}

interface LighthouseFigures {
  performance: number;
  accessibility: number;
  lcp: number;
  tbt: number;
  cls: number;
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? (s[mid] as number) : ((s[mid - 1] as number) + (s[mid] as number)) / 2;
};

async function runLighthouse(port: number, url: string, runs: number): Promise<LighthouseFigures> {
  const all: LighthouseFigures[] = [];
  for (let i = 0; i < runs; i++) {
    const result = await lighthouse(url, { port, output: 'json', logLevel: 'error', onlyCategories: ['performance', 'accessibility'] });
    if (!result) throw new Error(`bench: Lighthouse returned nothing for ${url}`);
    const { lhr } = result;
    if (lhr.runtimeError) throw new Error(`bench: Lighthouse on ${url}: ${lhr.runtimeError.code} ${lhr.runtimeError.message}`);
    const audit = (id: string) => {
      const v = lhr.audits[id]?.numericValue;
      if (v === undefined) throw new Error(`bench: Lighthouse gave no ${id} for ${url}`);
      return v;
    };
    all.push({
      performance: Math.round((lhr.categories['performance']?.score ?? Number.NaN) * 100),
      accessibility: Math.round((lhr.categories['accessibility']?.score ?? Number.NaN) * 100),
      lcp: audit('largest-contentful-paint'),
      tbt: audit('total-blocking-time'),
      cls: audit('cumulative-layout-shift'),
    });
  }
  const pick = (k: keyof LighthouseFigures) => median(all.map((f) => f[k]));
  return { performance: pick('performance'), accessibility: pick('accessibility'), lcp: pick('lcp'), tbt: pick('tbt'), cls: pick('cls') };
}

const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`;

function printTable(columns: { name: string; bytes: Bytes; lh: LighthouseFigures }[]): void {
  const rows: [string, (c: (typeof columns)[number]) => string][] = [
    ['HTML (gzip)', (c) => kb(c.bytes.html)],
    ['CSS inline+linked (gzip)', (c) => kb(c.bytes.css)],
    ['JS, all scripts (gzip)', (c) => kb(c.bytes.js)],
    ['data fetched (gzip)', (c) => kb(c.bytes.data)],
    ['SVG in static HTML (gzip)', (c) => kb(c.bytes.svgStatic)],
    ['SVG after scripts (gzip)', (c) => kb(c.bytes.svgAfterScripts)],
    ['all responses (gzip)', (c) => kb(c.bytes.total)],
    ['requests', (c) => String(c.bytes.requests)],
    ['Lighthouse performance', (c) => String(c.lh.performance)],
    ['Lighthouse accessibility', (c) => String(c.lh.accessibility)],
    ['LCP', (c) => `${(c.lh.lcp / 1000).toFixed(2)} s`],
    ['TBT', (c) => `${Math.round(c.lh.tbt)} ms`],
    ['CLS', (c) => c.lh.cls.toFixed(3)],
  ];
  const table = [['', ...columns.map((c) => c.name)], ...rows.map(([label, f]) => [label, ...columns.map(f)])];
  const widths = table[0]!.map((_, i) => Math.max(...table.map((r) => [...(r[i] ?? '')].length)));
  for (const [i, r] of table.entries()) {
    console.log(r.map((cell, j) => (j === 0 ? cell.padEnd(widths[j]!) : cell.padStart(widths[j]!))).join('  '));
    if (i === 0) console.log(widths.map((w) => '-'.repeat(w)).join('  '));
  }
}

async function main(): Promise<void> {
  const args = readArgs();
  const siteDir = args.build ? SITE_BUILD_DIR : DIST_DIR;
  if (args.build) buildSite(siteDir);
  if (!existsSync(join(siteDir, 'index.html'))) throw new Error(`bench: ${siteDir}/index.html is missing; build the site first`);
  const chartId = pickChart(siteDir, args.chart);
  const { labels } = await buildComparisonPage(chartId);
  const chartPage = `/charts/${chartId}/`;
  const pages = [
    { name: 'story /', path: '/' },
    ...(existsSync(join(siteDir, 'charts', chartId, 'index.html')) ? [{ name: `chart page ${chartPage}`, path: chartPage }] : []),
    { name: `Plot in browser (${chartId})`, path: '/bench/' },
  ];
  const server = await startStaticServer(siteDir, { '/bench/': OUT_DIR });
  process.env['CHROME_PATH'] = requireChromium();
  const chrome = await chromeLauncher.launch({ chromePath: process.env['CHROME_PATH'], chromeFlags: CHROMIUM_FLAGS });
  try {
    console.log(`bench: comparison page draws what the site draws: ${await sameDrawing(server.origin, labels)}`);
    const columns = [];
    for (const p of pages) {
      console.log(`bench: measuring ${p.path} (${args.runs} Lighthouse run${args.runs > 1 ? 's' : ''}) …`);
      const bytes = await measureBytes(server.origin, p.path);
      const lh = await runLighthouse(chrome.port, `${server.origin}${p.path}`, args.runs);
      columns.push({ name: p.name, bytes, lh });
    }
    console.log('');
    printTable(columns);
    const story = columns[0]!;
    console.log('');
    console.log(
      `story page JS: ${kb(story.bytes.js)} gzip of a ${kb(STORY_JS_BUDGET)} budget${story.bytes.js > STORY_JS_BUDGET ? ' — OVER BUDGET' : ''}`,
    );
    console.log(
      `Lighthouse: mobile form factor, simulated throttling, median of ${args.runs}; bytes: gzip level 6 per resource as served.`,
    );
  } finally {
    chrome.kill();
    await server.close();
  }
}

main().catch((err: unknown) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
