/** A small invented world for the ingest rule tests: places, units and indicators of no real source. */
import type { IngestContext } from '../../src/lib/ingest/pipeline.ts';
import { articleDate } from '../../src/lib/ingest/article-date.ts';

export const PLACES = [
  { id: 'china', name_zh: '全国', name_en: 'China', kind: 'country', parent: '' },
  { id: 'shandong', name_zh: '山东省', name_en: 'Shandong Province', kind: 'province', parent: 'china' },
  { id: 'qingdao', name_zh: '青岛市', name_en: 'Qingdao', kind: 'city', parent: 'shandong' },
  { id: 'huangdao', name_zh: '黄岛区(西海岸新区)', kind: 'district', parent: 'qingdao' },
  { id: 'jiaozhou', name_zh: '胶州市', name_en: 'Jiaozhou', kind: 'county-city', parent: 'qingdao' },
  { id: 'ftz-qingdao', name_zh: '中国(山东)自由贸易试验区青岛片区', kind: 'zone', parent: 'huangdao' },
];

export const UNIT_KINDS = new Map(
  Object.entries({
    'yi-yuan': 'money',
    'wan-yi-yuan': 'money',
    'yi-usd': 'money',
    'wan-usd': 'money',
    percent: 'ratio',
    pp: 'ratio',
    count: 'count',
    'wan-count': 'count',
    person: 'count',
    'wan-person': 'count',
    mu: 'area',
    rank: 'rank',
  }),
);

export const INDICATORS = [
  { id: 'hotels-opened', name_zh: '新开业酒店', unit: 'count' },
  { id: 'port-revenue', name_zh: '港口营业收入', unit: 'yi-yuan' },
];

export function context(opts: { year?: number; month?: number; day?: number } | string = {}): IngestContext {
  return {
    unitKinds: UNIT_KINDS,
    places: PLACES,
    indicators: INDICATORS,
    date: typeof opts === 'string' ? articleDate(opts) : articleDate('', opts.year === undefined ? undefined : opts),
  };
}
