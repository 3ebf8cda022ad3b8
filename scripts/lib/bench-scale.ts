/**
 * `npm run bench -- --scale`: what the data check and the build cost as the data grows. For each
 * size it generates that many figures on top of data/ (scripts/lib/generate-figures.ts) into a
 * temporary folder, then times, each as its own process with DATA_DIR pointing there:
 *   check     tsx scripts/data-check.ts        (npm run data:check, and npm run build's prebuild)
 *   build     astro build --outDir <tmp>       (npm run build itself, the chart images included)
 * and prints the seconds, the CPU seconds (user + system, from /usr/bin/time: on a shared machine
 * the wall time says as much about the neighbours as about the build), the peak memory (the
 * largest sum of the resident sets of the step's processes, sampled from /proc: the build and
 * Pagefind's indexer run at the same time, so the largest single process is not the peak), the
 * size of /data/'s HTML and of its figures file, and the growth from one size to the next. Each
 * build gets an empty image cache (BUILD_IMAGE_CACHE), so it draws every image. Figures only, no pass or fail: the targets (issue 25: at
 * 20,000 figures the check under 20 s, the build under 240 s on two cores with a peak under
 * 2 GB, /data/ under 300 KB) are read off the table.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { generateFigures } from './generate-figures.ts';
import { treeProcesses } from './process-cpu.ts';
import { EXPLORER_FILE } from '../../src/lib/explorer/explorer-file.ts';
import { sitePaths } from '../../src/lib/site/routes.ts';
import { kb } from './bench-units.ts';

const TIME = '/usr/bin/time';

export interface ScaleStep {
  seconds: number;
  /**
   * peak resident memory, bytes: the largest sum over the step's process tree (the build and
   * Pagefind's indexer run side by side), sampled every 200 ms from /proc; undefined without /proc
   */
  peak: number | undefined;
  /** the largest resident set of any one process of the tree (/usr/bin/time), bytes */
  peakProcess: number | undefined;
  /**
   * CPU seconds, user + system, of the whole tree: what a busy machine does not inflate (much).
   * The larger of /usr/bin/time's count and the sum of /proc samples of every process in the tree
   */
  cpu: number | undefined;
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

/**
 * Resident kB of `root` and every process below it, read from /proc; and each one's CPU seconds
 * so far into `cpu` (by pid). Pagefind's indexer is never waited for by the build, so
 * /usr/bin/time does not count its CPU: these samples do.
 */
function sampleTree(root: number, cpu: Map<number, number>): number {
  let total = 0;
  for (const { pid, ownSeconds } of treeProcesses(root)) {
    try {
      const kb = /^VmRSS:\s+(\d+) kB/mu.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
      total += Number(kb?.[1] ?? 0);
      cpu.set(pid, Math.max(cpu.get(pid) ?? 0, ownSeconds));
    } catch {
      // the process ended while the tree was read
    }
  }
  return total;
}

