/**
 * The benchmark's Lighthouse package (scripts/lib/bench-lighthouse.ts): installed only when its
 * package files differ from those it was installed from, and refused with the file named when its
 * code lacks what the benchmark calls. On a small package made here: installing Lighthouse itself
 * is the benchmark's business, not the tests'.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { installInputs, LIGHTHOUSE_PACKAGE, LIGHTHOUSE_STAMP, loadLighthouse } from '../../scripts/lib/bench-lighthouse.ts';

const roots: string[] = [];
afterAll(() => {
  for (const r of roots) rmSync(r, { recursive: true, force: true });
});

/** a project root whose Lighthouse package holds `runner` and is stamped as installed from its package files */
function installedPackage(runner: string): string {
  const root = mkdtempSync(join(tmpdir(), 'bench-lighthouse-'));
  roots.push(root);
  const dir = join(root, LIGHTHOUSE_PACKAGE);
  mkdirSync(join(dir, 'node_modules'), { recursive: true });
  writeFileSync(join(dir, 'package.json'), '{ "name": "x", "private": true, "type": "module" }\n');
  writeFileSync(join(dir, 'package-lock.json'), '{ "lockfileVersion": 3 }\n');
  writeFileSync(join(dir, 'lighthouse-runs.ts'), runner);
  writeFileSync(join(dir, LIGHTHOUSE_STAMP), installInputs(dir));
  return root;
}

describe('loadLighthouse', () => {
  it('uses the package as installed while its package files are unchanged, without running npm', async () => {
    const root = installedPackage('export const openLighthouse = async () => ({ run: async () => null, close: async () => undefined });\n');
    const dir = join(root, LIGHTHOUSE_PACKAGE);
    const stamp = readFileSync(join(dir, LIGHTHOUSE_STAMP), 'utf8');
    const open = await loadLighthouse(root);
    expect(typeof open).toBe('function');
    // npm install would have written its own record of the tree into node_modules
    expect(existsSync(join(dir, 'node_modules/.package-lock.json'))).toBe(false);
    expect(readFileSync(join(dir, LIGHTHOUSE_STAMP), 'utf8')).toBe(stamp);
  });

  it('refuses a runner that exports no openLighthouse, naming its file', async () => {
    const root = installedPackage('export const somethingElse = 1;\n');
    await expect(loadLighthouse(root)).rejects.toThrow(
      `bench: ${join(root, LIGHTHOUSE_PACKAGE, 'lighthouse-runs.ts')} exports no openLighthouse function`,
    );
  });
});
