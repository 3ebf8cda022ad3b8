/**
 * The Chromium each vitest worker's browser files share: launched by the first file of the worker
 * that asks for it, kept for the files after it, closed by Playwright when vitest ends the
 * worker, saying how much CPU it used. Files of one worker run one after another, so each closes
 * the contexts it opened (closeContexts), never the browser.
 *
 * The files take the headless shell where there is one (scripts/lib/find-chromium.ts), with each
 * frame of another site in a process of its own, as in a reader's Chrome (SITE_ISOLATION_FLAGS,
 * launch-chromium.ts: the race test/browser/embed-sizing.test.ts provokes needs it). The crawl's
 * files (crawl.ts, crawl-checks-fail.test.ts) take a headless shell of their own that draws a
 * frame only when asked (launch-chromium.ts): interaction tests need the frames Playwright waits
 * for before a click, and a crawled page needs one frame, once it has loaded. That shell keeps
 * every frame in its page's process (it refuses to draw on demand otherwise), which the crawl's
 * pages, all of one site, do not notice. With one browser found (CHROME_PATH, or no headless
 * shell) both are that one.
 *
 * A browser that ends during the run (a crash, a kill) is said on stderr with how its process
 * ended and its last lines; the next call launches a new one, and a file that holds a browser
 * across tests can give a test a new one when its browser ended before it, and run a test again,
 * once, when its browser ended under it (againIfBrowserEnded, test/browser/browser-ended.test.ts).
 *
 * A browser of the worker's own, not one browser server for all workers: a connection to a server
 * passes every protocol message through the process that launched it, which cost the crawl more
 * CPU than a second browser's start (docs/decisions/0009-a-test-run-that-grows-with-templates.md).
 */
import type { Browser } from 'playwright-core';
import { readFileSync, readlinkSync } from 'node:fs';
import { createRequire } from 'node:module';
import { constants } from 'node:os';
import { setTimeout as sleep } from 'node:timers/promises';
import { format, stripVTControlCharacters } from 'node:util';
import { FRAMES_ON_DEMAND_FLAGS, isHeadlessShell, launchChromium, SITE_ISOLATION_FLAGS } from '../../scripts/lib/launch-chromium.ts';
import { requireChromium } from '../../scripts/lib/find-chromium.ts';
import { treeCpuSeconds, treePids } from '../../scripts/lib/process-cpu.ts';

/**
 * What each browser of this worker printed last, by process id. Once a browser has launched,
 * Playwright passes its stderr and how its process ended only to its own debug log (the `debug`
 * package it bundles, channel pw:browser), so that channel is turned on and kept here, and is
 * printed when a browser ends during the run: browsers have ended mid-file, in CI and with
 * SIGTRAP in a fresh clone's run, with nothing else to say why (decision 0009). Whatever DEBUG
 * asks for still goes to stderr as before.
 */
const LAST_LINES = 40;
const browserLines = new Map<number, string[]>();
interface DebugPackage {
  enable(namespaces: string): void;
  enabled(namespace: string): boolean;
  log: (this: { namespace?: string }, ...args: unknown[]) => unknown;
}
/** turns on and keeps the pw:browser channel; a Playwright without it leaves the browsers' ends said without their last lines */
function keepBrowserLines(): void {
  let debug: DebugPackage;
  try {
    ({ debug } = createRequire(import.meta.url)('playwright-core/lib/utilsBundle') as { debug: DebugPackage });
    if (typeof debug.enable !== 'function' || typeof debug.log !== 'function') throw new Error('not the debug package');
  } catch (error) {
    process.stderr.write(
      `Playwright's debug log is out of reach (${String(error)}): a browser that ends will be named without its last lines\n`,
    );
    return;
  }
  const printBrowserLog = debug.enabled('pw:browser');
  const printLog = debug.log;
  debug.enable([process.env.DEBUG, 'pw:browser'].filter(Boolean).join(','));
  debug.log = function (...args) {
    if (this.namespace === 'pw:browser') {
      // "<date> pw:browser [pid=N]… +0ms", without colours
      const line = stripVTControlCharacters(format(...args))
        .replace(/^.*?pw:browser\s+/su, '')
        .replace(/\s+\+\d+m?s$/u, '');
      const pid = Number(/^\[pid=(\d+)\]|<launched> pid=(\d+)/u.exec(line)?.slice(1).find(Boolean));
      if (pid) {
        const lines = browserLines.get(pid) ?? [];
        lines.push(line);
        if (lines.length > LAST_LINES) lines.shift();
        browserLines.set(pid, lines);
      }
      if (!printBrowserLog) return;
    }
    return printLog.apply(this, args);
  };
}
keepBrowserLines();
/** the process id of the browser launched last: Playwright says it in the pw:browser channel only */
function lastLaunchedPid(): number | undefined {
  return [...browserLines.keys()].at(-1);
}
/** the last lines `pid` printed, once it has exited (or after 3 s) */
async function lastWords(pid: number): Promise<string[]> {
  const exited = () => browserLines.get(pid)?.some((l) => l.includes('<process did exit')) ?? false;
  for (let waited = 0; !exited() && waited < 3000; waited += 100) await sleep(100);
  return browserLines.get(pid) ?? [];
}

/**
 * ", exit code 139: SIGSEGV, passed on by a wrapper script" where the exit line says 128 + a
 * signal's number: Debian's chromium-headless-shell is a script that waits for the browser and
 * exits with its status, so the signal that ended the browser reaches Playwright only so
 */
