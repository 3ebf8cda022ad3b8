/**
 * Reading a kept release on small invented tables: released values replace today's, figures
 * added since are left out, and a release the current code cannot read stops with file, line
 * and column.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { keptReleases, releaseDataset, releaseDate } from '../../src/lib/data/releases.ts';
import type { Dataset, SiteFigure } from '../../src/lib/data/site-figure.ts';

const dirs: string[] = [];
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

const fig = (id: string, value: string): SiteFigure => ({
  id,
  indicator: 'fdi',
  valueText: value,
  value: Number(value),
  unit: 'usd-100m',
  qualifier: 'exact',
  period_start: '2023-01-01',
  period_end: '2023-12-31',
  geo: 'qingdao',
  status: 'actual',
  breakdown: [],
  sources: ['s1'],
  sourceKind: 'primary',
  quote: `q ${value}`,
  note: '',
  noteZh: '',
  derived: false,
  formula: '',
  inputs: [],
  continuityNote: '',
});
const current = {
  figures: [fig('a', '37.5'), fig('b', '12')],
  byId: new Map([
    ['a', fig('a', '37.5')],
    ['b', fig('b', '12')],
  ]),
  indicators: new Map([['fdi', {}]]),
  sources: new Map([['s1', { kind: 'primary' }]]),
} as unknown as Dataset;

function release(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'releases-'));
  dirs.push(dir);
  mkdirSync(join(dir, 'releases', '1.0.0'), { recursive: true });
  mkdirSync(join(dir, 'releases', 'notes'));
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, 'releases', '1.0.0', name), text);
  return dir;
}
const FIG_HEAD = 'id,indicator,value,unit,qualifier,period_start,period_end,geo,status,breakdown,source,quote,note,note_zh\n';
const DER_HEAD = 'id,indicator,value,unit,decimals,period_start,period_end,geo,status,breakdown,formula,note,note_zh\n';

describe('kept releases', () => {
  it('reads released values over today’s and leaves out figures added since', () => {
    const dir = release({
      'figures.csv': `${FIG_HEAD}a,fdi,36,usd-100m,approximate,2023-01-01,2023-12-31,qingdao,actual,,s1,q 36,,\n`,
      'derived.csv': DER_HEAD,
      'release.json': '{ "date": "2026-12-01" }',
    });
    expect(keptReleases(dir)).toEqual(['1.0.0']);
    const data = releaseDataset(current, dir, '1.0.0', dir);
    expect(data.figures.map((f) => [f.id, f.valueText, f.qualifier, f.quote])).toEqual([['a', '36', 'approximate', 'q 36']]);
    expect(releaseDate(dir, '1.0.0', dir)).toBe('2026-12-01');
  });

  it('a figure removed since is rebuilt from its row; one naming an indicator no longer kept stops the build', () => {
    const ok = release({
      'figures.csv': `${FIG_HEAD}gone,fdi,5,usd-100m,exact,2023-01-01,2023-12-31,qingdao,actual,,s1,q 5,,\n`,
      'derived.csv': DER_HEAD,
    });
    expect(releaseDataset(current, ok, '1.0.0', ok).byId.get('gone')?.value).toBe(5);
    const bad = release({
      'figures.csv': `${FIG_HEAD}gone,trade,5,usd-100m,exact,2023-01-01,2023-12-31,qingdao,actual,,s1,q 5,,\n`,
      'derived.csv': DER_HEAD,
    });
    expect(() => releaseDataset(current, bad, '1.0.0', bad)).toThrow(
      'releases/1.0.0/figures.csv:2: indicator: "trade" is no longer in indicators.csv (release 1.0.0 cannot be read by the current code; its pinned embeds cannot be built)',
    );
  });

  it('a missing file or date is named', () => {
    const dir = release({ 'figures.csv': FIG_HEAD });
    expect(() => releaseDataset(current, dir, '1.0.0', dir)).toThrow('releases/1.0.0/derived.csv:1: -: file of the release is missing');
    expect(() => releaseDate(dir, '1.0.0', dir)).toThrow('releases/1.0.0/release.json:1: -: missing');
  });
});
