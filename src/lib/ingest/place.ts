/**
 * Places: names of data/places.csv matched in the text by their full name, their name without
 * 市/区/省/县, the short name in brackets (西海岸新区, 上合示范区) and common abbreviations
 * (自贸试验区 for 自由贸易试验区). 全市/全省/全国 stand for the article's city, its province and
 * the country. A name after 占/对/高于/居 … is what the figure is compared with, not its subject.
 */
import { toSimplified } from '../text/normalize.ts';

export interface PlaceRow {
  id: string;
  name_zh: string;
  name_en?: string;
  kind: string;
  parent: string;
}

export interface PlaceIndex {
  names: { name: string; id: string }[];
  byId: Map<string, PlaceRow>;
}

export interface PlaceMention {
  id: string;
  name: string;
  index: number;
  /** a name after a comparison word: 占全省, 对全市, 高于全国 */
  compared: boolean;
  /** a number of places (16市, 15个副省级城市): a figure of the level that holds them */
  counts?: boolean;
}

/**
 * A count of places stands for the level that holds them: 全省16市 are Shandong's cities, so
 * what 16市 signed is the province's; 10个区(市) are the city's; 15个副省级城市 are the country's.
 * `level` says which level above the article's city: 0 the city, 1 its province, 2 the country.
 */
const NUM = '(?:[0-9]+|[一二三四五六七八九十两]+)';
const PLACE_COUNTS: [RegExp, 0 | 1 | 2 | 'zones'][] = [
  // 12个省级以上开发区: the city's zones, unless the sentence has named a place that holds them
  // (a bare 3个园区 may be a district's: only a city-wide class, 省级以上/国家级, says whose)
  [new RegExp(`${NUM}个(?:国家级|省级以上|省级及以上|省级)(?:经济)?(?:开发区|功能区|园区)`, 'gu'), 'zones'],
  [new RegExp(`${NUM}个?(?:区[(（]市[)）]|区市|区县|县[(（]市、?区[)）]|县市区)`, 'gu'), 0],
  [new RegExp(`${NUM}个?(?:设区市|地市|市)(?![场民值委府政级直属内外区长])`, 'gu'), 1],
  [new RegExp(`${NUM}个?(?:副省级城市|计划单列市|省会城市|省份|省区市|省[(（]区、市[)）])`, 'gu'), 2],
  [/\b\d+\s+(?:sub-provincial cities|provinces|provincial-level regions)\b/gu, 2],
  [/\b\d+\s+cities\s+(?:in|of)\s+(?:the\s+)?province\b/gu, 1],
];

const ABBREVIATIONS: [string, string][] = [
  ['自由贸易试验区', '自贸试验区'],
  ['自由贸易试验区', '自贸区'],
  ['高新技术产业开发区', '高新区'],
  ['综合保税区', '综保区'],
  ['经济技术开发区', '经开区'],
];

export function placeIndex(rows: readonly PlaceRow[]): PlaceIndex {
  const names: { name: string; id: string }[] = [];
  const add = (name: string, id: string) => {
    if (name.length >= 2 && !names.some((n) => n.name === name)) names.push({ name, id });
  };
  for (const p of rows) {
    const full = toSimplified(p.name_zh);
    const bracket = /[(（]([^)）]+)[)）]/gu;
    const main = full.replace(bracket, '');
    add(full, p.id);
    add(main, p.id);
    for (const m of full.matchAll(bracket)) if (p.kind !== 'country' && p.kind !== 'province') add(m[1] as string, p.id);
    if (/[市区省县]$/u.test(main) && main.length >= 3) add(main.slice(0, -1), p.id);
    for (const [long, short] of ABBREVIATIONS) if (main.includes(long)) add(main.replace(long, short), p.id);
    // English reports: Qingdao, Jiaozhou, Shandong (Province)
    if (p.name_en && p.kind !== 'zone') {
      add(p.name_en, p.id);
      add(p.name_en.replace(/\s+(District|Province|City|County)$/u, ''), p.id);
    }
    // 中国(山东)自由贸易试验区青岛片区 → 自贸试验区青岛片区, 青岛自贸片区
    const zone = /自由贸易试验区(\p{Script=Han}{2,3})片区$/u.exec(main);
    if (zone) {
      add(`自贸试验区${zone[1]}片区`, p.id);
      add(`${zone[1]}自贸片区`, p.id);
      add('自贸片区', p.id);
    }
  }
  // longest names first, so 西海岸新区 wins over a shorter name inside it
  names.sort((a, b) => b.name.length - a.name.length);
  return { names, byId: new Map(rows.map((r) => [r.id, r])) };
}

