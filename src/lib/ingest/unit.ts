/**
 * Reads the unit written after a number: 亿元, 万美元, %, 个百分点, 倍, 个/家/项 …, with the
 * number's 万/亿 multiplier. The result is an id of data/units.csv, or a proposed unit (a row
 * the draft adds to units.csv for the editor to accept) when the article uses one the list lacks.
 */
import type { NumberToken } from './numbers.ts';

export interface ProposedUnit {
  id: string;
  symbol_zh: string;
  name_en: string;
  kind: 'money' | 'ratio' | 'count' | 'area' | 'rank';
  definition: string;
}

export interface UnitReading {
  unit: string;
  /** characters of the text after the number that the unit (and 余/多 before it) takes */
  length: number;
  /** 余 or 多 between the number and its unit (200余场, 6万余个) */
  approxSuffix: boolean;
  /** set when the unit is not in units.csv yet */
  proposed?: ProposedUnit;
  /** why the unit was read so, for the note (English and Chinese) */
  why?: string;
  whyZh?: string;
}

/** Units this module may propose; their ids are what the draft's units.csv gets. */
export const PROPOSABLE: Record<string, ProposedUnit> = {
  'yi-yuan': {
    id: 'yi-yuan',
    symbol_zh: '亿元',
    name_en: '100 million yuan',
    kind: 'money',
    definition: 'Renminbi in units of 100 million (亿) yuan.',
  },
  'wan-yi-yuan': {
    id: 'wan-yi-yuan',
    symbol_zh: '万亿元',
    name_en: 'trillion yuan',
    kind: 'money',
    definition: 'Renminbi in units of one trillion (万亿) yuan.',
  },
  'yi-usd': {
    id: 'yi-usd',
    symbol_zh: '亿美元',
    name_en: '100 million US dollars',
    kind: 'money',
    definition: 'US dollars in units of 100 million (亿).',
  },
  'wan-usd': {
    id: 'wan-usd',
    symbol_zh: '万美元',
    name_en: '10 thousand US dollars',
    kind: 'money',
    definition: 'US dollars in units of 10 thousand (万).',
  },
  percent: { id: 'percent', symbol_zh: '%', name_en: 'per cent', kind: 'ratio', definition: 'A share or a growth rate, in per cent.' },
  pp: {
    id: 'pp',
    symbol_zh: '个百分点',
    name_en: 'percentage points',
    kind: 'ratio',
    definition: 'The difference between two percentages.',
  },
  count: { id: 'count', symbol_zh: '个', name_en: 'count', kind: 'count', definition: 'A number of things (个, 家, 项, 场, 条 …).' },
  'wan-count': {
    id: 'wan-count',
    symbol_zh: '万个',
    name_en: '10 thousand (count)',
    kind: 'count',
    definition: 'A count in units of 10 thousand (万).',
  },
  person: { id: 'person', symbol_zh: '人', name_en: 'people', kind: 'count', definition: 'A number of people.' },
  'wan-person': {
    id: 'wan-person',
    symbol_zh: '万人',
    name_en: '10 thousand people',
    kind: 'count',
    definition: 'A number of people in units of 10 thousand (万).',
  },
  mu: { id: 'mu', symbol_zh: '亩', name_en: 'mu', kind: 'area', definition: 'Chinese unit of land area; 1 亩 ≈ 666.7 m².' },
  'billion-yuan': {
    id: 'billion-yuan',
    symbol_zh: '十亿元',
    name_en: 'billion yuan',
    kind: 'money',
    definition: 'Renminbi in billions of yuan, as English-language sources publish it (1 billion yuan = 10 亿元).',
  },
  'trillion-yuan': {
    id: 'trillion-yuan',
    symbol_zh: '万亿元',
    name_en: 'trillion yuan',
    kind: 'money',
    definition: 'Renminbi in trillions of yuan, as English-language sources publish it.',
  },
  'billion-usd': {
    id: 'billion-usd',
    symbol_zh: '十亿美元',
    name_en: 'billion US dollars',
    kind: 'money',
    definition: 'US dollars in billions, as English-language sources publish it.',
  },
  rank: { id: 'rank', symbol_zh: '位', name_en: 'rank', kind: 'rank', definition: 'A position in a ranking (1 = first).' },
  times: { id: 'times', symbol_zh: '倍', name_en: 'times', kind: 'ratio', definition: 'A multiple of another quantity (倍).' },
  'wan-yuan': {
    id: 'wan-yuan',
    symbol_zh: '万元',
    name_en: '10 thousand yuan',
    kind: 'money',
    definition: 'Renminbi in units of 10 thousand (万) yuan.',
  },
  yuan: { id: 'yuan', symbol_zh: '元', name_en: 'yuan', kind: 'money', definition: 'Renminbi, in yuan.' },
  usd: { id: 'usd', symbol_zh: '美元', name_en: 'US dollars', kind: 'money', definition: 'US dollars.' },
  'wan-mu': {
    id: 'wan-mu',
    symbol_zh: '万亩',
    name_en: '10 thousand mu',
    kind: 'area',
    definition: 'Land area in units of 10 thousand mu (万亩).',
  },
  sqm: { id: 'sqm', symbol_zh: '平方米', name_en: 'square metres', kind: 'area', definition: 'Floor or land area in square metres.' },
  'wan-sqm': {
    id: 'wan-sqm',
    symbol_zh: '万平方米',
    name_en: '10 thousand square metres',
    kind: 'area',
    definition: 'Floor or land area in units of 10 thousand square metres.',
  },
  'sq-km': { id: 'sq-km', symbol_zh: '平方公里', name_en: 'square kilometres', kind: 'area', definition: 'Area in square kilometres.' },
  'person-times': {
    id: 'person-times',
    symbol_zh: '人次',
    name_en: 'person-times',
    kind: 'count',
    definition: 'Visits or attendances: one person counted once per time (人次).',
  },
  'wan-person-times': {
    id: 'wan-person-times',
    symbol_zh: '万人次',
    name_en: '10 thousand person-times',
    kind: 'count',
    definition: 'Visits or attendances in units of 10 thousand (万人次).',
  },
  tonne: {
    id: 'tonne',
    symbol_zh: '吨',
    name_en: 'tonnes',
    kind: 'count',
    definition: 'A quantity in tonnes (the editor should confirm the kind).',
  },
  'wan-tonne': {
    id: 'wan-tonne',
    symbol_zh: '万吨',
    name_en: '10 thousand tonnes',
    kind: 'count',
    definition: 'A quantity in units of 10 thousand tonnes (the editor should confirm the kind).',
  },
  'wan-teu': {
    id: 'wan-teu',
    symbol_zh: '万标箱',
    name_en: '10 thousand TEU',
    kind: 'count',
    definition: 'Containers in units of 10 thousand twenty-foot equivalent units (万标箱).',
  },
};

