import { describe, expect, it } from 'vitest';
import { ingestText } from '../../src/lib/ingest/pipeline.ts';
import { readQualifier } from '../../src/lib/ingest/qualifier.ts';
import { readStatus } from '../../src/lib/ingest/status.ts';
import { context } from './ingest-context.ts';

const run = (text: string, date: Parameters<typeof context>[0] = { year: 2031, month: 6, day: 1 }) =>
  ingestText(text, context(date)).candidates;

describe('ingest: qualifiers', () => {
  it('reads 约/近/左右 approximate, 以上 at-least, 超/突破/余/多/过 more-than, 不足 less-than', () => {
    const q = (t: string) => run(`2030年${t}。`).map((c) => c.qualifier);
    expect(q('新开业酒店约40家')).toEqual(['approximate']);
    expect(q('新开业酒店近40家')).toEqual(['approximate']);
    expect(q('新开业酒店40家左右')).toEqual(['approximate']);
    expect(q('新开业酒店40家以上')).toEqual(['at-least']);
    expect(q('港口营业收入超80亿元')).toEqual(['more-than']);
    expect(q('港口营业收入突破80亿元')).toEqual(['more-than']);
    expect(q('新开业酒店40余家')).toEqual(['more-than']);
    expect(q('入驻企业过万家')).toEqual(['more-than']);
    expect(q('新开业酒店不足40家')).toEqual(['less-than']);
  });

  it('签约 and 通过 are words, not 约 and 过', () => {
    expect(readQualifier('本月签约', '个项目', false).qualifier).toBe('exact');
    expect(readQualifier('通过', '个项目', false).qualifier).toBe('exact');
  });

  it('a threshold being changed (由5亿元以上扩大到) is exact', () => {
    expect(readQualifier('调度范围由', '以上扩大到', false).qualifier).toBe('exact');
  });
});

describe('ingest: status', () => {
  it('actual by default; target for 力争/目标/确保/年内; plan for 计划/将/拟', () => {
    expect(readStatus('新开业酒店', '2030年，').status).toBe('actual');
    expect(readStatus('力争新开业酒店', '').status).toBe('target');
    expect(readStatus('年内新开业酒店', '').status).toBe('target');
    expect(readStatus('计划新建酒店', '').status).toBe('plan');
    expect(readStatus('拟新建酒店', '').status).toBe('plan');
  });

  it('计划总投资 is what a signed project plans to invest: an actual report', () => {
    expect(readStatus('签约项目12个，计划总投资', '').status).toBe('actual');
  });

  it('a figure whose period ends after the article’s date cannot be an outcome', () => {
    expect(run('2031年全年新开业酒店40家。').map((c) => c.status)).toEqual(['target']);
    expect(run('2030年全年新开业酒店40家。').map((c) => c.status)).toEqual(['actual']);
  });

  it('in the article’s year, 达到 without 已 and a floor (以上) are how goals are written', () => {
    expect(run('全市酒店达到300家。', { year: 2031 }).map((c) => c.status)).toEqual(['target']);
    expect(run('全市酒店已达到300家。', { year: 2031 }).map((c) => c.status)).toEqual(['actual']);
    expect(run('2030年全市酒店达到300家。', { year: 2031 }).map((c) => c.status)).toEqual(['actual']);
  });
});

describe('ingest: tasks set out for a period still to come', () => {
  const st = (text: string, date = { year: 2031, month: 2, day: 20 }) =>
    ingestText(text, context(date))
      .candidates.filter((c) => c.repeatOf === undefined)
      .map((c) => `${c.value} ${c.status} ${c.period.start}/${c.period.end}`);

  it('a statement opening with work to be done (实施…等十大工程, 建立“两张清单”) in a year not yet over is a plan for the year', () => {
    expect(st('青岛市召开会议。\n实施楼宇成长行动，开展楼宇改造，提升楼宇服务水平等十大工程。')).toEqual(['10 plan 2031-01-01/2031-12-31']);
    expect(st('青岛市召开会议。\n建立园区重点项目、重点工作“两张清单”，全面推动项目落地。')).toEqual(['2 plan 2031-01-01/2031-12-31']);
  });

  it('a number of things the task is to bring into being (新培育20家) is its goal', () => {
    expect(st('青岛市召开会议。\n深入实施企业培育行动，新培育20家左右领军企业。')).toEqual(['20 target 2031-01-01/2031-12-31']);
  });

  it('the same words reporting a period already over, or saying it is done (了, 已), are outcomes', () => {
    expect(st('上半年，青岛市新开业酒店12家。开展签约活动，签约项目27个。', { year: 2031, month: 7, day: 29 })).toEqual([
      '12 actual 2031-01-01/2031-06-30',
      '27 actual 2031-01-01/2031-06-30',
    ]);
    expect(st('青岛市召开会议。\n建立了园区重点项目、重点工作“两张清单”。')).toEqual(['2 actual 2031-01-01/2031-02-20']);
  });
});

describe('ingest: outcomes in a statement that opens with a verb of work', () => {
  it('a number after a verb of result (签约, 引进, 完成) stays an outcome', () => {
    expect(
      ingestText('青岛市召开会议。\n推进招商工作，签约项目30个。', context({ year: 2031, month: 2, day: 20 })).candidates.map(
        (c) => c.status,
      ),
    ).toEqual(['actual']);
  });
});

describe('ingest: status words inside a title, and tasks under a topic', () => {
  const st = (text: string) =>
    ingestText(text, context({ year: 2031, month: 2, day: 20 }))
      .candidates.filter((c) => c.repeatOf === undefined)
      .map((c) => `${c.value} ${c.status} ${c.period.start}/${c.period.end}`);

  it('计划 inside 《…行动计划》 names a document: the lists handed out at the meeting are an outcome of that day', () => {
    expect(
      st(
        '2月20日，青岛市招商动员大会召开。\n新的一年，全市将加快发展。\n动员大会上，与会人员收到了《2031年招商行动计划》以及三张项目清单。',
      ),
    ).toEqual(['3 actual 2031-02-20/2031-02-20']);
  });

  it('a task after a topic (保障推进上，完善落实“四张责任清单”) is a plan', () => {
    expect(st('青岛市召开会议。\n保障推进上，完善落实“四张责任清单”，推进落实。')).toEqual(['4 plan 2031-01-01/2031-12-31']);
  });
});
