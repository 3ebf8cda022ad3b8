/**
 * `npm run bench -- --scale`: what the data check and the build cost as the data grows. For each
 * size it generates that many figures on top of data/ (scripts/lib/generate-figures.ts) into a
 * temporary folder, then times, each as its own process with DATA_DIR pointing there:
 *   check     tsx scripts/data-check.ts        (npm run data:check, and npm run build's prebuild)
 *   build     astro build --outDir <tmp>       (npm run build itself, the chart images included)
 * and prints the seconds, the peak memory (the largest resident set of the process and its
 * children, from /usr/bin/time), the size of /data/'s HTML and of its figures file, and the
 * growth from one size to the next. Figures only, no pass or fail: the targets (issue 25: at
 * 20,000 figures the check under 20 s, the build under 240 s on two cores with a peak under
 * 2 GB, /data/ under 300 KB) are read off the table.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { generateFigures } from './generate-figures.ts';
import { EXPLORER_FILE } from '../../src/lib/explorer/explorer-file.ts';
import { sitePaths } from '../../src/lib/site/routes.ts';

const TIME = '/usr/bin/time';

export interface ScaleStep {
  seconds: number;
  /** peak resident set, bytes; undefined without /usr/bin/time */
  peak: number | undefined;
}

export interface ScaleResult {
  figures: number;
  check: ScaleStep;
  build: ScaleStep;
  /** bytes of /data/index.html and /en/data/index.html */
  dataHtml: number;
  dataHtmlEn: number;
  /** bytes of /data/figures.json */
  figuresFile: number;
}

/** Runs a command, timed; its output goes to `log` (printed if it fails). */
function timed(root: string, command: string, args: string[], env: NodeJS.ProcessEnv, what: string): ScaleStep {
  const withTime = existsSync(TIME);
  const out = join(tmpdir(), `qd-bench-time-${process.pid}`);
  const start = process.hrtime.bigint();
  const result = withTime
    ? spawnSync(TIME, ['-f', '%M', '-o', out, command, ...args], { cwd: root, env, encoding: 'utf8', maxBuffer: 1 << 28 })
    : spawnSync(command, args, { cwd: root, env, encoding: 'utf8', maxBuffer: 1 << 28 });
  const seconds = Number(process.hrtime.bigint() - start) / 1e9;
  if (result.status !== 0) {
    process.stderr.write(`${result.stdout ?? ''}${result.stderr ?? ''}`);
    throw new Error(`bench --scale: ${what} failed (exit ${result.status}): ${command} ${args.join(' ')}`);
  }
  let peak: number | undefined;
  if (withTime) {
    const kb = Number(readFileSync(out, 'utf8').trim().split('\n').at(-1));
    rmSync(out, { force: true });
    if (Number.isFinite(kb)) peak = kb * 1024;
  }
  return { seconds, peak };
}

