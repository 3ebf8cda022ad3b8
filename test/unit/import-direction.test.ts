/**
 * Imports run one way: source text ← data ← words ← chart machinery, timeline, downloads,
 * explorer ← chart specs ← story ← pages. A file may import its own folder or a lower layer;
 * folders on one layer do not import each other, and nothing the site ships imports scripts
 * or tests. The import list of each file comes from TypeScript's own pre-processor, so an
 * `import type`, a re-export or a dynamic import counts like any other.
 */
import { readFileSync } from 'node:fs';
import { dirname, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { execFileSync } from 'node:child_process';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));

/** [path prefix, layer, group]: a group may import itself and any lower layer, nothing else */
const LAYERS: [string, number, string][] = [
  ['src/i18n/', 0, 'i18n'],
  ['src/lib/text/', 1, 'text'],
  ['src/lib/site/', 1, 'site'],
  ['src/lib/data/', 2, 'data'],
  ['src/lib/words/', 3, 'words'],
  ['src/lib/ingest/', 3, 'ingest'],
  ['src/lib/chart/', 4, 'chart'],
  ['src/lib/timeline/', 4, 'timeline'],
  ['src/lib/downloads/', 4, 'downloads'],
  ['src/lib/explorer/', 4, 'explorer'],
  ['src/charts/', 5, 'charts'],
  ['src/story/', 6, 'story'],
  ['src/styles/', 7, 'site-pages'],
  ['src/client/', 7, 'site-pages'],
  ['src/components/', 7, 'site-pages'],
  ['src/layouts/', 7, 'site-pages'],
  ['src/pages/', 7, 'site-pages'],
  ['src/integrations/', 7, 'site-pages'],
  ['scripts/lib/', 8, 'tooling'],
  ['scripts/', 9, 'commands'],
  ['bench/', 9, 'commands'],
  ['test/', 10, 'tests'],
];

export function layerOf(path: string): { layer: number; group: string } | undefined {
  const hit = LAYERS.find(([prefix]) => path.startsWith(prefix));
  return hit ? { layer: hit[1], group: hit[2] } : undefined;
}

/** why `from` may not import `to`, or undefined when it may */
export function wrongWay(from: string, to: string): string | undefined {
  const a = layerOf(from);
  const b = layerOf(to);
  if (!a || !b) return undefined; // package.json, astro.config.mjs, node_modules: outside the layering
  if (a.group === b.group) return undefined;
  if (b.layer < a.layer) return undefined;
  return `${from} (${a.group}, layer ${a.layer}) imports ${to} (${b.group}, layer ${b.layer})`;
}

function codeOf(path: string, text: string): string {
  if (!path.endsWith('.astro')) return text;
  // an .astro file's imports live in its frontmatter and its <script> blocks
  const front = /^---\n([\s\S]*?)\n---/u.exec(text)?.[1] ?? '';
  const scripts = [...text.matchAll(/<script\b[^>]*>([\s\S]*?)<\/script>/gu)].map((m) => m[1]).join('\n');
  return `${front}\n${scripts}`;
}

export function importsOf(path: string, text: string): string[] {
  const info = ts.preProcessFile(codeOf(path, text), true, true);
  return info.importedFiles
    .map((f) => f.fileName.split('?')[0] as string)
    .filter((spec) => spec.startsWith('.'))
    .map((spec) => relative(ROOT, resolve(ROOT, dirname(path), spec)));
}

const tracked = execFileSync('git', ['ls-files', 'src', 'scripts', 'bench', 'test'], { cwd: ROOT, encoding: 'utf8' })
  .split('\n')
  .filter((f) => /\.(ts|astro|mjs)$/u.test(f) && !f.startsWith('test/fixtures/'));

describe('import direction', () => {
  it('every import in the tree runs down the layers', () => {
    const wrong = tracked.flatMap((f) =>
      importsOf(f, readFileSync(resolve(ROOT, f), 'utf8'))
        .map((to) => wrongWay(f, to))
        .filter((x): x is string => x !== undefined),
    );
    expect(wrong).toEqual([]);
  });

  it('every source file sits in a layer (no file loose in src/lib/)', () => {
    const loose = tracked.filter((f) => f.startsWith('src/') && layerOf(f) === undefined);
    expect(loose).toEqual([]);
  });

  it('chart specs and their kit import no dataset loader, only the types and pure helpers of site-figure.ts', () => {
    const loaders = ['src/lib/data/dataset.ts', 'src/lib/data/check.ts', 'src/lib/data/load.ts'];
    const offenders = tracked
      .filter((f) => f.startsWith('src/charts/'))
      .flatMap((f) =>
        importsOf(f, readFileSync(resolve(ROOT, f), 'utf8'))
          .filter((to) => loaders.includes(to))
          .map((to) => `${f} imports ${to}`),
      );
    expect(offenders).toEqual([]);
  });

  it('refuses a wrong-way import written the ways TypeScript allows', () => {
    const cases = [
      ['src/lib/chart/frame.ts', "import { CHARTS } from '../../charts/index.ts';"],
      ['src/lib/data/check.ts', "import type { Lang } from '../words/format.ts';"],
      ['src/lib/text/normalize.ts', "export { x } from '../data/schema.ts';"],
      ['src/lib/explorer/rows.ts', "const m = await import('../chart/frame.ts');"],
      ['src/lib/words/format.ts', "import '../../components/ChartFigure.astro';"],
      ['scripts/bench.ts', "import { serve } from '../test/browser/serve.ts';"],
      ['src/pages/index.astro', "---\nimport { x } from '../../scripts/lib/serve-dist.ts';\n---\n<p>x</p>"],
    ] as const;
    for (const [file, code] of cases) {
      const wrong = importsOf(file, code).map((to) => wrongWay(file, to));
      expect(wrong.filter(Boolean), `${file}: ${code}`).toHaveLength(1);
    }
  });

  it('allows imports inside a folder and down the layers', () => {
    expect(
      importsOf(
        'src/lib/chart/frame.ts',
        "import { x } from './render-svg.ts'; import { t } from '../../i18n/index.ts'; import { f } from '../words/format.ts';",
      ).map((to) => wrongWay('src/lib/chart/frame.ts', to)),
    ).toEqual([undefined, undefined, undefined]);
  });
});
