import { describe, expect, it } from 'vitest';
import { ingestText } from '../../src/lib/ingest/pipeline.ts';
import { findPeriods, periodDates } from '../../src/lib/ingest/period.ts';
import { articleDate } from '../../src/lib/ingest/article-date.ts';
import { context } from './ingest-context.ts';

const dates = (text: string, year: number | null = 2031, date?: string) =>
  findPeriods(text).map((p) => {
    const r = periodDates(p, year ?? undefined, undefined, date);
    return `${r.start}/${r.end}`;
  });
const periods = (text: string, ctx = context({ year: 2031 })) =>
  ingestText(text, ctx).candidates.map((c) => `${c.period.start}/${c.period.end}`);

describe('ingest: periods', () => {
  it('reads 全年, 上半年, 一季度, 前三季度, 1—7月, 前4个月, 7月当月, 截至5月底 with the year written or the article’s', () => {
    expect(dates('2030年全年')).toEqual(['2030-01-01/2030-12-31']);
    expect(dates('上半年')).toEqual(['2031-01-01/2031-06-30']);
    expect(dates('去年一季度')).toEqual(['2030-01-01/2030-03-31']);
    expect(dates('前三季度')).toEqual(['2031-01-01/2031-09-30']);
    expect(dates('1—7月')).toEqual(['2031-01-01/2031-07-31']);
    expect(dates('前4个月')).toEqual(['2031-01-01/2031-04-30']);
    expect(dates('7月当月')).toEqual(['2031-07-01/2031-07-31']);
    expect(dates('截至5月底')).toEqual(['2031-01-01/2031-05-31']);
    expect(dates('二月份')).toEqual(['2031-02-01/2031-02-28']);
  });

  it('a year the text never gives is XXXX, for the editor to fill in', () => {
    expect(dates('上半年', null)).toEqual(['XXXX-01-01/XXXX-06-30']);
    const c = ingestText('上半年新开业酒店12家。', context()).candidates[0];
    expect(c?.period.start).toBe('XXXX-01-01');
    expect(c?.why.join(' ')).toMatch(/XXXX/u);
  });

  it('a period after 比/较 is a base, not the figure’s period; its growth against a base year is said in the note', () => {
    expect(periods('2030年港口营业收入增长8%，比前三季度提升1.2个百分点。')).toEqual(['2030-01-01/2030-12-31', '2030-01-01/2030-12-31']);
    const c = ingestText('2030年客流较2019年同期增长15%。', context({ year: 2031 })).candidates[0];
    expect(c?.why.join(' ')).toMatch(/against 2019 \(same period\)/u);
  });

  it('a period stated once carries to the sentences after it in the paragraph', () => {
    expect(periods('2030年，新开业酒店12家。港口营业收入80亿元。')).toEqual(['2030-01-01/2030-12-31', '2030-01-01/2030-12-31']);
  });

  it('a day named (3月9日) dates an event’s figures', () => {
    expect(periods('3月9日，推介会签约项目18个。')).toEqual(['2031-03-09/2031-03-09']);
  });

  it('with no period and a known date, an outcome runs from the start of the year to the date; a goal covers the year', () => {
    const ctx = context({ year: 2031, month: 5, day: 20 });
    expect(periods('青岛市已建成酒店40家。', ctx)).toEqual(['2031-01-01/2031-05-20']);
    expect(periods('青岛市力争建成酒店40家。', ctx)).toEqual(['2031-01-01/2031-12-31']);
  });

  it('the article’s year: a dateline, else the latest year named (not a goal’s horizon)', () => {
    expect(articleDate('本报2031年5月20日讯 港口……').date).toBe('2031-05-20');
    const guessed = articleDate('5月20日，会议回顾2029年和2030年工作，部署到2035年目标。');
    expect([guessed.year, guessed.date, guessed.inferred]).toEqual([2030, '2030-05-20', true]);
    expect(articleDate('会议召开。').year).toBeUndefined();
  });
});

