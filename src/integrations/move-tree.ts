/**
 * Files drawn into a folder of their own during the build, moved into the built site when it is
 * done (./static-images.ts).
 */
import { copyFileSync, mkdirSync, readdirSync, renameSync, rmSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';

/** Moves every file under `from` to the same place under `to`, folders made as needed; `from` is removed. */
export function moveTree(from: string, to: string): void {
  for (const entry of readdirSync(from, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const source = join(entry.parentPath, entry.name);
    const target = join(to, relative(from, source));
    mkdirSync(dirname(target), { recursive: true });
    try {
      renameSync(source, target);
    } catch (error) {
      // another file system (a temporary folder in memory): copied instead
      if ((error as NodeJS.ErrnoException).code !== 'EXDEV') throw error;
      copyFileSync(source, target);
    }
  }
  rmSync(from, { recursive: true, force: true });
}
