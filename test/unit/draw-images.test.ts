/**
 * The process `astro build` starts to draw the images made from the tables
 * (src/integrations/draw-images.ts, started by src/integrations/static-images.ts): on tables the
 * data check refuses it stops with the check's messages (file:line: column: problem), no stack
 * trace, and draws nothing; without its one argument it says how to call it.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const dir = mkdtempSync(join(tmpdir(), 'qd-draw-images-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const run = (args: string[], env: NodeJS.ProcessEnv = {}) =>
  spawnSync(process.execPath, ['--import', 'tsx', 'src/integrations/draw-images.ts', ...args], {
    encoding: 'utf8',
    env: { ...process.env, ...env },
  });

describe('the images process', () => {
  it('on tables the check refuses: the messages with file and line, exit 1, no stack trace, nothing drawn', () => {
    const r = run([dir], { DATA_DIR: 'test/fixtures/data-broken' });
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('test/fixtures/data-broken/figures.csv:11: id: must be a lower-case slug');
    expect(r.stderr).not.toMatch(/^\s+at /mu);
    expect(r.stdout).toBe('');
    expect(readdirSync(dir)).toEqual([]);
  });

  it('without its folder: how to call it, exit 2', () => {
    const r = run([]);
    expect(r.status).toBe(2);
    expect(r.stderr.trim()).toBe('usage: node --import tsx src/integrations/draw-images.ts DIR');
  });
});
