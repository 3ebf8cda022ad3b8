import { describe, expect, it } from 'vitest';
import { ingestText } from '../../src/lib/ingest/pipeline.ts';
import { context } from './ingest-context.ts';

const figures = (text: string) => ingestText(text, context({ year: 2031 })).candidates.map((c) => `${c.value} ${c.unit}`);
const passedReason = (text: string, raw: string) => ingestText(text, context({ year: 2031 })).passed.find((p) => p.raw === raw)?.reason;

describe('ingest: what is not a figure', () => {
  it('dates, datelines, times and document numbers', () => {
    expect(figures('2031年4月8日上午9时，青岛市召开会议，印发青政发〔2031〕7号文件。')).toEqual([]);
    expect(passedReason('4月8日上午，会议召开。', '4')).toMatch(/date/u);
  });

  it('numbers inside names, titles and slogans', () => {
    expect(figures('世界500强企业在一号路举行第二季度重点产业项目签约活动。')).toEqual([]);
    expect(figures('会上发布《2031年青岛市港口发展三年行动方案》和“4+4+2”产业体系。')).toEqual([]);
    expect(figures('第三届博览会期间，5G基站和营商环境3.0版同时亮相。')).toEqual([]);
  });

  it('list markers and ordinals that are not ranks', () => {
    expect(figures('一、总体情况\n（二）工作举措\n一是抓项目，二是抓服务。')).toEqual([]);
    expect(figures('这是第一次在本市举办。')).toEqual([]);
  });

  it('period words and durations', () => {
    expect(figures('一季度以来，过去五年，十周年之际，前三季度。')).toEqual([]);
  });

  it('a threshold that names a category is not a figure; the count of the category is', () => {
    expect(figures('2031年，青岛市新签约10亿元以上项目42个。')).toEqual(['42 count']);
    expect(figures('2031年，引进总投资过亿美元外资项目6个。')).toEqual(['6 count']);
    expect(figures('2031年，8大新兴产业项目31个。')).toEqual(['31 count']);
  });

  it('a number of a group that is itself counted is a figure (十大工程)', () => {
    expect(figures('2031年实施港口提升等十大工程。')).toEqual(['10 count']);
  });

  it('一 meaning “a”, and figures of speech', () => {
    expect(figures('这是一场整体战，要打好一批硬仗，实现两位数增长。')).toEqual([]);
  });
});

describe('ingest: figures of speech and described thresholds', () => {
  it('a count of abstract things is not a figure', () => {
    expect(figures('2031年要用好两个市场、两种资源，抓住三个方面，凝练为两个关键字。')).toEqual([]);
    expect(figures('2031年要聚焦十大现代服务业抓招引。')).toEqual([]);
  });

  it('a threshold describing projects counted before it is not a figure', () => {
    expect(figures('2031年，甲乙丙等6个项目投资额达50亿元以上。')).toEqual(['6 count']);
  });
});
