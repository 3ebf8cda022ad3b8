import { describe, expect, it } from 'vitest';
import { ingestText } from '../../src/lib/ingest/pipeline.ts';
import { context } from './ingest-context.ts';

const read = (text: string) =>
  ingestText(text, context({ year: 2031 })).candidates.map((c) => `${c.value} ${c.unit}${c.proposedUnit ? ' (proposed)' : ''}`);

describe('ingest: units', () => {
  it('money in 亿元, 万亿元, 亿美元, 万美元', () => {
    expect(read('2031年港口营业收入88.4亿元。')).toEqual(['88.4 yi-yuan']);
    expect(read('2031年全市生产总值1.6万亿元。')).toEqual(['1.6 wan-yi-yuan']);
    expect(read('2031年全市生产总值1.6万亿。')).toEqual(['1.6 wan-yi-yuan']);
    expect(read('2031年到账外资3.2亿美元，另有650万美元在途。')).toEqual(['3.2 yi-usd', '650 wan-usd']);
  });

  it('percent, percentage points (also when the unit follows the last of a list), times', () => {
    expect(read('2031年客流增长12.5%，分别高于全国、全省3.1个、2.2个百分点。')).toEqual(['12.5 percent', '3.1 pp', '2.2 pp']);
    expect(read('2031年销量是上年的2.5倍。')).toEqual(['2.5 times (proposed)']);
  });

  it('counts with their classifiers, people, 万 counts and 亩', () => {
    expect(read('2031年新开业酒店12家，签约项目三百零五个，举办两场推介会。')).toEqual(['12 count', '305 count', '2 count']);
    expect(read('2031年引进博士260人，招募志愿者1.2万人。')).toEqual(['260 person', '1.2 wan-person']);
    expect(read('2031年新增市场主体3.4万户，人才总量达9.1万。')).toEqual(['3.4 wan-count', '9.1 wan-person']);
    expect(read('2031年盘活土地约730亩。')).toEqual(['730 mu']);
  });

  it('a unit units.csv lacks is proposed', () => {
    expect(read('2031年投资补助800万元。')).toEqual(['800 wan-yuan (proposed)']);
  });

  it('ranks: 位居第N位, 首位, 第一大; other ordinals are not ranks', () => {
    expect(read('2031年青岛市港口营业收入增速位居全省第2位。')).toEqual(['2 rank']);
    expect(read('2031年出口总量跃升全省首位，东盟保持第一大贸易伙伴地位。')).toEqual(['1 rank', '1 rank']);
    expect(read('2031年第二次会议在第5号厅召开。')).toEqual([]);
  });
});
