/**
 * A browser of the worker that ends during the run (test/browser/worker-chromium.ts): it is said
 * on stderr with how its process ended and its last lines, the next call for one launches a new
 * one, and a test whose browser ended under it runs again once, in the new one, while a test that
 * fails its own check does not. The browser is ended here as a crash would end it: SIGKILL to
 * its own process, not to the wrapper script that started it.
 */
import { describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { againIfBrowserEnded, browserPid, workerChromium } from './worker-chromium.ts';

/** kills `browser` and resolves, with what the worker wrote on stderr meanwhile, once it has said so */
async function kill(browser: Browser): Promise<string> {
  const pid = browserPid(browser);
  if (pid === undefined) throw new Error('no process found for the browser');
  const written: string[] = [];
  const write = process.stderr.write.bind(process.stderr);
  process.stderr.write = ((chunk: string | Uint8Array) => {
    written.push(String(chunk));
    return true;
  }) as typeof process.stderr.write;
  try {
    const ended = new Promise((ok) => browser.once('disconnected', ok));
    process.kill(pid, 'SIGKILL');
    await ended;
    await expect.poll(() => written.join(''), { timeout: 10_000 }).toContain('ended during the run');
    return written.join('');
  } finally {
    process.stderr.write = write;
  }
}

describe('a browser that ends during the run', () => {
  it('is said with its signal and last lines, and the next call launches a new one', async () => {
    const before = await workerChromium();
    const said = await kill(before);
    expect(said).toMatch(/Chromium \(.+, pid \d+\) ended during the run; its last lines:\n/u);
    // the signal itself, or 128 + 9 from a wrapper script that waited for it (Debian's chromium-headless-shell)
    expect(said).toMatch(/<process did exit: (exitCode=null, signal=SIGKILL|exitCode=137, signal=null)>/u);
    const after = await workerChromium();
    expect(after).not.toBe(before);
    expect(after.isConnected()).toBe(true);
  });

  it('fails the attempt it ends under, which runs again once, after the file opens a new browser', async () => {
    let browser = await workerChromium();
    let tries = 0;
    let reopened = 0;
    await againIfBrowserEnded(
      async () => {
        tries += 1;
        const context = await browser.newContext();
        try {
          const page = await context.newPage();
          if (tries === 1) await kill(browser);
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
    );
    expect([tries, reopened]).toEqual([2, 1]);
  });

  it('is no reason to run again an attempt that failed its own check, even after a browser ended', async () => {
    let tries = 0;
    const failing = againIfBrowserEnded(
      async () => {
        tries += 1;
        expect(300).toBe(321);
      },
      async () => undefined,
    );
    await expect(failing).rejects.toThrow('expected 300 to be 321');
    expect(tries).toBe(1);
  });
});
