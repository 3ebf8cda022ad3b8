/**
 * The /data/ explorer's figures file: what the build writes, the browser reads back unchanged,
 * with shared strings stored once; a file of another shape is refused with its name.
 */
import { describe, expect, it } from 'vitest';
import { decodeExplorerFile, encodeExplorerFile } from '../../src/lib/explorer/explorer-file.ts';
import type { ExplorerRow } from '../../src/lib/explorer/rows.ts';

const row = (id: string, over: Partial<ExplorerRow> = {}): ExplorerRow => ({
  id,
  type: 'published',
  indicator: 'fdi-actual',
  indicatorName: '实际使用外资',
  breakdown: '',
  period: '2024年',
  periodSort: '2024-01-01|2024-12-31',
  years: [2024, 2024],
  geo: 'qingdao',
  placeName: '青岛市',
  value: 6,
  valueText: '6亿美元',
  status: 'actual',
  statusLabel: '实际',
  sources: [{ id: 'src-a', title: '《报告》' }],
  sourceKind: 'primary',
  quote: '实际使用外资6亿美元',
  quoteLang: 'zh-CN',
  arithmetic: undefined,
  noteRuns: [],
  continuityNote: '',
  ...over,
});

describe('explorer figures file', () => {
  it('round-trips every field, derived rows and notes included', () => {
    const rows = [
      row('a'),
      row('b', {
        breakdown: '制造业',
        continuityNote: 'fdi-2024',
        noteRuns: [
          {
            runs: [
              { text: 'see ', zh: false },
              { text: '正增长', zh: true },
            ],
            href: '/x/',
            id: 'a',
          },
        ],
      }),
      row('c', {
        type: 'derived',
        quote: '',
        sources: [
          { id: 'src-a', title: '《报告》' },
          { id: 'src-b', title: '《公报》' },
        ],
        arithmetic: {
          parts: [{ text: '6', ref: 'a', label: 'A', href: '#row-a' }, { text: ' × 2' }],
          result: '= 12',
          inputs: [{ id: 'a', valueText: '6', label: 'A', href: '#row-a' }],
        },
      }),
    ];
    const file = encodeExplorerFile(rows);
    expect(decodeExplorerFile(JSON.parse(JSON.stringify(file)), 'figures.json')).toEqual(rows);
    // the indicator's name and the first source are stored once however many rows name them
    expect(file.strings.filter((s) => s === '实际使用外资')).toHaveLength(1);
    expect(file.sources).toEqual([
      ['src-a', '《报告》'],
      ['src-b', '《公报》'],
    ]);
  });

  it('refuses a file of another shape, naming it', () => {
    expect(() => decodeExplorerFile({ rows: [] }, '/data/figures.json')).toThrow('/data/figures.json: not a qd-explorer/1 file');
    const file = encodeExplorerFile([row('a')]);
    expect(() => decodeExplorerFile({ ...file, columns: ['id'] }, 'f.json')).toThrow(/^f\.json: columns id are not id,type,/u);
  });
});