export function measureScale(root: string, sizes: readonly number[], keep: boolean): ScaleResult[] {
  const work = mkdtempSync(join(tmpdir(), 'qd-bench-scale-'));
  const bin = (name: string) => join(root, 'node_modules', '.bin', name);
  const results: ScaleResult[] = [];
  try {
    for (const figures of sizes) {
      const dataDir = join(work, `data-${figures}`);
      const siteDir = join(work, `site-${figures}`);
      console.log(`bench --scale: ${figures} figures: generating into ${dataDir} …`);
      generateFigures({ from: join(root, 'data'), out: dataDir, count: figures });
      const env = {
        ...process.env,
        DATA_DIR: dataDir,
        ASTRO_TELEMETRY_DISABLED: '1',
        PATH: `${join(root, 'node_modules', '.bin')}:${process.env['PATH'] ?? ''}`,
      };
      console.log(`bench --scale: ${figures} figures: data check …`);
      const check = timed(root, bin('tsx'), ['scripts/data-check.ts'], env, 'the data check');
      console.log(`bench --scale: ${figures} figures: astro build …`);
      const build = timed(root, bin('astro'), ['build', '--outDir', siteDir], env, 'the build');
      const size = (p: string) => statSync(join(siteDir, p)).size;
      results.push({
        figures,
        check,
        build,
        dataHtml: size(join(sitePaths('zh').data(), 'index.html')),
        dataHtmlEn: size(join(sitePaths('en').data(), 'index.html')),
        figuresFile: size(join(sitePaths('zh').data(), EXPLORER_FILE)),
      });
      const r = results.at(-1) as ScaleResult;
      // each size as it is done: a run at 20,000 figures on a busy machine takes a while
      console.log(
        `bench --scale: ${figures} figures: check ${r.check.seconds.toFixed(1)} s, build ${r.build.seconds.toFixed(1)} s, peak ${(Math.max(r.check.peak ?? 0, r.build.peak ?? 0) / 2 ** 20).toFixed(0)} MB, /data/ ${(r.dataHtml / 1024).toFixed(1)} KB`,
      );
      if (!keep) rmSync(siteDir, { recursive: true, force: true });
    }
  } finally {
    if (keep) console.log(`bench --scale: kept ${work}`);
    else rmSync(work, { recursive: true, force: true });
  }
  return results;
}

export function printScale(results: readonly ScaleResult[]): void {
  const s = (x: ScaleStep) => `${x.seconds.toFixed(1)} s`;
  const mb = (n: number | undefined) => (n === undefined ? 'n/a' : `${(n / 2 ** 20).toFixed(0)} MB`);
  const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`;
  const peak = (r: ScaleResult) => Math.max(r.check.peak ?? 0, r.build.peak ?? 0) || undefined;
  const rows: [string, (r: ScaleResult) => number | undefined, (r: ScaleResult) => string][] = [
    ['data check', (r) => r.check.seconds, (r) => s(r.check)],
    ['astro build', (r) => r.build.seconds, (r) => s(r.build)],
    [
      'npm run build (check + build)',
      (r) => r.check.seconds + r.build.seconds,
      (r) => `${(r.check.seconds + r.build.seconds).toFixed(1)} s`,
    ],
    ['peak memory, data check', (r) => r.check.peak, (r) => mb(r.check.peak)],
    ['peak memory, astro build', (r) => r.build.peak, (r) => mb(r.build.peak)],
    ['peak memory, any step', peak, (r) => mb(peak(r))],
    ['/data/ HTML', (r) => r.dataHtml, (r) => kb(r.dataHtml)],
    ['/en/data/ HTML', (r) => r.dataHtmlEn, (r) => kb(r.dataHtmlEn)],
    ['/data/figures.json', (r) => r.figuresFile, (r) => kb(r.figuresFile)],
  ];
  /** "×4.1" from the previous size to this one */
  const growth = (prev: number | undefined, cur: number | undefined) =>
    prev === undefined || cur === undefined || prev === 0 ? '' : ` (×${(cur / prev).toFixed(2)})`;
  const header = ['', ...results.map((r) => `${r.figures.toLocaleString('en')} figures`)];
  const table = [
    header,
    ...rows.map(([label, value, show]) => [
      label,
      ...results.map((r, i) => `${show(r)}${i > 0 ? growth(value(results[i - 1] as ScaleResult), value(r)) : ''}`),
    ]),
  ];
  const widths = header.map((_, i) => Math.max(...table.map((r) => [...(r[i] ?? '')].length)));
  for (const [i, r] of table.entries()) {
    console.log(r.map((cell, j) => (j === 0 ? cell.padEnd(widths[j] ?? 0) : cell.padStart(widths[j] ?? 0))).join('  '));
    if (i === 0) console.log(widths.map((w) => '-'.repeat(w)).join('  '));
  }
  console.log("(×n: growth from the size before; peak memory: the largest resident set of the step's process tree, from /usr/bin/time)");
}
