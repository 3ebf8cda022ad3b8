/**
 * A browser of the worker that ends during the run (test/browser/worker-chromium.ts): it is said
 * on stderr with how its process ended and its last lines, the next call for one launches a new
 * one, a test whose browser ended before it runs in a new one, and a test whose browser ended
 * under it runs again once, in the new one, while a test that fails its own check does not. The
 * browser is ended here as a crash would end it: SIGKILL to its own process, not to the wrapper
 * script that started it.
 */
import { describe, expect, it, vi } from 'vitest';
import type { Browser } from 'playwright-core';
import { againIfBrowserEnded, browserPid, signalThroughWrapper, workerChromium } from './worker-chromium.ts';

/** what the worker writes on stderr while `fn` runs, kept out of the run's log (where it would read as a real crash) */
async function stderrDuring(fn: (written: () => string) => Promise<void>): Promise<string> {
  const write = vi.spyOn(process.stderr, 'write').mockImplementation(() => true);
  const written = () => write.mock.calls.map(([chunk]) => String(chunk)).join('');
  try {
    await fn(written);
    return written();
  } finally {
    write.mockRestore();
  }
}

/** kills `browser`, and resolves once the worker has said so on stderr */
async function kill(browser: Browser, written: () => string): Promise<void> {
  const pid = browserPid(browser);
  if (pid === undefined) throw new Error('no process found for the browser');
  const ended = new Promise((ok) => browser.once('disconnected', ok));
  const before = written().length;
  process.kill(pid, 'SIGKILL');
  await ended;
  await expect.poll(() => written().slice(before), { timeout: 10_000 }).toContain('ended during the run');
}

describe('a browser that ends during the run', () => {
  it('is said with its signal and last lines, and the next call launches a new one', async () => {
    const before = await workerChromium();
    const said = await stderrDuring((written) => kill(before, written));
    expect(said).toMatch(/Chromium \(.+, pid \d+\) ended during the run(, [^;\n]+)?; its last lines:\n/u);
    // the signal itself, or 128 + 9 from a wrapper script that waited for it (Debian's
    // chromium-headless-shell), which the first line decodes
    expect(said).toMatch(
      /<process did exit: exitCode=null, signal=SIGKILL>|exit code 137: SIGKILL, passed on by a wrapper script;[^]*<process did exit: exitCode=137, signal=null>/u,
    );
    const after = await workerChromium();
    expect(after).not.toBe(before);
    expect(after.isConnected()).toBe(true);
  });

  it('fails the attempt it ends under, which runs again once, after the file opens a new browser', async () => {
    let browser = await workerChromium();
    let tries = 0;
    let reopened = 0;
    const said = await stderrDuring((written) =>
      againIfBrowserEnded(
        async () => {
          tries += 1;
          const context = await browser.newContext();
          try {
            const page = await context.newPage();
            if (tries === 1) await kill(browser, written);
            await page.setContent('<p>read</p>');
            expect(await page.textContent('p')).toBe('read');
          } finally {
            if (browser.isConnected()) await context.close();
          }
        },
        async () => {
          reopened += 1;
          browser = await workerChromium();
        },
        () => browser,
      ),
    );
    expect([tries, reopened]).toEqual([2, 1]);
    expect(said).toMatch(/the browser ended under the test \(.*has been closed\): it runs again in a new one\n/u);
  });

  // as in a CI run: the browser ended after one test had passed, and the next opened a page in it
  it('has an attempt whose browser ended before it began run in a new browser, once', async () => {
    let browser = await workerChromium();
    let tries = 0;
    let reopened = 0;
    const said = await stderrDuring(async (written) => {
      await kill(browser, written);
      await againIfBrowserEnded(
        async () => {
          tries += 1;
          const context = await browser.newContext();
          const page = await context.newPage();
          await page.setContent('<p>read</p>');
          expect(await page.textContent('p')).toBe('read');
          await context.close();
        },
        async () => {
          reopened += 1;
          browser = await workerChromium();
        },
        () => browser,
      );
    });
    expect([tries, reopened]).toEqual([1, 1]);
    expect(said).toContain('the browser ended before the test: it runs in a new one\n');
  });

  it('has a signal passed on by a wrapper script named, and no signal made up for an ordinary exit code', () => {
    const exit = (code: number) => [`[pid=7] <process did exit: exitCode=${code}, signal=null>`];
    expect(signalThroughWrapper(exit(139))).toBe(', exit code 139: SIGSEGV, passed on by a wrapper script');
    expect(signalThroughWrapper(exit(133))).toBe(', exit code 133: SIGTRAP, passed on by a wrapper script');
    expect(signalThroughWrapper(exit(1))).toBe('');
    expect(signalThroughWrapper(exit(0))).toBe('');
    expect(signalThroughWrapper(['[pid=7] <process did exit: exitCode=null, signal=SIGSEGV>'])).toBe('');
  });

  it('is no reason to run again an attempt that failed its own check, even after a browser ended', async () => {
    const browser = await workerChromium();
    let tries = 0;
    const failing = againIfBrowserEnded(
      async () => {
        tries += 1;
        expect(300).toBe(321);
      },
      async () => undefined,
      () => browser,
    );
    await expect(failing).rejects.toThrow('expected 300 to be 321');
    expect(tries).toBe(1);
  });
});
