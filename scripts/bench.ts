/**
 * Benchmark (prints figures; it is not a test): what the story page costs a reader on a
 * phone, in each edition, next to the same kind of chart drawn in the browser by Observable Plot.
 *
 *   npm run bench                      build into bench/out/site/, then measure
 *   npm run bench -- --no-build        measure the existing dist/
 *   npm run bench -- --runs 5 --chart <id>
 *   npm run bench -- --no-compress     serve without gzip, as no real host does
 *   npm run bench -- --scale [--sizes 1000,5000,20000] [--keep]
 *                                      the data check, the build and /data/ at generated sizes
 *                                      (scripts/lib/bench-scale.ts), nothing else
 *
 * Pages measured, all from one local server:
 *   /, /en/           the story page in each edition: charts drawn at build time as inline SVG
 *   /charts/<id>/     that chart's own page, when the site has one (same chart, build-time SVG)
 *   /bench/           comparison page, not part of the site: bench/plot-in-browser.html with
 *                     bench/plot-in-browser.ts bundled by esbuild, drawing chart <id> in the
 *                     browser from its rows (and lookup tables) as JSON
 * The server sends text gzipped, as the static hosts the site is made for (Netlify, Cloudflare
 * Pages, GitHub Pages) do; uncompressed, Lighthouse would time a 400 KB page no reader receives.
 * Bytes are gzip (zlib level 6) of each resource as served. Lighthouse (installed into
 * bench/lighthouse/ the first time: scripts/lib/bench-lighthouse.ts) runs with its default
 * mobile form factor and simulated throttling; every run is printed, then the median and the
 * spread, and each run's report is kept in bench/out/lighthouse/ (open one in
 * https://googlechrome.github.io/lighthouse/viewer/ or read its JSON) to see what costs the score.
 */
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import * as esbuild from 'esbuild';
import { parseHTML } from 'linkedom';
import { DIST_DIR, startStaticServer } from './lib/serve-dist.ts';
import { CHROMIUM_FLAGS, launchChromium } from './lib/launch-chromium.ts';
import { requireChromium } from './lib/find-chromium.ts';
import type { Dataset, SiteFigure } from '../src/lib/data/dataset.ts';
import { escapeHtml } from '../src/lib/text/escape-html.ts';
import { cliArgs } from './lib/cli-args.ts';
import { LANGS } from '../src/i18n/index.ts';
import { routes } from '../src/lib/site/routes.ts';
import { measureScale, printScale } from './lib/bench-scale.ts';
import { loadLighthouse, type LighthouseFigures, type LighthouseRuns } from './lib/bench-lighthouse.ts';
import { kb, seconds } from './lib/bench-units.ts';

const ROOT = fileURLToPath(new URL('../', import.meta.url));
const BENCH_DIR = join(ROOT, 'bench');
/** the comparison page, as served at /bench/ */
const OUT_DIR = join(BENCH_DIR, 'out', 'compare');
/** every Lighthouse run's full report */
const REPORT_DIR = join(BENCH_DIR, 'out', 'lighthouse');
/** the benchmark's own build of the site, so it never disturbs dist/ */
const SITE_BUILD_DIR = join(BENCH_DIR, 'out', 'site');
const STORY_JS_BUDGET = 30 * 1024;

interface Args {
  build: boolean;
  compress: boolean;
  runs: number;
  chart: string | undefined;
  /** sizes to measure with --scale; undefined without it */
  scale: number[] | undefined;
  keep: boolean;
}