describe('ingest: periods across paragraphs', () => {
  const ctx = () => context({ year: 2031, month: 10, day: 28 });
  it('the period carries into the next paragraph, unless that paragraph opens under a heading of its own', () => {
    expect(periods('前三季度，全市新开业酒店40家。\n其中，胶州市新开业酒店7家。', ctx())).toEqual([
      '2031-01-01/2031-09-30',
      '2031-01-01/2031-09-30',
    ]);
    expect(periods('前三季度，全市新开业酒店40家。\n优化营商环境。搭建9处会客厅。', ctx())).toEqual([
      '2031-01-01/2031-09-30',
      '2031-01-01/2031-10-28',
    ]);
    expect(periods('前三季度，全市新开业酒店40家。\n打造一流营商环境——\n市里搭建9处会客厅。', ctx())).toEqual([
      '2031-01-01/2031-09-30',
      '2031-01-01/2031-10-28',
    ]);
  });

  it('a year inside a title 《…》 names a document, not a period', () => {
    expect(dates('印发《2030年港口发展方案》')).toEqual([]);
  });

  it('到2035年 sets a goal', () => {
    expect(ingestText('到2035年，全市酒店累计达到500家。', ctx()).candidates.map((c) => c.status)).toEqual(['target']);
  });
});

describe('ingest: spans since a year', () => {
  it('今年以来 runs from the start of the year to the article’s date', () => {
    expect(dates('今年以来', 2031, '2031-10-28')).toEqual(['2031-01-01/2031-10-28']);
    expect(dates('2029年以来', 2031, '2031-10-28')).toEqual(['2029-01-01/2031-10-28']);
    expect(dates('2029年以来', 2031)).toEqual(['2029-01-01/2031-12-31']);
  });
});

describe('ingest: spans in an undated report', () => {
  it('2029年以来 in a report with no date runs to the end of the period it reports', () => {
    const r = ingestText('上半年，青岛市新开业酒店12家。2029年以来累计签约项目300个。', context('上半年工作情况，2030年')).candidates;
    expect(r.map((c) => `${c.value} ${c.period.start}/${c.period.end}`)).toEqual(['12 2030-01-01/2030-06-30', '300 2029-01-01/2030-06-30']);
  });
});

describe('ingest: the years before, and what has happened so far', () => {
  it('过去五年 is the five whole years before the article’s year', () => {
    expect(dates('过去五年', 2031)).toEqual(['2026-01-01/2030-12-31']);
  });

  it('已 after a report of last year runs to the article’s date', () => {
    const r = ingestText('2030年，青岛市签约项目13个。已到账外资1.4亿美元。', context({ year: 2031, month: 2, day: 28 })).candidates;
    expect(r.map((c) => `${c.value} ${c.period.start}/${c.period.end}`)).toEqual(['13 2030-01-01/2030-12-31', '1.4 2030-01-01/2031-02-28']);
  });
});