/** Classifiers of counted things (unit count, or wan-count with 万). */
export const COUNT_CLASSIFIERS = [
  '家次',
  '个次',
  '场次',
  '个',
  '家',
  '项',
  '场',
  '条',
  '列',
  '张',
  '支',
  '座',
  '户',
  '处',
  '所',
  '批',
  '件',
  '台',
  '辆',
  '套',
  '艘',
  '栋',
  '幢',
  '款',
  '部',
  '届',
  '类',
  '种',
  '宗',
  '份',
  '单',
  '只',
  '家企业',
  '个城市',
  '市',
];
const PERSON = ['人次', '人', '名'];
/** Words after 万 with no classifier that say the 万 counts people (聚集各类人才9.25万). */
const PEOPLE_CONTEXT = /人才|人员|人口|就业|毕业生|游客|员工|职工|专家|院士/u;

export function readUnit(token: NumberToken, after: string, before: string): UnitReading | undefined {
  const m = token.multiplier;
  const approx = /^[余多]/u.test(after);
  const rest = approx ? after.slice(1) : after;
  const take = (unit: string, length: number, extra: Partial<UnitReading> = {}): UnitReading => ({
    unit,
    length: length + (approx ? 1 : 0),
    approxSuffix: approx,
    ...(PROPOSABLE[unit] ? { proposed: PROPOSABLE[unit] } : {}),
    ...extra,
  });

  if (/^[%％]/u.test(rest)) return m === '' ? take('percent', 1) : undefined;
  // 4.4个、2.9个百分点: the first number shares the unit written after the second
  const pp = /^(个)?百分点/u.exec(rest);
  if (pp) return m === '' ? take('pp', pp[0].length) : undefined;
  const shared = /^个((?:[、和及与][0-9.]+个)+)百分点/u.exec(rest);
  if (shared && m === '')
    return take('pp', 1, {
      why: 'percentage points: the unit 百分点 is written after the last number of the list',
      whyZh: '单位为百分点：写在列举的最后一个数字之后',
    });
  if (/^倍/u.test(rest)) return m === '' ? take('times', 1) : undefined;

  const money = /^(人民币)?(美元|元|美(?![国洲]))/u.exec(rest);
  if (money) {
    const usd = money[2] !== '元';
    const len = money[0].length;
    const note = money[2] === '美' ? { why: '亿美 read as 亿美元 (元 not printed)', whyZh: '“亿美”按亿美元理解（原文未印“元”）' } : {};
    if (m === '亿') return take(usd ? 'yi-usd' : 'yi-yuan', len, note);
    if (m === '万亿') return usd ? undefined : take('wan-yi-yuan', len);
    if (m === '万') return take(usd ? 'wan-usd' : 'wan-yuan', len, note);
    return take(usd ? 'usd' : 'yuan', len, note);
  }
  if (m === '万亿')
    return take('wan-yi-yuan', 0, { why: '万亿 with no currency printed, read as 万亿元', whyZh: '“万亿”未写币种，按万亿元理解' });
  if (m === '亿' && !/^[\p{Script=Han}]/u.test(rest))
    return take('yi-yuan', 0, { why: '亿 with no currency printed, read as 亿元', whyZh: '“亿”未写币种，按亿元理解' });

  if (/^亩/u.test(rest)) return take(m === '万' ? 'wan-mu' : 'mu', 1);
  for (const [sym, one, wan] of [
    ['平方公里', 'sq-km', undefined],
    ['平方米', 'sqm', 'wan-sqm'],
    ['标箱', undefined, 'wan-teu'],
    ['吨', 'tonne', 'wan-tonne'],
  ] as const) {
    if (rest.startsWith(sym)) {
      const id = m === '万' ? wan : m === '' ? one : undefined;
      return id ? take(id, sym.length) : undefined;
    }
  }
  for (const p of PERSON) {
    if (rest.startsWith(p)) {
      if (p === '人次') return m === '万' ? take('wan-person-times', 2) : m === '' ? take('person-times', 2) : undefined;
      return m === '万' ? take('wan-person', 1) : m === '' ? take('person', 1) : undefined;
    }
  }
  // 25位院士: 位 after a number (not after 第) counts people
  if (/^位(?![于居列次])/u.test(rest) && m === '') return take('person', 1);
  for (const c of COUNT_CLASSIFIERS) {
    if (rest.startsWith(c)) {
      if (m === '万') return take('wan-count', c.length);
      return m === '' ? take('count', c.length) : undefined;
    }
  }
  if (m === '万') {
    const people = PEOPLE_CONTEXT.test(before);
    return take(people ? 'wan-person' : 'wan-count', 0, {
      why: `万 with no classifier; ${people ? 'the subject names people' : 'read as a count'}`,
      whyZh: `“万”后无量词；${people ? '主语为人，按万人计' : '按万个计'}`,
    });
  }
  return undefined;
}
