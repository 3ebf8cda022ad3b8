import { describe, expect, it } from 'vitest';
import { ingestText } from '../../src/lib/ingest/pipeline.ts';
import { placeIndex, findPlaces } from '../../src/lib/ingest/place.ts';
import { toSimplified } from '../../src/lib/text/normalize.ts';
import { context, PLACES } from './ingest-context.ts';

const geos = (text: string) => ingestText(text, context({ year: 2031 })).candidates.map((c) => c.geo);

describe('ingest: places', () => {
  it('matches full names, names without 市/区, bracketed short names and abbreviations', () => {
    const index = placeIndex(PLACES);
    const ids = (t: string) => findPlaces(t, index, 'qingdao').map((m) => m.id);
    expect(ids('胶州市和胶州')).toEqual(['jiaozhou', 'jiaozhou']);
    expect(ids('西海岸新区')).toEqual(['huangdao']);
    expect(ids('自贸试验区青岛片区')).toEqual(['ftz-qingdao']);
    expect(ids('全市、全省、全国')).toEqual(['qingdao', 'shandong', 'china']);
  });

  it('the subject place, not the place it is compared with', () => {
    expect(geos('2030年，胶州市港口营业收入18亿元，占全市12%。')).toEqual(['jiaozhou', 'jiaozhou']);
    expect(geos('2030年青岛市客流增长9%，分别高于全国、全省2.1个、1.4个百分点。')).toEqual(['qingdao', 'qingdao', 'qingdao']);
  });

  it('the place that opens the sentence carries through its clauses; a new sentence starts again', () => {
    expect(geos('青岛市西海岸新区推动港航融合，2030年新开业酒店9家；港口营业收入30亿元。全市新开业酒店40家。')).toEqual([
      'huangdao',
      'huangdao',
      'qingdao',
    ]);
  });

  it('with no place named, the city the article names most; with none, geo is left for the editor', () => {
    expect(geos('青岛市召开会议。2030年新开业酒店9家。')).toEqual(['qingdao']);
    expect(geos('2030年新开业酒店9家。')).toEqual(['unknown']);
  });

  it('traditional forms reach the rules as simplified (the normaliser converts them)', () => {
    expect(geos(toSimplified('2030年，膠州市新開業酒店7家。'))).toEqual(['jiaozhou']);
  });

  it('a place places.csv lacks is proposed', () => {
    const c = ingestText('2030年，潍河市新开业酒店5家。', context({ year: 2031 })).candidates[0];
    expect(c?.proposedPlace).toBe('潍河市');
  });

  it('praise (全国首创) is not a place', () => {
    expect(geos('2030年，青岛市形成全国首创经验12项。')).toEqual(['qingdao']);
  });
});

describe('ingest: the place an article is about', () => {
  it('an article on a district that never names its city: 全区 and unplaced figures are the district; 全市 is its city', () => {
    const r = ingestText(
      '2030年，黄岛区新签约项目46个。\n全区新开业酒店9家，占全市12%。\n其中，五星级酒店2家。',
      context({ year: 2031 }),
    ).candidates;
    expect(r.map((c) => `${c.value} ${c.geo}`)).toEqual(['46 huangdao', '9 huangdao', '12 huangdao', '2 huangdao']);
  });

  it('a part (其中) takes the place of the figure before it', () => {
    const r = ingestText('青岛市召开会议。2030年，胶州市新签约项目46个。\n其中，外资项目12个。', context({ year: 2031 })).candidates;
    expect(r.map((c) => `${c.value} ${c.geo}`)).toEqual(['46 jiaozhou', '12 jiaozhou']);
  });
});

describe('ingest: places counted and places written at the number', () => {
  it('a count of places is the level that holds them: 16市 the province, 10个区(市) the city, 15个副省级城市 the country', () => {
    const r = ingestText('青岛港口博览会闭幕。本届博览会共有16市签约项目99个，总投资156亿美元。', context({ year: 2031 })).candidates;
    expect(r.map((c) => `${c.value} ${c.geo}`)).toEqual(['16 shandong', '99 shandong', '156 shandong']);
    expect(geos('2030年，青岛市10个区(市)新开业酒店40家。')).toEqual(['qingdao', 'qingdao']);
    const ranked = ingestText('2030年，青岛市港口营业收入排在15个副省级城市第5位。', context({ year: 2031 })).candidates;
    expect(ranked.map((c) => `${c.value} ${c.unit} ${c.geo}`)).toEqual(['15 count china', '5 rank qingdao']);
  });

  it('in English: the 15 sub-provincial cities are the country’s', () => {
    const r = ingestText(
      'In 2030, Qingdao ranked fifth among the 15 sub-provincial cities in the country.',
      context({ year: 2031 }),
    ).candidates;
    expect(r.map((c) => `${c.value} ${c.unit} ${c.geo}`)).toContain('15 count china');
  });

  it('a place written right before the number owns it, even after 符合; not after 占 or 高于', () => {
    expect(geos('2030年，胶州市新签约项目423个，符合青岛24条产业链的项目304个。')).toEqual(['jiaozhou', 'qingdao', 'jiaozhou']);
    expect(geos('2030年，胶州市港口营业收入18亿元，占全市12%。')).toEqual(['jiaozhou', 'jiaozhou']);
  });
});

describe('ingest: how far a place named in passing carries', () => {
  it('to the clauses after it, not past a semicolon', () => {
    expect(geos('青岛市召开会议。\n平台升级。建成西海岸新区物流中心，开行班列17条；与日韩贸易额31亿美元，占全市贸易额的7.7%。')).toEqual([
      'huangdao',
      'qingdao',
      'qingdao',
    ]);
  });
});

describe('ingest: the subject of a paragraph’s later sentences', () => {
  it('a place that opens a sentence is the subject of the paragraph’s next sentences until another is named', () => {
    expect(
      geos(
        '青岛市召开会议。\n开放平台塑造新优势。2030年，胶州市物流中心加快建设。平台入驻企业过万家，交易额突破千亿元。西海岸新区新开业酒店9家。',
      ),
    ).toEqual(['jiaozhou', 'jiaozhou', 'huangdao']);
  });

  it('a count of zones opening a sentence (12个省级以上开发区) is the city’s, not the last place’s', () => {
    expect(geos('青岛市召开会议。\n2030年，胶州市物流中心加快建设。12个省级以上开发区贡献了全市73%的外贸进出口。')).toEqual([
      'qingdao',
      'qingdao',
    ]);
  });

  it('the provisions of a document belong to the body that issued it, dated at the article', () => {
    const r = ingestText(
      '2030年，胶州市新签约项目423个。下一步，胶州市将全面落实省《关于支持港口发展的意见》21条政策；青岛市印发《港航十条》10项措施。',
      context({ year: 2031, month: 2, day: 28 }),
    ).candidates;
    expect(r.map((c) => `${c.value} ${c.geo} ${c.period.start}/${c.period.end}`)).toEqual([
      '423 jiaozhou 2030-01-01/2030-12-31',
      '21 shandong 2031-02-28/2031-02-28',
      '10 qingdao 2031-02-28/2031-02-28',
    ]);
  });
});