describe('ingest: spans the text implies', () => {
  const at = (text: string, date = { year: 2031, month: 6, day: 20 }) =>
    ingestText(text, context(date))
      .candidates.filter((c) => c.repeatOf === undefined)
      .map((c) => `${c.value} ${c.period.start}/${c.period.end} ${c.status}`);

  it('接下来的两天 after a day: the event runs that day and the next; 一周内 is the seven days after it', () => {
    expect(at('6月19日，港口博览会在青岛开幕。接下来的两天时间，来自全球的120家企业将参会。')).toEqual([
      '120 2031-06-19/2031-06-20 actual',
    ]);
    expect(at('3月1日，推介会举行。\n在接下来一周内，指挥部将组织活动，设立六个板块开展洽谈。', { year: 2031, month: 3, day: 2 })).toEqual([
      '6 2031-03-01/2031-03-08 plan',
    ]);
  });

  it('为期两天 in the sentence of the day: the event runs that day and the next', () => {
    expect(at('7月18日，港口博览会在青岛开幕，为期两天。本届博览会签约项目42个。', { year: 2031, month: 7, day: 20 })).toEqual([
      '42 2031-07-18/2031-07-19 actual',
    ]);
  });

  it('本届博览会 in a later paragraph is the event dated where it was named, not the last day mentioned', () => {
    expect(
      at(
        '6月19日，港口博览会开幕。接下来的两天，展会持续举行。6月20日，作为本次博览会的活动之一，签约仪式举行。\n本届博览会共签约项目99个。',
      ),
    ).toEqual(['99 2031-06-19/2031-06-20 actual']);
  });

  it('两年平均增长 averages two years: the period is both', () => {
    expect(at('2030年，全市港口营业收入比上年增长8.3%，两年平均增长6.0%。')).toEqual([
      '8.3 2030-01-01/2030-12-31 actual',
      '6.0 2029-01-01/2030-12-31 actual',
    ]);
  });
});

describe('ingest: levels at a date', () => {
  it('a rate that has reached a value (率已达) is the level at the end of the period', () => {
    expect(periods('上半年，完成改制项目21项，企业整体改制率已达48%。', context({ year: 2031 }))).toEqual([
      '2031-01-01/2031-06-30',
      '2031-06-30/2031-06-30',
    ]);
  });

  it('things put to use (发挥13个专班、11个团队) and things that already are (3个已挂牌园区) are counted at the date', () => {
    const ctx = context({ year: 2031, month: 2, day: 20 });
    expect(periods('下一步，发挥13个产业专班、11个招商团队作用。', ctx)).toEqual(['2031-02-20/2031-02-20', '2031-02-20/2031-02-20']);
    expect(periods('抓好港口、物流、会展3个已挂牌园区建设。', ctx)).toEqual(['2031-02-20/2031-02-20']);
    expect(periods('上半年，发挥13个产业专班作用。', context('上半年工作情况，2030年'))).toEqual(['2030-06-30/2030-06-30']);
  });

  it('累计 as of a date, of things a sentence dates to an earlier year, runs from that year', () => {
    expect(
      periods('2030年已签约尚未开工项目195个，截至6月底，已累计完成注册152个、注册率78%。', context({ year: 2031, month: 7, day: 19 })),
    ).toEqual(['2030-01-01/2030-12-31', '2030-01-01/2031-06-30', '2030-01-01/2031-06-30']);
  });

  it('已 in a clause after one dated last year: up to the article’s date', () => {
    expect(periods('2030年共引进项目10个，已开工7个。', context({ year: 2031, month: 2, day: 28 }))).toEqual([
      '2030-01-01/2030-12-31',
      '2030-01-01/2031-02-28',
    ]);
  });
});

describe('ingest: a change since the start of the year', () => {
  it('比年初提升 in a running total’s sentence is this year’s change, not the running total’s span', () => {
    expect(
      periods('2030年已签约项目195个，截至6月底，已累计注册152个，比年初提升了18个百分点。', context({ year: 2031, month: 7, day: 19 })),
    ).toEqual(['2030-01-01/2030-12-31', '2030-01-01/2031-06-30', '2031-01-01/2031-06-30']);
  });
});

describe('ingest: how far a since-span and a goal’s horizon reach', () => {
  const ctx = () => context({ year: 2031, month: 11, day: 18 });
  it('今年以来 opening a sentence dates all of it, not only its own clause', () => {
    expect(periods('1—10月，新开业酒店40家。今年以来，青岛市累计举办招商活动230余场，签约项目19个。', ctx())).toEqual([
      '2031-01-01/2031-10-31',
      '2031-01-01/2031-11-18',
      '2031-01-01/2031-11-18',
    ]);
  });

  it('到2035年 sets the horizon of its goal only; the next sentence does not inherit it', () => {
    expect(periods('到2035年，全市酒店达到500家。青岛市已建成酒店40家。', ctx())).toEqual([
      '2035-01-01/2035-12-31',
      '2031-01-01/2031-11-18',
    ]);
  });
});

