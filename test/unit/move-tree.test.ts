/**
 * The charts' images are drawn into a folder of their own while the pages are built and moved
 * into the site afterwards (src/integrations/static-images.ts): every file lands at its place
 * beside what the site already holds there, and the folder is gone.
 */
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { moveTree } from '../../src/integrations/move-tree.ts';

let root: string;
afterEach(() => rmSync(root, { recursive: true, force: true }));

describe('moveTree', () => {
  it('moves every file to the same place in the site, beside the files there, and removes the folder', () => {
    root = mkdtempSync(join(tmpdir(), 'qd-move-tree-'));
    const from = join(root, 'drawn');
    const to = join(root, 'dist');
    mkdirSync(join(from, 'charts/a'), { recursive: true });
    mkdirSync(join(from, 'en/charts/b'), { recursive: true });
    writeFileSync(join(from, 'charts/a/a.svg'), 'svg a');
    writeFileSync(join(from, 'en/charts/b/b-1080.png'), 'png b');
    mkdirSync(join(to, 'charts/a'), { recursive: true });
    writeFileSync(join(to, 'charts/a/index.html'), 'page a');

    moveTree(from, to);

    expect(readFileSync(join(to, 'charts/a/a.svg'), 'utf8')).toBe('svg a');
    expect(readFileSync(join(to, 'en/charts/b/b-1080.png'), 'utf8')).toBe('png b');
    expect(readFileSync(join(to, 'charts/a/index.html'), 'utf8')).toBe('page a');
    expect(existsSync(from)).toBe(false);
  });
});
