import { describe, expect, it } from 'vitest';
import { ingestText } from '../../src/lib/ingest/pipeline.ts';
import { readEnglish } from '../../src/lib/ingest/english.ts';
import { articleDate } from '../../src/lib/ingest/article-date.ts';
import { context } from './ingest-context.ts';

const read = (t: string) => readEnglish(t).map((h) => `${h.value} ${h.unit} ${h.qualifier}`);

describe('ingest: English reports', () => {
  it('reads yuan and dollars in billions and trillions, per cent, percentage points and counts', () => {
    expect(read('Port revenue reached nearly 2.4 trillion yuan (about $330.1 billion).')).toEqual([
      '2.4 trillion-yuan approximate',
      '330.1 billion-usd approximate',
    ]);
    expect(read('Sales rose 7.5 percent, 1.1 and 0.4 percentage points above the averages.')).toEqual([
      '7.5 percent exact',
      '1.1 pp exact',
      '0.4 pp exact',
    ]);
    expect(read('The city opened 48 new hotels and more than 12 container routes in 2031.')).toEqual([
      '48 count exact',
      '12 count more-than',
    ]);
  });

  it('reads ranks written as ordinals, not other ordinals or years', () => {
    expect(read('It was ranked fifth, ranking 12th in China and second among coastal cities.')).toEqual([
      '5 rank exact',
      '12 rank exact',
      '2 rank exact',
    ]);
    expect(read('The 3rd forum opened on the first day of 2031.')).toEqual([]);
  });

  it('periods (in 2030, the first 11 months of this year) carry through the report', () => {
    const r = ingestText(
      'Qingdao news\nIn the first 8 months of this year, Qingdao opened 48 new hotels.\nExports grew 3.5 percent.',
      context({ year: 2031, month: 9, day: 20 }),
    );
    expect(r.candidates.map((c) => `${c.value} ${c.period.start}/${c.period.end} ${c.geo}`)).toEqual([
      '48 2031-01-01/2031-08-31 qingdao',
      '3.5 2031-01-01/2031-08-31 qingdao',
    ]);
  });

  it('plans and goals: will, arranged, aims', () => {
    const r = ingestText('This year, Qingdao has arranged 300 key projects.', context({ year: 2031, month: 3, day: 1 }));
    expect(r.candidates.map((c) => c.status)).toEqual(['plan']);
  });
});

describe('ingest: English copy with no catalogue row', () => {
  it('the year comes from “in 2031”, not from a goal’s “by the end of 2032”; a headline’s figure folds into the dated body', () => {
    const text =
      'Qingdao trade grows 8.1% in first 10 months\nQINGDAO, Nov 20 -- Qingdao’s trade rose 8.1 percent in the first 10 months of 2031. The city plans to attract more than 100 projects by the end of 2032.';
    const r = ingestText(text, context(text)).candidates.filter((c) => c.repeatOf === undefined);
    expect(r.map((c) => `${c.value} ${c.period.start}/${c.period.end} ${c.status}`)).toEqual([
      '8.1 2031-01-01/2031-10-31 actual',
      '100 2032-01-01/2032-12-31 plan',
    ]);
  });
});

describe('ingest: English counts and datelines', () => {
  it('2,000 is a number, not the year 2000; Fortune Global 500 is a name; a count may be of Capitalised things', () => {
    const values = (t: string) => readEnglish(t).map((h) => `${h.value} ${h.unit}`);
    expect(values('The expo attracted about 2,000 exhibitors.')).toEqual(['2000 count']);
    expect(values('By June, 320 Fortune Global 500 companies had invested in the city.')).toEqual(['320 count']);
    expect(values('It traded with 15 Belt and Road countries.')).toEqual(['15 count']);
  });

  it('the article’s date from an ISO or English dateline', () => {
    expect(articleDate('By Staff | Updated: 2031-07-25\nText.').date).toBe('2031-07-25');
    expect(articleDate('QINGDAO, July 25, 2031 -- Text.').date).toBe('2031-07-25');
    expect(articleDate('发布时间：2031/7/25 10:30\n正文。').date).toBe('2031-07-25');
    expect(articleDate('增长2031.5万元。').date).toBeUndefined();
  });
});