describe('ingest: a paragraph that reports past the period carried into it', () => {
  it('events up to 7月29日 after a half-year report: the figures after them run to that day', () => {
    expect(
      periods(
        '上半年，青岛市新开业酒店12家。\n国际客厅建设。日本客厅于5月19日揭牌；以色列客厅已于7月29日启用。举办推介活动，签约69个项目。',
        context('上半年工作情况，2030年'),
      ),
    ).toEqual(['2030-01-01/2030-06-30', '2030-01-01/2030-07-29']);
  });

  it('a day within the period leaves the period as it is', () => {
    expect(
      periods(
        '上半年，青岛市新开业酒店12家。\n国际客厅建设。日本客厅于5月19日揭牌。举办推介活动，签约69个项目。',
        context('上半年工作情况，2030年'),
      ),
    ).toEqual(['2030-01-01/2030-06-30', '2030-01-01/2030-06-30']);
  });
});

describe('ingest: a plan after a dated event', () => {
  it('what the next paragraph says will be done is a plan for the year, not of the event’s day', () => {
    expect(
      periods(
        '3月28日，青岛市举办推介会，现场签约项目12个。\n下一步，青岛市将建立重点项目“三张清单”。',
        context({ year: 2031, month: 4, day: 12 }),
      ),
    ).toEqual(['2031-03-28/2031-03-28', '2031-01-01/2031-12-31']);
  });
});

describe('ingest: a running total as of a date', () => {
  it('截至年末，累计… with no start given is the level at that date; 今年累计 runs from the year’s start', () => {
    const ctx = context({ year: 2031, month: 3, day: 10 });
    expect(periods('截至2030年末，全市累计设立外资企业1.86万家，世界500强投资项目达到312个。', ctx)).toEqual([
      '2030-12-31/2030-12-31',
      '2030-12-31/2030-12-31',
    ]);
    expect(periods('截至2月底，今年累计签约项目120个。', ctx)).toEqual(['2031-01-01/2031-02-28']);
  });
});

describe('ingest: spans of whole years', () => {
  it('2021—2023年, 2021年至2023年 and “十四五”期间 are the years from the first to the last; “十四五”以来 runs to the article’s date', () => {
    expect(dates('2027—2029年')).toEqual(['2027-01-01/2029-12-31']);
    expect(dates('2027年至2029年')).toEqual(['2027-01-01/2029-12-31']);
    expect(dates('“十四五”期间')).toEqual(['2021-01-01/2025-12-31']);
    expect(dates('“十四五”以来', 2024, '2024-05-20')).toEqual(['2021-01-01/2024-05-20']);
    expect(periods('2027—2029年，全市累计引进项目1200个。')).toEqual(['2027-01-01/2029-12-31']);
  });
});

describe('ingest: events of several days', () => {
  it('6月19日至20日 and 6月30日—7月2日 date an event’s figures by all its days', () => {
    expect(dates('6月19日至20日')).toEqual(['2031-06-19/2031-06-20']);
    expect(dates('6月30日—7月2日')).toEqual(['2031-06-30/2031-07-02']);
    expect(periods('6月19日至20日，港口博览会举行，签约项目42个。')).toEqual(['2031-06-19/2031-06-20']);
  });
});

describe('ingest: a goal’s period and the paragraphs after it', () => {
  it('力争全年… dates its own paragraph, not the next one', () => {
    expect(periods('下一步，青岛市力争全年新签约项目400个。\n全市新开业酒店12家。', context({ year: 2031, month: 4, day: 12 }))).toEqual([
      '2031-01-01/2031-12-31',
      '2031-01-01/2031-04-12',
    ]);
  });
});
