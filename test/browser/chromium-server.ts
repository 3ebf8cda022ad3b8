/**
 * Global setup of the browser tests (vitest.config.ts): one Chromium for every file, started
 * once, whose address each file gets with inject('chromium') and connects to
 * (scripts/lib/launch-chromium.ts); closed when the run ends, saying how much CPU it used (its
 * renderers' time reaches no `times` count: scripts/lib/process-cpu.ts).
 */
import type { TestProject } from 'vitest/node';
import { launchChromiumServer } from '../../scripts/lib/launch-chromium.ts';
import { treeCpuSeconds } from '../../scripts/lib/process-cpu.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    /** the WebSocket address of the shared Chromium */
    chromium: string;
  }
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const server = await launchChromiumServer();
  project.provide('chromium', server.wsEndpoint());
  return async () => {
    const pid = server.process().pid;
    const cpu = pid === undefined ? undefined : treeCpuSeconds(pid);
    if (cpu !== undefined) process.stdout.write(`Chromium used ${Math.round(cpu)} s of CPU\n`);
    await server.close();
  };
}