const COMPARED =
  /((占|对|较|比|高于|低于|好于|快于|居|位居|位列|列|跃升|排在|排名|贡献了?|相当于|超过|于|在|符合|面向|赴|到|来自)(同期|当期|当年)?|\b(in|among|of|than|to|with)\s+(the\s+)?)$/u;

export function findPlaces(text: string, index: PlaceIndex, city: string | undefined, all = false, district?: string): PlaceMention[] {
  const out: PlaceMention[] = [];
  const taken: boolean[] = [];
  const push = (id: string, name: string, at: number) => {
    // 山东省鲁资发展股权投资合伙企业: a place at the head of an organisation's name is part of the name
    if (
      /^[\p{Script=Han}（）()]{2,14}?(有限公司|公司|合伙企业|集团|银行|大学|学院|医院|协会|商会|基金)/u.test(
        text.slice(at + name.length),
      ) &&
      !/^[\p{Script=Han}（）()]{0,14}?(引进|签约|新增|新设|实现|完成|推动|设立|落地|的|和|与|等|共|有|对|在)/u.test(
        text.slice(at + name.length),
      )
    )
      return;
    // 全国首创, 全省第一: praise, not the place of the figure
    if (/^[全本我]/u.test(name) && /^(首|第一|领先|率先|前列|之最|一流)/u.test(text.slice(at + name.length))) return;
    for (let i = at; i < at + name.length; i++) if (taken[i]) return;
    for (let i = at; i < at + name.length; i++) taken[i] = true;
    out.push({ id, name, index: at, compared: COMPARED.test(text.slice(Math.max(0, at - 12), at)) });
  };
  for (const { name, id } of index.names) {
    let at = text.indexOf(name);
    while (at >= 0) {
      push(id, name, at);
      at = text.indexOf(name, at + name.length);
    }
  }
  const province = city ? index.byId.get(city)?.parent : undefined;
  const country = [...index.byId.values()].find((p) => p.kind === 'country')?.id;
  for (const [word, id] of [
    ['全市', city],
    ['本市', city],
    ['我市', city],
    ['全省', province],
    ['全国', country],
    ['全区', district],
    ['本区', district],
    ['全县', district],
  ] as const) {
    if (!id) continue;
    let at = text.indexOf(word);
    while (at >= 0) {
      push(id, word, at);
      at = text.indexOf(word, at + word.length);
    }
  }
  if (city) {
    const levels = [city, province, country];
    for (const [re, level] of PLACE_COUNTS) {
      const id = levels[level === 'zones' ? 0 : level];
      if (!id) continue;
      for (const m of text.matchAll(re)) {
        if (level === 'zones' && out.some((p) => p.index < (m.index ?? 0))) continue;
        const before = out.length;
        push(id, m[0], m.index ?? 0);
        if (out.length > before) (out[out.length - 1] as PlaceMention).counts = true;
      }
    }
  }
  out.sort((a, b) => a.index - b.index);
  // 高于全国、全省: a name listed right after a compared one is compared too
  for (let i = 1; i < out.length; i++) {
    const prev = out[i - 1] as PlaceMention;
    const cur = out[i] as PlaceMention;
    const between = text.slice(prev.index + prev.name.length, cur.index);
    if (prev.compared && /^[、和与及]?$/u.test(between)) cur.compared = true;
  }
  // 青岛市西海岸新区: a name right before a narrower one only says where that one is
  return out.filter((m, i) => {
    const next = out[i + 1];
    if (all) return true;
    return !(next && next.index === m.index + m.name.length && !m.compared);
  });
}