/** Runs a command, timed, sampling its tree's memory; its output is printed if it fails. */
async function timed(root: string, command: string, args: string[], env: NodeJS.ProcessEnv, what: string): Promise<ScaleStep> {
  const withTime = existsSync(TIME);
  const withProc = existsSync('/proc/self/status');
  const out = join(tmpdir(), `qd-bench-time-${process.pid}`);
  const start = process.hrtime.bigint();
  const child = withTime
    ? spawn(TIME, ['-f', '%M %U %S', '-o', out, command, ...args], { cwd: root, env })
    : spawn(command, args, { cwd: root, env });
  let log = '';
  child.stdout.on('data', (d: Buffer) => (log += d.toString()));
  child.stderr.on('data', (d: Buffer) => (log += d.toString()));
  let peakKb = 0;
  const cpuByPid = new Map<number, number>();
  const sample = () => {
    if (withProc && child.pid !== undefined) peakKb = Math.max(peakKb, sampleTree(child.pid, cpuByPid));
  };
  const timer = setInterval(sample, 200);
  const status = await new Promise<number | null>((resolve) => child.on('close', resolve));
  clearInterval(timer);
  const seconds = Number(process.hrtime.bigint() - start) / 1e9;
  if (status !== 0) {
    process.stderr.write(log);
    throw new Error(`bench --scale: ${what} failed (exit ${status}): ${command} ${args.join(' ')}`);
  }
  let peakProcess: number | undefined;
  let cpu: number | undefined;
  if (withTime) {
    const [kb, user, system] = (readFileSync(out, 'utf8').trim().split('\n').at(-1) ?? '').split(' ').map(Number);
    rmSync(out, { force: true });
    if (Number.isFinite(kb)) peakProcess = (kb as number) * 1024;
    if (Number.isFinite(user) && Number.isFinite(system)) cpu = (user as number) + (system as number);
  }
  // the larger of what /usr/bin/time counted (processes waited for, to their last tick) and the
  // samples (every process of the tree, Pagefind's too, to within 200 ms of its end)
  const sampled = [...cpuByPid.values()].reduce((a, b) => a + b, 0);
  if (withProc) cpu = Math.max(cpu ?? 0, sampled);
  return { seconds, peak: withProc ? peakKb * 1024 : undefined, peakProcess, cpu };
}

export async function measureScale(root: string, sizes: readonly number[], keep: boolean): Promise<ScaleResult[]> {
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
        // an empty image cache (src/integrations/png-cache.ts): every image is drawn, as in a fresh clone
        BUILD_IMAGE_CACHE: join(work, `image-cache-${figures}`),
        ASTRO_TELEMETRY_DISABLED: '1',
        PATH: `${join(root, 'node_modules', '.bin')}:${process.env['PATH'] ?? ''}`,
      };
      console.log(`bench --scale: ${figures} figures: data check …`);
      const check = await timed(root, bin('tsx'), ['scripts/data-check.ts'], env, 'the data check');
      console.log(`bench --scale: ${figures} figures: astro build …`);
      const build = await timed(root, bin('astro'), ['build', '--outDir', siteDir], env, 'the build');
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
        `bench --scale: ${figures} figures: check ${r.check.seconds.toFixed(1)} s, build ${r.build.seconds.toFixed(1)} s (CPU ${(r.build.cpu ?? 0).toFixed(1)} s), peak ${(Math.max(r.check.peak ?? 0, r.build.peak ?? 0) / 2 ** 20).toFixed(0)} MB, /data/ ${(r.dataHtml / 1024).toFixed(1)} KB`,
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
  const cpus = (n: number | undefined) => (n === undefined ? 'n/a' : `${n.toFixed(1)} s`);
  const peak = (r: ScaleResult) => Math.max(r.check.peak ?? 0, r.build.peak ?? 0) || undefined;
  const rows: [string, (r: ScaleResult) => number | undefined, (r: ScaleResult) => string][] = [
    ['data check', (r) => r.check.seconds, (r) => s(r.check)],
    ['astro build', (r) => r.build.seconds, (r) => s(r.build)],
    [
      'npm run build (check + build)',
      (r) => r.check.seconds + r.build.seconds,
      (r) => `${(r.check.seconds + r.build.seconds).toFixed(1)} s`,
    ],
    ['CPU, data check (user + sys)', (r) => r.check.cpu, (r) => cpus(r.check.cpu)],
    ['CPU, astro build (user + sys)', (r) => r.build.cpu, (r) => cpus(r.build.cpu)],
    ['peak memory, data check', (r) => r.check.peak, (r) => mb(r.check.peak)],
    ['peak memory, astro build', (r) => r.build.peak, (r) => mb(r.build.peak)],
    ['  largest one process', (r) => r.build.peakProcess, (r) => mb(r.build.peakProcess)],
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
  console.log(
    "(×n: growth from the size before; peak memory: the largest sum of the step's process tree's resident sets, sampled every 200 ms; CPU: user + system seconds of every process of the tree, Pagefind included; the machine's cores: " +
      `${availableParallelism()}, load average before the last step: ${loadavg()[0]?.toFixed(1)})`,
  );
}
