/**
 * Global setup of the browser tests (vitest.config.ts): the Chromium every file shares, started
 * once, whose address each file gets with inject('chromium') and connects to
 * (scripts/lib/launch-chromium.ts): the headless shell where there is one
 * (scripts/lib/find-chromium.ts), and beside it the full browser, inject('fullChromium'), for
 * what depends on the timing of a reader's browser: the headless shell lays out frames on another
 * schedule, and the race test/browser/embed-sizing.test.ts provokes does not happen in it (the
 * embed-parent.js from before its fix sized every frame on 8 loads in the shell, and left 2 to 5
 * frames unsized in the full browser, run after run). With one browser found (CHROME_PATH, or
 * no headless shell) both are that one. Closed when the run ends, saying how much CPU each used
 * (their renderers' time reaches no `times` count: scripts/lib/process-cpu.ts).
 */
import type { TestProject } from 'vitest/node';
import type { BrowserServer } from 'playwright-core';
import { launchChromiumServer } from '../../scripts/lib/launch-chromium.ts';
import { requireChromium } from '../../scripts/lib/find-chromium.ts';
import { treeCpuSeconds } from '../../scripts/lib/process-cpu.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    /** the WebSocket address of the shared Chromium: the headless shell where there is one */
    chromium: string;
    /** the WebSocket address of the full browser (the same as `chromium` when only one was found) */
    fullChromium: string;
  }
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const shellPath = requireChromium();
  const fullPath = requireChromium(process.env, { shell: false });
  const shell = await launchChromiumServer(shellPath);
  const full = fullPath === shellPath ? shell : await launchChromiumServer(fullPath);
  project.provide('chromium', shell.wsEndpoint());
  project.provide('fullChromium', full.wsEndpoint());
  const servers: [string, BrowserServer][] =
    full === shell
      ? [[shellPath, shell]]
      : [
          [shellPath, shell],
          [fullPath, full],
        ];
  // a browser that ends before the run does fails the files that use it with connection errors
  // alone: say here which one ended, and how
  let closing = false;
  for (const [path, server] of servers) {
    server.process().once('exit', (code, signal) => {
      if (!closing) process.stderr.write(`Chromium (${path}) ended during the run: exit code ${code}, signal ${signal}\n`);
    });
  }
  return async () => {
    closing = true;
    for (const [path, server] of servers) {
      const pid = server.process().pid;
      const cpu = pid === undefined ? undefined : treeCpuSeconds(pid);
      if (cpu !== undefined) process.stdout.write(`Chromium (${path}) used ${Math.round(cpu)} s of CPU\n`);
      await server.close();
    }
  };
}