export function signalThroughWrapper(lines: readonly string[]): string {
  const code = Number(lines.map((l) => /<process did exit: exitCode=(\d+), signal=null>/u.exec(l)?.[1]).find(Boolean));
  const name = Object.entries(constants.signals).find(([, n]) => n === code - 128)?.[0];
  return code > 128 && name ? `, exit code ${code}: ${name}, passed on by a wrapper script` : '';
}

/**
 * Runs `attempt` in the browser `current()` gives, after `reopen` when that browser has ended
 * already (between two tests, after the last one passed), and once more after `reopen` when it
 * ended under the attempt (said on stderr with its last lines, above): Playwright then fails every
 * call in flight with "Target page, context or browser has been closed", and a page cannot end the
 * browser (a renderer that crashes fails its page alone), so what the test checks is not what
 * failed. Any other failure is the test's own and is thrown as it is. (Not vitest's `retry`: the
 * function condition it takes is dropped before the test runs, in vitest 4.1, and a retry on every
 * failure would run again a test that failed its own check.)
 */
export async function againIfBrowserEnded(
  attempt: () => Promise<void>,
  reopen: () => Promise<void>,
  current: () => Browser | undefined,
): Promise<void> {
  if (!current()?.isConnected()) {
    process.stderr.write('the browser ended before the test: it runs in a new one\n');
    await reopen();
  }
  const used = current();
  try {
    await attempt();
  } catch (error) {
    // the in-flight call may fail before the browser's end is noticed: give the notice a moment
    for (let waited = 0; used?.isConnected() && waited < 2000; waited += 100) await sleep(100);
    if (used === undefined || used.isConnected()) throw error;
    process.stderr.write(`the browser ended under the test (${String(error).split('\n')[0]}): it runs again in a new one\n`);
    await reopen();
    await attempt();
  }
}

/** how each browser of this worker was launched: its process id (from the pw:browser channel) and whether it draws frames only when asked */
const launchedAs = new WeakMap<Browser, { pid: number | undefined; framesOnDemand: boolean }>();
/**
 * The process of `browser` itself: the one Playwright started or, where that is a wrapper script
 * that does not exec (Debian's chromium-headless-shell), the browser it started; undefined off
 * Linux or once it has ended
 */
export function browserPid(browser: Browser): number | undefined {
  const started = launchedAs.get(browser)?.pid;
  if (started === undefined) return undefined;
  return treePids(started).find((pid) => {
    try {
      const argv = readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0');
      const shell = /\/(ba|da)?sh$/u.test(readlinkSync(`/proc/${pid}/exe`));
      return !shell && argv.includes('--remote-debugging-pipe') && !argv.some((a) => a.startsWith('--type='));
    } catch {
      return false;
    }
  });
}

const launched = new Map<string, Promise<Browser>>();

/** whether `browser` draws a frame only when asked (launch-chromium.ts): the tabs of browser-tabs.ts then ask for one a page */
export function drawsFramesOnDemand(browser: Browser): boolean {
  return launchedAs.get(browser)?.framesOnDemand ?? false;
}
/** set when vitest ends the worker: a browser closed then has not ended during the run */
let ending = false;
let listening = false;

/** this worker's headless shell (or the one browser found), launched on first use */
export function workerChromium(kind: 'shell' | 'crawl' = 'shell'): Promise<Browser> {
  const path = requireChromium();
  const flags = kind === 'crawl' && isHeadlessShell(path) ? FRAMES_ON_DEMAND_FLAGS : SITE_ISOLATION_FLAGS;
  const key = `${path} ${flags.join(' ')}`;
  let browser = launched.get(key);
  if (!browser) {
    browser = launchChromium(path, flags).then((b) => {
      const pid = lastLaunchedPid();
      launchedAs.set(b, { pid, framesOnDemand: flags === FRAMES_ON_DEMAND_FLAGS });
      // a browser that ends before the worker does fails the files after it with connection
      // errors alone: say which one ended, and its last lines
      b.once('disconnected', () => {
        launched.delete(key);
        if (ending) return;
        void (pid === undefined ? Promise.resolve([]) : lastWords(pid)).then((lines) =>
          process.stderr.write(
            `Chromium (${path}${flags.length > 0 ? ` ${flags.join(' ')}` : ''}, pid ${pid ?? 'unknown'}) ended during the run${signalThroughWrapper(lines)}; ${lines.length > 0 ? `its last lines:\n${lines.map((l) => `  ${l}\n`).join('')}` : 'none of its lines was kept\n'}`,
          ),
        );
      });
      return b;
    });
    if (!listening) {
      listening = true;
      process.once('SIGTERM', () => {
        ending = true;
        // the browsers' time reaches no `times` count (their renderers are reaped by their own
        // zygote), so it is said here: the worker's process tree less the worker itself
        const tree = treeCpuSeconds(process.pid);
        const own = process.cpuUsage();
        if (tree !== undefined)
          process.stderr.write(`Chromium of this worker used ${Math.round(tree - (own.user + own.system) / 1e6)} s of CPU\n`);
      });
    }
    launched.set(key, browser);
  }
  return browser;
}

/** closes every context of the worker's browser: the contexts of the file that is ending */
export async function closeContexts(browser: Browser | undefined): Promise<void> {
  await Promise.all((browser?.contexts() ?? []).map((c) => c.close()));
}
