/**
 * Lighthouse for `npm run bench` (scripts/bench.ts): what one run reports, and the package that
 * runs it. Lighthouse and chrome-launcher are a package of their own in bench/lighthouse/ (about
 * 200 npm packages and 190 MB), installed by the benchmark the first time it needs them and again
 * when that folder's package files change, so that `npm install` for the site, its build and its
 * tests does not fetch and unpack them (docs/decisions/0015-lighthouse-installed-by-the-benchmark.md).
 * The code that calls Lighthouse, bench/lighthouse/lighthouse-runs.ts, implements OpenLighthouse
 * below and is type-checked against it when the package is installed.
 */
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { seconds } from './bench-units.ts';

/** What one Lighthouse run says of a page: scores out of 100, times in ms. */
export interface LighthouseFigures {
  performance: number;
  accessibility: number;
  fcp: number;
  lcp: number;
  tbt: number;
  cls: number;
  si: number;
}

export const LIGHTHOUSE_FIGURES: readonly (keyof LighthouseFigures)[] = ['performance', 'accessibility', 'fcp', 'lcp', 'tbt', 'cls', 'si'];

/** A page's runs: each, their median, lowest and highest, and what the median run says costs the page. */
export interface LighthouseRuns {
  median: LighthouseFigures;
  min: LighthouseFigures;
  max: LighthouseFigures;
  runs: LighthouseFigures[];
  /** what the run whose score is nearest the median says costs the page */
  diagnosis: string[];
}

export interface LighthouseSession {
  /** runs Lighthouse `runs` times on `url`, keeping each report in the report folder as `${reportName}-${i}.json` */
  run(url: string, runs: number, reportName: string): Promise<LighthouseRuns>;
  close(): Promise<void>;
}

/** starts the browser Lighthouse drives (bench/lighthouse/lighthouse-runs.ts) */
export type OpenLighthouse = (options: {
  chromePath: string;
  chromeFlags: readonly string[];
  reportDir: string;
  /** hears one line for each run */
  log: (line: string) => void;
}) => Promise<LighthouseSession>;

export function describeFigures(f: LighthouseFigures): string {
  return `performance ${f.performance}, accessibility ${f.accessibility}, FCP ${seconds(f.fcp)}, LCP ${seconds(f.lcp)}, TBT ${Math.round(f.tbt)} ms, CLS ${f.cls.toFixed(3)}, SI ${seconds(f.si)}`;
}

/** the package folder, relative to the project root */
export const LIGHTHOUSE_PACKAGE = 'bench/lighthouse';
/** where the package keeps what it was installed from, relative to its folder */
export const LIGHTHOUSE_STAMP = 'node_modules/.bench-stamp';

/** what decides the package's install: the hash of its package.json and lockfile in `dir` */
export function installInputs(dir: string): string {
  return createHash('sha256')
    .update(readFileSync(join(dir, 'package.json')))
    .update(readFileSync(join(dir, 'package-lock.json')))
    .digest('hex');
}

/**
 * bench/lighthouse/ installed (npm install there, then its code type-checked) unless its
 * node_modules was installed from the same package.json and lockfile, and its OpenLighthouse.
 */
export async function loadLighthouse(root: string): Promise<OpenLighthouse> {
  const dir = join(root, LIGHTHOUSE_PACKAGE);
  const stamp = join(dir, LIGHTHOUSE_STAMP);
  const inputs = installInputs(dir);
  if (!existsSync(stamp) || readFileSync(stamp, 'utf8') !== inputs) {
    console.log(`bench: installing Lighthouse in ${LIGHTHOUSE_PACKAGE}/ (once; the site and its tests do not need it)`);
    const install = spawnSync('npm', ['install', '--no-audit', '--no-fund', '--prefer-offline'], { cwd: dir, stdio: 'inherit' });
    if (install.status !== 0)
      throw new Error(`bench: npm install in ${LIGHTHOUSE_PACKAGE}/ failed (exit ${install.status ?? install.signal})`);
    const check = spawnSync(join(root, 'node_modules/.bin/tsc'), ['-p', join(dir, 'tsconfig.json')], { cwd: root, stdio: 'inherit' });
    if (check.status !== 0)
      throw new Error(`bench: ${LIGHTHOUSE_PACKAGE}/lighthouse-runs.ts does not type-check (tsc -p ${LIGHTHOUSE_PACKAGE})`);
    writeFileSync(stamp, inputs);
  }
  const runner = join(dir, 'lighthouse-runs.ts');
  const module = (await import(pathToFileURL(runner).href)) as { openLighthouse?: unknown };
  if (typeof module.openLighthouse !== 'function') throw new Error(`bench: ${runner} exports no openLighthouse function`);
  return module.openLighthouse as OpenLighthouse;
}
