/**
 * Ids in the data's notes read as names on the pages: each figure id as the figure (period,
 * indicator, place, value) linked to its line on its indicator's page, each source id as the
 * source linked to its page; text around them untouched, ids inside longer words left alone.
 */
import { describe, expect, it } from 'vitest';
import { getDataset } from '../../src/lib/data/dataset.ts';
import { linkIds } from '../../src/lib/words/id-links.ts';

const data = getDataset();

describe('linkIds', () => {
  it('names a figure id and links it to the figure, in each language', () => {
    const zh = linkIds('该排名记为trade-total-2020-hkcd。', data, 'zh');
    expect(zh).toEqual([
      { text: '该排名记为' },
      { text: '2020年货物进出口总额：6407.0亿元', href: '/indicators/trade-total/#f-trade-total-2020-hkcd', id: 'trade-total-2020-hkcd' },
      { text: '。' },
    ]);
    const en = linkIds('recorded as trade-total-2020-hkcd.', data, 'en');
    expect(en[1]).toEqual({
      text: 'Goods trade (imports and exports), 2020: 640.70 billion yuan',
      href: '/en/indicators/trade-total/#f-trade-total-2020-hkcd',
      id: 'trade-total-2020-hkcd',
    });
  });

  it('names a source id and links it to the source page', () => {
    const [, source] = linkIds('可对照art-2024-conference', data, 'zh');
    expect(source).toMatchObject({ href: '/sources/art-2024-conference/', id: 'art-2024-conference' });
    expect(source?.text).toContain('青岛日报');
  });

  it('names an indicator id and links it to the indicator page', () => {
    expect(linkIds('the projects counted in projects-signed-1yi.', data, 'en')[1]).toMatchObject({
      href: '/en/indicators/projects-signed-1yi/',
      id: 'projects-signed-1yi',
    });
  });

  it('leaves text without ids whole, and an id inside a longer word alone', () => {
    expect(linkIds('6407.0 和 6418.7', data, 'zh')).toEqual([{ text: '6407.0 和 6418.7' }]);
    expect(linkIds('xtrade-total-2020-hkcd trade-total-2020-hkcd-x', data, 'en')).toEqual([
      { text: 'xtrade-total-2020-hkcd trade-total-2020-hkcd-x' },
    ]);
  });
});