/** The city an article is about: the city-level place it names most often. */
export function articleCity(text: string, index: PlaceIndex): string | undefined {
  return articleSubject(text, index).city;
}

/**
 * What the article is about: the city it names most (or, when it names none, the city of the
 * place it names most: an article on 崂山区 is about Qingdao) and the district or county-level
 * city it names most, which 全区/本区 stand for.
 */
export function articleSubject(text: string, index: PlaceIndex): { city?: string; district?: string } {
  const counts = new Map<string, number>();
  for (const m of findPlaces(text, index, undefined, true)) counts.set(m.id, (counts.get(m.id) ?? 0) + 1);
  const ranked = [...counts].sort((a, b) => b[1] - a[1]).map(([id]) => id);
  const kind = (id: string) => index.byId.get(id)?.kind;
  let city = ranked.find((id) => kind(id) === 'city');
  for (let id = ranked[0]; !city && id; id = index.byId.get(id)?.parent || undefined) if (kind(id) === 'city') city = id;
  const district = ranked.find((id) => kind(id) === 'district' || kind(id) === 'county-city');
  return { ...(city ? { city } : {}), ...(district ? { district } : {}) };
}

/**
 * A name ending in 市/县/区 that places.csv lacks, standing as a subject (after punctuation or
 * at the start): 烟台市, 某某县. The draft proposes it as a new place.
 */
const UNKNOWN = /(?<=^|[，,。；;、：:\s])(\p{Script=Han}{2,3}?)(市|县)(?=\p{Script=Han})(?![场民值委府政级直属内外区])/gu;
const NOT_NAMES = /^(全|本|我|各|该|城|市|县|省|区|都|超|门|股|上|外|上合|示范)/u;

export function findUnknownPlaces(text: string, index: PlaceIndex, known: readonly PlaceMention[] = []): { name: string; index: number }[] {
  const out: { name: string; index: number }[] = [];
  for (const m of text.matchAll(UNKNOWN)) {
    const name = m[0];
    const at = m.index ?? 0;
    if (
      NOT_NAMES.test(m[1] as string) ||
      /[全本我各该省的了在和等与及对把将被为是有年月日从向由]|完善|加快|推进|建设|打造|提升|推动|实施|落实|发展/u.test(m[1] as string)
    )
      continue;
    if (known.some((k) => k.index < at + name.length && at < k.index + k.name.length)) continue;
    if (index.names.some((n) => n.name.includes(name) || name.includes(n.name))) continue;
    out.push({ name, index: m.index ?? 0 });
  }
  return out;
}

/**
 * The provisions of a named document (省《…》21条政策, 青岛市《…》10项措施) are a fact of the
 * document, and belong to the body that issued it: the place named right before 《, or 省 (the
 * article city's province), 市 (the city), 国家/国务院/中央 (the country). `lead` is the text before
 * the number, `rest` the text after its unit.
 */
export function documentIssuer(
  lead: string,
  rest: string,
  index: PlaceIndex,
  city: string | undefined,
): { issuer: string; id: string; text: string } | undefined {
  const title = /《[^《》]*》$/u.exec(lead);
  if (!title || !/^(政策|措施|举措|意见|条款|规定|任务|要求)/u.test(rest)) return undefined;
  // (青岛市印发《…》: the verb of issuing stands between the body and the title)
  const before = lead.slice(Math.max(0, title.index - 14), title.index).replace(/(印发|出台|制定|发布|颁布)(了)?$/u, '');
  const named = findPlaces(before, index, city).find((p) => p.index + p.name.length === before.length);
  if (named) return { issuer: named.name, id: named.id, text: `${named.name}${title[0]}` };
  const word = /(省|市|国家|国务院|中央)$/u.exec(before)?.[1];
  const country = [...index.byId.values()].find((p) => p.kind === 'country')?.id;
  const id = word === '省' ? (city ? index.byId.get(city)?.parent : undefined) : word === '市' ? city : word ? country : undefined;
  return word && id ? { issuer: word, id, text: `${word}${title[0]}` } : undefined;
}
