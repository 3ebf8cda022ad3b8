import { describe, expect, it } from 'vitest';
import iconv from 'iconv-lite';
import { decodeArticle } from '../../src/lib/ingest/decode.ts';
import { periodTag, buildDraft, tableCsv, columnsOf } from '../../src/lib/ingest/draft.ts';
import { ingestText } from '../../src/lib/ingest/pipeline.ts';
import { context } from './ingest-context.ts';

const SENTENCE = '上半年，青岛市新开业酒店12家，港口营业收入增长8.5%。';

describe('ingest: reading the bytes of an article', () => {
  it('reads UTF-8, GB18030, Big5 and UTF-16, and says which', () => {
    const utf8 = decodeArticle(new TextEncoder().encode(SENTENCE));
    expect(utf8).toEqual({ text: SENTENCE, encoding: 'UTF-8' });
    const gb = decodeArticle(iconv.encode(SENTENCE, 'gb18030'));
    expect('text' in gb && [gb.text, gb.encoding]).toEqual([SENTENCE, 'GB18030']);
    const traditional = '上半年，青島市新開業酒店12家，港口營業收入增長8.5%。';
    const big5 = decodeArticle(iconv.encode(traditional, 'big5'));
    expect('text' in big5 && [big5.text, big5.encoding]).toEqual([traditional, 'Big5']);
    const utf16 = decodeArticle(Buffer.concat([Buffer.from([0xff, 0xfe]), iconv.encode(SENTENCE, 'utf16le')]));
    expect('text' in utf16 && utf16.text).toBe(SENTENCE);
  });

  it('a byte-order mark is read past and said; bytes that read as no Chinese are refused', () => {
    const bom = decodeArticle(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(SENTENCE)]));
    expect('text' in bom && bom.note).toMatch(/byte-order mark/u);
    const junk = decodeArticle(Buffer.from([0x81, 0x30, 0x81, 0x30, 0x81, 0x31]));
    expect('fault' in junk && junk.fault.message).toMatch(/unreadable encoding/u);
  });
});

describe('ingest: the draft tables', () => {
  it('period tags for ids', () => {
    expect(periodTag('2030-01-01', '2030-12-31')).toBe('2030');
    expect(periodTag('2030-01-01', '2030-03-31')).toBe('2030q1');
    expect(periodTag('2030-01-01', '2030-06-30')).toBe('2030h1');
    expect(periodTag('2030-01-01', '2030-07-31')).toBe('2030m01-07');
    expect(periodTag('2030-03-09', '2030-03-09')).toBe('2030-03-09');
    expect(periodTag('XXXX-01-01', 'XXXX-06-30')).toBe('xxxxh1');
  });

  it('figures.csv has the columns of the schema, one row a figure, with notes in both languages', () => {
    const result = ingestText(SENTENCE, context({ year: 2030, month: 9, day: 1 }));
    const t = buildDraft(result.candidates, { sourceId: 'port-news', takenIds: new Set(['hotels-opened-2030h1-port-news']) });
    const csv = tableCsv('figures', t.figures);
    expect(csv.split('\n')[0]).toBe(columnsOf('figures').join(','));
    expect(t.figures.map((f) => [f.id, f.value, f.unit, f.period_start, f.period_end])).toEqual([
      ['hotels-opened-2030h1-port-news-2', '12', 'count', '2030-01-01', '2030-06-30'],
      ['port-news-new-1-2030h1-port-news', '8.5', 'percent', '2030-01-01', '2030-06-30'],
    ]);
    expect(t.indicators.map((i) => [i.id, i.unit])).toEqual([['port-news-new-1', 'percent']]);
    for (const f of t.figures)
      expect([f.note?.startsWith('Proposed by npm run ingest'), f.note_zh?.startsWith('由npm run ingest建议')]).toEqual([true, true]);
  });
});
