import { describe, expect, it } from 'vitest';
import { ingestText, candidateKey, rowKey } from '../../src/lib/ingest/pipeline.ts';
import { splitSentences } from '../../src/lib/ingest/clauses.ts';
import { quoteSpan } from '../../src/lib/ingest/quote.ts';
import { matchIndicator } from '../../src/lib/ingest/indicator.ts';
import { context, INDICATORS } from './ingest-context.ts';
import { rng } from '../../scripts/lib/generate-figures.ts';

const rows = (text: string, date: Parameters<typeof context>[0] = { year: 2031, month: 9, day: 1 }) =>
  ingestText(text, context(date)).candidates.filter((c) => c.repeatOf === undefined);

describe('ingest: sentences, clauses and quotes', () => {
  it('splits sentences at 。；! and clauses at commas, but not inside 1,204 or 29.4', () => {
    const s = splitSentences('全市新开业酒店1,204家,增长29.4%；港口营业收入80亿元。\n第二段。');
    expect(s.map((x) => [x.paragraph, x.clauses.map((c) => c.text)])).toEqual([
      [0, ['全市新开业酒店1,204家', '增长29.4%；']],
      [0, ['港口营业收入80亿元。']],
      [1, ['第二段。']],
    ]);
  });

  it('a quote is the clause of the number, with the clause before when it says only how it changed', () => {
    const [s] = splitSentences('2030年，港口营业收入80亿元，同比增长9.5%，占全省12%。');
    const quote = (n: string) => quoteSpan(s!, s!.start + s!.text.indexOf(n)).text;
    expect(quote('80')).toBe('港口营业收入80亿元');
    expect(quote('9.5')).toBe('港口营业收入80亿元，同比增长9.5%');
    expect(quote('12')).toBe('同比增长9.5%，占全省12%');
  });

  it('every quote is verbatim text of the article', () => {
    const text = '2030年，青岛市新开业酒店12家，同比增长20%；港口营业收入80亿元。';
    for (const c of rows(text)) expect(text.slice(c.quote.start, c.quote.end)).toBe(c.quote.text);
  });
});

describe('ingest: indicators', () => {
  it('matches an existing indicator with the same unit whose name the clause holds; otherwise proposes one', () => {
    expect(matchIndicator('全市新开业酒店', 'count', INDICATORS)?.id).toBe('hotels-opened');
    expect(matchIndicator('全市新开业酒店', 'percent', INDICATORS)).toBeUndefined();
    const [c] = rows('2030年，青岛市新建码头泊位6个。');
    expect([c?.indicator, c?.proposedIndicator]).toEqual([undefined, '新建码头泊位']);
  });
});

describe('ingest: the article as a whole', () => {
  it('a figure stated again (headline, side box) is one row', () => {
    const r = rows('青岛一季度新开业酒店12家\n今年一季度，青岛市新开业酒店12家。\n新开业酒店12家');
    expect(r.map((c) => c.value)).toEqual(['12']);
  });

  it('分别 pairs the listed places with the listed numbers in order', () => {
    const r = rows('2030年，胶州、西海岸新区港口营业收入分别增长12.1%和8.4%。');
    expect(r.map((c) => `${c.value} ${c.geo}`)).toEqual(['12.1 jiaozhou', '8.4 huangdao']);
  });

  it('a place opening a paragraph is the subject of its later sentences', () => {
    const r = rows('胶州市坚持项目为王，持续发力。2030年新开业酒店7家。\n2030年，青岛市新开业酒店40家。');
    expect(r.map((c) => `${c.value} ${c.geo}`)).toEqual(['7 jiaozhou', '40 qingdao']);
  });

  it('a date opening a paragraph dates the event figures that follow; a period named later does not', () => {
    const r = rows('3月9日，青岛市港口推介会举行。会上签约项目18个。\n上半年，新开业酒店40家。');
    expect(r.map((c) => `${c.value} ${c.period.start}/${c.period.end}`)).toEqual(['18 2031-03-09/2031-03-09', '40 2031-01-01/2031-06-30']);
  });

  it('notes say what was inferred, in English and Chinese', () => {
    const [c] = rows('上半年，青岛市新开业酒店12家。', { year: 2031, month: 9, day: 1 });
    expect(c?.why.join(' | ')).toMatch(/period from “上半年”, the year from the article’s year \(2031\)/u);
    expect(c?.whyZh.join(' | ')).toMatch(/期间取自“上半年”/u);
    expect(c?.why.length).toBe(c?.whyZh.length);
  });
});

