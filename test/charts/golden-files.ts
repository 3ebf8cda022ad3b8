/**
 * The golden-file comparison the chart snapshot tests share: an SVG normalised so that generated
 * ids and float noise do not matter, compared with test/output/<name>.svg. A mismatch writes
 * <name>-changed.svg beside the golden for a person to look at; UPDATE_GOLDEN=1 rewrites them.
 */
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { expect } from 'vitest';

const outDir = new URL('../output/', import.meta.url).pathname;
const update = process.env['UPDATE_GOLDEN'] === '1';

export function normaliseSvg(svg: string): string {
  const ids = new Map<string, string>();
  const renumber = (prefix: string) => (m: string) => {
    if (!ids.has(m)) ids.set(m, `${prefix}${ids.size}`);
    return ids.get(m) as string;
  };
  return svg
    .replace(/plot-[0-9a-f]{6}(?:-\w+)?/gu, renumber('plot-'))
    .replace(/clip\d+/gu, renumber('clip'))
    .replace(/\d+\.\d{3,}/gu, (n) => String(Math.round(Number(n) * 100) / 100))
    .replace(/></gu, '>\n<');
}

export function compareGolden(name: string, svg: string): void {
  const golden = `${outDir}${name}.svg`;
  const changed = `${outDir}${name}-changed.svg`;
  if (update || !existsSync(golden)) {
    if (!update) throw new Error(`no golden file ${golden}; run with UPDATE_GOLDEN=1 to create it, then look at it`);
    writeFileSync(golden, svg);
    rmSync(changed, { force: true });
    return;
  }
  const expected = readFileSync(golden, 'utf8');
  if (svg !== expected) writeFileSync(changed, svg);
  else rmSync(changed, { force: true });
  expect(svg, `${name} differs from its golden file; see ${changed}`).toBe(expected);
}
