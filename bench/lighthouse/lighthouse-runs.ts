/**
 * Lighthouse runs for `npm run bench`: a full browser started by chrome-launcher, then Lighthouse's
 * mobile form factor with simulated throttling on each page, as many times as asked. Loaded by
 * scripts/lib/bench-lighthouse.ts once this package is installed; implements its OpenLighthouse.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import lighthouse from 'lighthouse';
import * as chromeLauncher from 'chrome-launcher';
// the site's own d3 (the project root's node_modules), not a copy in this package
import { max, median, min } from 'd3';
import {
  describeFigures,
  LIGHTHOUSE_FIGURES,
  type LighthouseFigures,
  type LighthouseRuns,
  type OpenLighthouse,
} from '../../scripts/lib/bench-lighthouse.ts';
import { kb } from '../../scripts/lib/bench-units.ts';

const AUDIT_OF: Record<Exclude<keyof LighthouseFigures, 'performance' | 'accessibility'>, string> = {
  fcp: 'first-contentful-paint',
  lcp: 'largest-contentful-paint',
  tbt: 'total-blocking-time',
  cls: 'cumulative-layout-shift',
  si: 'speed-index',
};

type Lhr = NonNullable<Awaited<ReturnType<typeof lighthouse>>>['lhr'];

/** The few lines of a report that say where a page's time goes. */
function diagnose(lhr: Lhr): string[] {
  const items = (id: string) => {
    const details = lhr.audits[id]?.details as { items?: Record<string, unknown>[] } | undefined;
    return details?.items ?? [];
  };
  const ms = (v: unknown) => `${Math.round(Number(v))} ms`;
  const lines: string[] = [];
  const [element, phases] = items('largest-contentful-paint-element') as { items?: Record<string, unknown>[] }[];
  const node = element?.items?.[0]?.['node'] as { selector?: string; snippet?: string } | undefined;
  if (node) lines.push(`LCP element: ${node.selector ?? node.snippet ?? '?'}`);
  if (phases?.items) lines.push(`LCP phases: ${phases.items.map((p) => `${String(p['phase'])} ${ms(p['timing'])}`).join(', ')}`);
  const blocking = items('render-blocking-resources');
  lines.push(
    `render-blocking resources: ${blocking.length}${blocking.length ? ` (${blocking.map((b) => String(b['url']).replace(/^.*\//u, '')).join(', ')})` : ''}`,
  );
  lines.push(`DOM elements: ${lhr.audits['dom-size']?.numericValue ?? '?'}`);
  const work = items('mainthread-work-breakdown').slice(0, 4);
  lines.push(`main thread (simulated ×4): ${work.map((w) => `${String(w['groupLabel'])} ${ms(w['duration'])}`).join(', ')}`);
  const tasks = items('long-tasks');
  lines.push(`long tasks: ${tasks.length}${tasks.length ? `, longest ${ms(Math.max(...tasks.map((t) => Number(t['duration']))))}` : ''}`);
  const compress = lhr.audits['uses-text-compression']?.details as { overallSavingsBytes?: number } | undefined;
  if (compress?.overallSavingsBytes) lines.push(`uncompressed text: ${kb(compress.overallSavingsBytes)} could be saved by gzip`);
  return lines;
}

export const openLighthouse: OpenLighthouse = async ({ chromePath, chromeFlags, reportDir, log }) => {
  const chrome = await chromeLauncher.launch({ chromePath, chromeFlags: [...chromeFlags] });
  const run = async (url: string, runs: number, reportName: string): Promise<LighthouseRuns> => {
    const all: { figures: LighthouseFigures; lhr: Lhr }[] = [];
    mkdirSync(reportDir, { recursive: true });
    for (let i = 0; i < runs; i++) {
      const result = await lighthouse(url, {
        port: chrome.port,
        output: 'json',
        logLevel: 'error',
        onlyCategories: ['performance', 'accessibility'],
      });
      if (!result) throw new Error(`bench: Lighthouse returned nothing for ${url}`);
      const { lhr } = result;
      if (lhr.runtimeError) throw new Error(`bench: Lighthouse on ${url}: ${lhr.runtimeError.code} ${lhr.runtimeError.message}`);
      writeFileSync(join(reportDir, `${reportName}-${i + 1}.json`), JSON.stringify(lhr));
      const audit = (id: string) => {
        const v = lhr.audits[id]?.numericValue;
        if (v === undefined) throw new Error(`bench: Lighthouse gave no ${id} for ${url}`);
        return v;
      };
      const figures: LighthouseFigures = {
        performance: Math.round((lhr.categories['performance']?.score ?? Number.NaN) * 100),
        accessibility: Math.round((lhr.categories['accessibility']?.score ?? Number.NaN) * 100),
        fcp: audit(AUDIT_OF.fcp),
        lcp: audit(AUDIT_OF.lcp),
        tbt: audit(AUDIT_OF.tbt),
        cls: audit(AUDIT_OF.cls),
        si: audit(AUDIT_OF.si),
      };
      log(`  run ${i + 1}: ${describeFigures(figures)}`);
      all.push({ figures, lhr });
    }
    // every run gave every figure (audit() throws otherwise), so none of these is undefined
    const over = (f: (xs: number[]) => number | undefined) =>
      Object.fromEntries(LIGHTHOUSE_FIGURES.map((k) => [k, f(all.map((r) => r.figures[k])) ?? Number.NaN])) as unknown as LighthouseFigures;
    const mid = over(median);
    // the run whose score is nearest the median stands for the page in the diagnosis
    const typical = [...all].sort(
      (a, b) => Math.abs(a.figures.performance - mid.performance) - Math.abs(b.figures.performance - mid.performance),
    )[0];
    return {
      median: mid,
      min: over(min),
      max: over(max),
      runs: all.map((r) => r.figures),
      diagnosis: typical ? diagnose(typical.lhr) : [],
    };
  };
  return {
    run,
    close: async () => {
      chrome.kill();
    },
  };
};