function readArgs(): Args {
  const { values } = cliArgs(
    'bench',
    'npm run bench -- [--no-build] [--no-compress] [--runs N] [--chart ID] | --scale [--sizes N,N,…] [--keep]',
    {
      scale: { type: 'boolean' },
      sizes: { type: 'string', default: '1000,5000,20000' },
      keep: { type: 'boolean' },
      'no-build': { type: 'boolean' },
      'no-compress': { type: 'boolean' },
      runs: { type: 'string', default: '3' },
      chart: { type: 'string' },
    },
    { min: 0, max: 0 },
  );
  const args: Args = {
    build: values['no-build'] !== true,
    compress: values['no-compress'] !== true,
    runs: Number(values.runs),
    chart: values.chart,
    scale: undefined,
    keep: values.keep === true,
  };
  if (values.scale === true) {
    const sizes = values.sizes.split(',').map((x) => Number(x.trim()));
    if (sizes.some((n) => !Number.isInteger(n) || n < 1))
      throw new Error(`bench: --sizes needs whole numbers ≥ 1 separated by commas, not "${values.sizes}"`);
    args.scale = sizes;
  }
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

function printTable(columns: { name: string; bytes: Bytes; lh: LighthouseRuns }[]): void {
  /** the median, and the lowest and highest of the runs when they differ */
  const spread = (c: (typeof columns)[number], k: keyof LighthouseFigures, f: (v: number) => string) =>
    c.lh.min[k] === c.lh.max[k] ? f(c.lh.median[k]) : `${f(c.lh.median[k])} (${f(c.lh.min[k])}–${f(c.lh.max[k])})`;
  const rows: [string, (c: (typeof columns)[number]) => string][] = [
    ['HTML (gzip)', (c) => kb(c.bytes.html)],
    ['CSS inline+linked (gzip)', (c) => kb(c.bytes.css)],
    ['JS, all scripts (gzip)', (c) => kb(c.bytes.js)],
    ['data fetched (gzip)', (c) => kb(c.bytes.data)],
    ['SVG in static HTML (gzip)', (c) => kb(c.bytes.svgStatic)],
    ['SVG after scripts (gzip)', (c) => kb(c.bytes.svgAfterScripts)],
    ['all responses (gzip)', (c) => kb(c.bytes.total)],
    ['requests', (c) => String(c.bytes.requests)],
    ['Lighthouse performance', (c) => spread(c, 'performance', String)],
    ['Lighthouse accessibility', (c) => spread(c, 'accessibility', String)],
    ['FCP', (c) => spread(c, 'fcp', seconds)],
    ['LCP', (c) => spread(c, 'lcp', seconds)],
    ['TBT', (c) => spread(c, 'tbt', (v) => `${Math.round(v)} ms`)],
    ['CLS', (c) => spread(c, 'cls', (v) => v.toFixed(3))],
    ['Speed Index', (c) => spread(c, 'si', seconds)],
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
  if (args.scale) {
    printScale(await measureScale(ROOT, args.scale, args.keep));
    return;
  }
  const siteDir = args.build ? SITE_BUILD_DIR : DIST_DIR;
  if (args.build) buildSite(siteDir);
  if (!existsSync(join(siteDir, 'index.html'))) throw new Error(`bench: ${siteDir}/index.html is missing; build the site first`);
  const chartId = pickChart(siteDir, args.chart);
  const { labels } = await buildComparisonPage(chartId);
  const chartPage = routes('zh').chart(chartId);
  // the story in every edition the build has
  const stories = LANGS.map((lang) => routes(lang).story()).filter((path) => existsSync(join(siteDir, path, 'index.html')));
  const pages = [
    ...stories.map((path) => ({ name: `story ${path}`, path, story: true })),
    ...(existsSync(join(siteDir, 'charts', chartId, 'index.html'))
      ? [{ name: `chart page ${chartPage}`, path: chartPage, story: false }]
      : []),
    { name: `Plot in browser (${chartId})`, path: '/bench/', story: false },
  ];
  const openLighthouse = await loadLighthouse(ROOT);
  const server = await startStaticServer(siteDir, { '/bench/': OUT_DIR }, { compress: args.compress });
  // a full browser, not the headless shell the tests use: Lighthouse measures what a reader's browser does
  const lighthouse = await openLighthouse({
    chromePath: requireChromium(process.env, { shell: false }),
    chromeFlags: CHROMIUM_FLAGS,
    reportDir: REPORT_DIR,
    log: (line) => console.log(line),
  });
  try {
    console.log(`bench: comparison page draws what the site draws: ${await sameDrawing(server.origin, labels)}`);
    const columns = [];
    for (const p of pages) {
      console.log(`bench: measuring ${p.path} (${args.runs} Lighthouse run${args.runs > 1 ? 's' : ''}) …`);
      const bytes = await measureBytes(server.origin, p.path);
      const report = p.path === '/bench/' ? 'plot-in-browser' : p.path.replace(/^\/|\/$/gu, '').replace(/\//gu, '-') || 'story';
      const lh = await lighthouse.run(`${server.origin}${p.path}`, args.runs, report);
      columns.push({ ...p, bytes, lh });
    }
    console.log('');
    printTable(columns);
    for (const c of columns.filter((x) => x.story)) {
      console.log('');
      console.log(
        `${c.name} — JS ${kb(c.bytes.js)} gzip of a ${kb(STORY_JS_BUDGET)} budget${c.bytes.js > STORY_JS_BUDGET ? ' — OVER BUDGET' : ''}`,
      );
      for (const line of c.lh.diagnosis) console.log(`  ${line}`);
    }
    console.log('');
    console.log(
      `Lighthouse: mobile form factor, simulated throttling, median of ${args.runs} (lowest–highest in brackets); reports in ${REPORT_DIR.replace(ROOT, '')}/. ` +
        `Bytes: gzip level 6 per resource as served; served ${args.compress ? 'gzipped, as static hosts do' : 'uncompressed (--no-compress)'}.`,
    );
  } finally {
    await lighthouse.close();
    await server.close();
  }
}

main().catch((err: unknown) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
