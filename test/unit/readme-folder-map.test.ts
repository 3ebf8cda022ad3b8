/**
 * README's "Where things are" names every folder a newcomer meets, and no folder that is gone:
 * every tracked folder at the top, in src/ and in src/lib/ is named (or holds a folder that is,
 * as docs/ holds docs/decisions/), and every folder the map names holds tracked files. The map
 * is a code block: an entry starts at the line's first column (a path from the root) or two
 * spaces in (a folder inside the entry above); deeper lines continue the entry's description.
 */
import { readFileSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const HEADING = '## Where things are';

/** the folders a map names, as paths from the root ending in `/`; `readme` is the whole README */
function foldersNamed(readme: string): string[] {
  const at = readme.indexOf(HEADING);
  if (at === -1) throw new Error(`README.md: no "${HEADING}" section`);
  const block = /```\n([\s\S]*?)```/u.exec(readme.slice(at))?.[1];
  if (block === undefined) throw new Error(`README.md: "${HEADING}" has no code block`);
  const named: string[] = [];
  let parent: string | undefined;
  for (const line of block.split('\n')) {
    const entry = /^( {0,2})(\S+\/)(?:\s|$)/u.exec(line);
    if (!entry) continue;
    const [, indent = '', path = ''] = entry;
    if (indent === '') {
      parent = path;
      named.push(path);
    } else if (indent.length === 2) {
      if (parent === undefined) throw new Error(`README.md: "${path}" is indented under no folder`);
      named.push(parent + path);
    }
  }
  return named;
}

/** `tracked` file paths' folders of the depths the map must cover: the top, src/ and src/lib/ */
function foldersToName(tracked: readonly string[]): string[] {
  const folders = new Set<string>();
  for (const file of tracked) {
    const parts = file.split('/');
    // a file at the top is in no folder; hidden folders (.ci) are the machinery's, not the map's
    if (parts.length < 2 || parts[0]?.startsWith('.')) continue;
    folders.add(`${parts[0]}/`);
    for (const under of ['src/', 'src/lib/']) {
      const rest = file.slice(under.length).split('/');
      if (file.startsWith(under) && rest.length > 1) folders.add(`${under}${rest[0]}/`);
    }
  }
  return [...folders].sort();
}

/** what is wrong with a map naming `named`, for a tree of `tracked` files */
function mapProblems(named: readonly string[], tracked: readonly string[]): string[] {
  const problems: string[] = [];
  for (const folder of foldersToName(tracked)) {
    if (!named.some((n) => n.startsWith(folder))) problems.push(`${folder} is in the tree but not in the map`);
  }
  for (const folder of named) {
    if (!tracked.some((f) => f.startsWith(folder))) problems.push(`${folder} is in the map but holds no tracked file`);
  }
  return problems;
}

describe("README's folder map", () => {
  it('names every folder of the top, src/ and src/lib/, and none that is gone', () => {
    const tracked = execFileSync('git', ['ls-files'], { cwd: ROOT, encoding: 'utf8' }).split('\n').filter(Boolean);
    const named = foldersNamed(readFileSync(`${ROOT}README.md`, 'utf8'));
    expect(named.length).toBeGreaterThan(20);
    expect(mapProblems(named, tracked)).toEqual([]);
  });

  it('reads entries and the folders inside them, not the lines that describe them', () => {
    const readme = [
      '# x',
      HEADING,
      '```',
      'src/lib/            library code',
      '  text/               text; see notes/ for',
      '                      more/ words that wrap',
      'public/             as is',
      '```',
      '## Next',
      '```',
      'other/',
      '```',
    ].join('\n');
    expect(foldersNamed(readme)).toEqual(['src/lib/', 'src/lib/text/', 'public/']);
  });

  it('says which folder is missing from the map and which named one is gone', () => {
    const tracked = ['README.md', '.ci/run', 'src/lib/text/a.ts', 'src/lib/words/b.ts', 'src/styles/c.css', 'docs/decisions/1.md'];
    expect(mapProblems(['src/', 'src/lib/', 'src/lib/text/', 'src/lib/words/', 'docs/decisions/'], tracked)).toEqual([
      'src/styles/ is in the tree but not in the map',
    ]);
    expect(
      mapProblems(['src/', 'src/lib/', 'src/lib/text/', 'src/lib/words/', 'src/styles/', 'docs/decisions/', 'bench/'], tracked),
    ).toEqual(['bench/ is in the map but holds no tracked file']);
  });
});