describe('ingest: levels, lists and names', () => {
  it('a figure of several listed places together belongs to the place they share', () => {
    const r = rows('2030年，胶州、西海岸新区港口营业收入均增长超10%。');
    expect(r.map((c) => `${c.value} ${c.geo}`)).toEqual(['10 qingdao']);
  });

  it('a place at the head of an organisation’s name is not the figure’s place', () => {
    const r = rows('2030年，青岛市设立山东省港航发展投资合伙企业，规模80亿元。');
    expect(r.map((c) => c.geo)).toEqual(['qingdao']);
  });

  it('a headline stating a figure without a period gives way to the sentence that dates it', () => {
    const r = ingestText('港口营业收入80亿元\n上半年，青岛市港口营业收入80亿元。', context({ year: 2031, month: 9, day: 1 })).candidates;
    const kept = r.filter((c) => c.repeatOf === undefined);
    expect(kept.map((c) => `${c.value} ${c.period.start}/${c.period.end}`)).toEqual(['80 2031-01-01/2031-06-30']);
    expect(r[0]?.repeatOf).toBe(1);
  });

  it('目前 in a report with no date: a level at the end of the period reported', () => {
    const r = ingestText('上半年，青岛市新开业酒店12家。目前全市酒店总数300家。', context('上半年工作情况，2030年')).candidates;
    expect(r.map((c) => `${c.value} ${c.period.start}/${c.period.end}`)).toEqual(['12 2030-01-01/2030-06-30', '300 2030-06-30/2030-06-30']);
  });
});

describe('ingest: text of any shape', () => {
  it('every quote of a candidate is verbatim text, and every number is inside its quote, on scrambled input', () => {
    const pieces = [
      '青岛市',
      '2030年',
      '上半年',
      '新签约',
      '亿元以上',
      '项目',
      '12个',
      '、',
      '，',
      '增长',
      '8.5%',
      '分别',
      '胶州',
      '约',
      '5200亩',
      '第',
      '一',
      '位居全省第2位',
      '《',
      '》',
      '万',
      '亿',
      '1—7月',
      '截至',
      '目前',
      '3千多家',
      '以来',
      '过去五年',
      '。',
      '\n',
    ];
    const next = rng(7);
    for (let round = 0; round < 20; round++) {
      let text = '';
      while (text.length < 2000) text += pieces[Math.floor(next() * pieces.length)];
      if (round % 2 === 0) text = text.replace(/[，。\n]/gu, '');
      for (const c of ingestText(text, context({ year: 2031, month: 6, day: 1 })).candidates) {
        expect(text.slice(c.quote.start, c.quote.end)).toBe(c.quote.text);
        expect(c.quote.start <= c.number.start && c.number.end <= c.quote.end, c.quote.text).toBe(true);
      }
    }
  });
});

describe('ingest: one figure stated twice', () => {
  it('the same count of the same thing (四场硬仗) is one row, whatever the second sentence’s verb makes of it', () => {
    const r = rows('青岛市召开会议。\n会议部署打好“四场硬仗”。印发了工作要点，分解“四场硬仗”具体任务。');
    expect(r.map((c) => `${c.value} ${c.status}`)).toEqual(['4 plan']);
  });

  it('the measure and the repeat folding match rows by one key', () => {
    const [c] = rows('2030年，青岛市新开业酒店12家。');
    expect(candidateKey(c!)).toBe(
      rowKey({ value: '12', unit: 'count', period_start: '2030-01-01', period_end: '2030-12-31', geo: 'qingdao', status: 'actual' }),
    );
  });
});
