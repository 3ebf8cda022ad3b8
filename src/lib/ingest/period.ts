/**
 * Periods: 全年, 上半年, 一季度, 前三季度, 1—7月, 前4个月, 7月当月, 截至5月底 …, with the year
 * from the text (2023年, 今年, 去年) or, when the text names none, the article's year. A year
 * the article never gives is written XXXX so that the data check refuses the row until an
 * editor fills it in.
 */
import { chineseValue } from './numbers.ts';

export interface PeriodMention {
  /** offset of the mention in the text searched */
  index: number;
  end: number;
  text: string;
  /** the year written, or relative to the article (今年 = 0, 去年 = -1), or undefined when none */
  year?: number;
  relative?: number;
  /** months covered: first and last (1–12); a day-precise end when the text gives a date */
  fromMonth: number;
  toMonth: number;
  /** the text says the period starts in an earlier year (2019年以来) */
  since?: boolean;
  /** 截至/目前: a stock at a date rather than a flow over the period */
  asOf?: boolean;
  /** a bare year or 今年 with no part named: the whole year */
  wholeYear: boolean;
  /** a day (5月15日): the date of an event */
  day?: number;
  /** the last day of an event of several days (6月19日至20日), in `toMonth` */
  toDay?: number;
  /** 过去五年: the N whole years before the article's year */
  yearsBack?: number;
  /** 2021—2023年, “十四五”期间: the last year of a span of whole years that starts in `year` */
  toYear?: number;
}

export interface ResolvedPeriod {
  start: string;
  end: string;
  why: string;
  whyZh: string;
}

const CN = '[0-9]+|[一二三四五六七八九十]+';
const num = (s: string): number => (/^\d+$/u.test(s) ? Number(s) : Number(chineseValue(s) ?? NaN));
const YEAR = '(?:(\\d{4})年|(今年|本年|去年|上年|前年|明年))';
const RELATIVE: Record<string, number> = { 今年: 0, 本年: 0, 去年: -1, 上年: -1, 前年: -2, 明年: 1 };
const PART = [
  `(全年|年内|年底|年末|年初|(?<=\\d年)[底末])`,
  `(上半年|下半年)`,
  `(?:第)?(${CN})季度`,
  `前(${CN})季度`,
  `(${CN})[-—–~～至到](${CN})月(?:份)?`,
  `前(${CN})个?月`,
  `(${CN})月(?:份)?(当月|底|末)?(?![0-9一二三四五六七八九十]*日)`,
].join('|');
const MENTION = new RegExp(`(截至|截止到|截止|到)?${YEAR}?(?:${PART})|(截至|截止)?(目前|当前)|${YEAR}(以来)?`, 'gu');

/** A period after 比/较/与 is the base a change is measured against, not the figure's period. */
const BASE = /(比|较|与|同|相比|对比|高于|低于|超过|是|为|相当于)$/u;

const DAY = new RegExp(`${YEAR}?(\\d{1,2})月(\\d{1,2})日`, 'gu');

export function findPeriods(text: string): PeriodMention[] {
  const out: PeriodMention[] = [];
  const titles = [...text.matchAll(/《[^》]*(》|$)/gu)].map((m) => [m.index ?? 0, (m.index ?? 0) + m[0].length] as const);
  const days: PeriodMention[] = [];
  for (const m of text.matchAll(DAY)) {
    const index = m.index ?? 0;
    // (the last day of a span already read)
    if (days.some((d) => index < d.end)) continue;
    const mo = Number(m[3]);
    const day = Number(m[4]);
    if (mo < 1 || mo > 12 || day < 1 || day > 31) continue;
    const year = m[1] ? Number(m[1]) : undefined;
    const relative = m[2] ? RELATIVE[m[2]] : undefined;
    // 6月19日至20日, 6月30日—7月2日: an event of several days
    const through = /^[-—–~～至到](?:(\d{1,2})月)?(\d{1,2})日/u.exec(text.slice(index + m[0].length));
    const toMonth = through?.[1] ? Number(through[1]) : mo;
    const toDay = through ? Number(through[2]) : undefined;
    const spans = toDay !== undefined && toMonth >= mo && toMonth <= 12 && toDay >= 1 && toDay <= 31 && (toMonth > mo || toDay > day);
    days.push({
      index,
      end: index + m[0].length + (spans && through ? through[0].length : 0),
      text: spans && through ? m[0] + through[0] : m[0],
      ...(year !== undefined ? { year } : {}),
      ...(relative !== undefined ? { relative } : {}),
      fromMonth: mo,
      toMonth: spans ? toMonth : mo,
      day,
      ...(spans ? { toDay } : {}),
      wholeYear: false,
    });
  }
  for (const m of text.matchAll(MENTION)) {
    const g = m;
    const index = m.index ?? 0;
    if (BASE.test(text.slice(Math.max(0, index - 2), index))) continue;
    // 《2024年招商引资行动计划》: a year in a title names the document, not a period
    if (titles.some(([a, b]) => index > a && index < b)) continue;
    if (days.some((d) => index >= d.index && index < d.end)) continue;
    const base = { index, end: index + m[0].length, text: m[0] };
    if (g[14] !== undefined) {
      out.push({ ...base, fromMonth: 1, toMonth: 12, asOf: true, wholeYear: false, relative: 0 });
      continue;
    }
    if (g[15] !== undefined || g[16] !== undefined) {
      // a bare year: 2023年 or 今年
      const year = g[15] ? Number(g[15]) : undefined;
      const relative = g[16] ? RELATIVE[g[16]] : undefined;
      if (year !== undefined && (year < 1949 || year > 2100)) continue;
      out.push({
        ...base,
        ...(year !== undefined ? { year } : {}),
        ...(relative !== undefined ? { relative } : {}),
        fromMonth: 1,
        toMonth: 12,
        wholeYear: !g[17],
        ...(g[17] ? { since: true } : {}),
      });
      continue;
    }
    const year = g[2] ? Number(g[2]) : undefined;
    const relative = g[3] ? RELATIVE[g[3]] : undefined;
    const asOf = g[1] === '截至' || g[1] === '截止' || g[1] === '截止到';
    let from = 1;
    let to = 12;
    if (g[4]) {
      if (g[4] === '年初') continue;
      if (g[4] === '年底' || g[4] === '年末') from = 1;
    } else if (g[5]) {
      [from, to] = g[5] === '上半年' ? [1, 6] : [7, 12];
    } else if (g[6]) {
      const q = num(g[6]);
      if (!(q >= 1 && q <= 4)) continue;
      [from, to] = [3 * q - 2, 3 * q];
    } else if (g[7]) {
      const q = num(g[7]);
      if (!(q >= 1 && q <= 4)) continue;
      [from, to] = [1, 3 * q];
    } else if (g[8] && g[9]) {
      [from, to] = [num(g[8]), num(g[9])];
    } else if (g[10]) {
      [from, to] = [1, num(g[10])];
    } else if (g[11]) {
      const mo = num(g[11]);
      // 5月底 after 截至: January to May; 7月当月 and a bare 7月: that month
      [from, to] = asOf || g[12] === '底' || g[12] === '末' ? [1, mo] : [mo, mo];
    }
    if (!(from >= 1 && to <= 12 && from <= to)) continue;
    out.push({
      ...base,
      ...(year !== undefined ? { year } : {}),
      ...(relative !== undefined ? { relative } : {}),
      fromMonth: from,
      toMonth: to,
      wholeYear: false,
      ...(asOf ? { asOf } : {}),
    });
  }
  for (const m of text.matchAll(/(过去|近)([0-9]+|[一二三四五六七八九十两]+)年(?!来|以来|代)/gu)) {
    const n = num((m[2] as string).replace('两', '二'));
    if (!(n >= 2 && n <= 30)) continue;
    const index = m.index ?? 0;
    out.push({ index, end: index + m[0].length, text: m[0], fromMonth: 1, toMonth: 12, wholeYear: false, yearsBack: n });
  }
  // 2021—2023年, 2021年至2023年, “十四五”期间: a span of whole years, in place of the years inside it
  const spans: PeriodMention[] = [];
  for (const m of text.matchAll(/(?<!\d)(\d{4})年?[-—–~～至到](\d{4})年(?!\d*月)/gu)) {
    const [from, to] = [Number(m[1]), Number(m[2])];
    if (!(from >= 1949 && to <= 2100 && from < to && to - from <= 30)) continue;
    const index = m.index ?? 0;
    if (BASE.test(text.slice(Math.max(0, index - 2), index))) continue;
    spans.push({ index, end: index + m[0].length, text: m[0], year: from, toYear: to, fromMonth: 1, toMonth: 12, wholeYear: false });
  }
  for (const m of text.matchAll(/[“"]?(十三五|十四五|十五五)[”"]?(期间|时期|以来)?/gu)) {
    const from = { 十三五: 2016, 十四五: 2021, 十五五: 2026 }[m[1] as '十三五' | '十四五' | '十五五'];
    const index = m.index ?? 0;
    const base = { index, end: index + m[0].length, text: m[0], year: from, fromMonth: 1, toMonth: 12, wholeYear: false };
    spans.push(m[2] === '以来' ? { ...base, since: true } : { ...base, toYear: from + 4 });
  }
  const kept = out.filter((p) => !spans.some((x) => p.index < x.end && x.index < p.end));
  return [...kept, ...spans, ...days].sort((a, b) => a.index - b.index);
}

const pad = (n: number) => String(n).padStart(2, '0');
const lastDay = (y: number, m: number) => new Date(Date.UTC(Number.isFinite(y) ? y : 2001, m, 0)).getUTCDate();

/**
 * The dates of a mention. `articleYear` is the year the article is from (undefined when
 * nothing says), `contextYear` a year stated earlier in the sentence or paragraph.
 */
export function periodDates(
  p: PeriodMention,
  articleYear: number | undefined,
  contextYear: number | undefined,
  articleDate?: string,
): ResolvedPeriod {
  let year: number | undefined;
  let why: string;
  let whyZh: string;
  if (p.year !== undefined) {
    year = p.year;
    why = `period from “${p.text}”`;
    whyZh = `期间取自“${p.text}”`;
  } else if (p.relative !== undefined && articleYear !== undefined) {
    year = articleYear + p.relative;
    why = `period from “${p.text}”, the year from the article’s year (${articleYear})`;
    whyZh = `期间取自“${p.text}”，年份按文章年份（${articleYear}年）推定`;
  } else if (contextYear !== undefined) {
    year = contextYear;
    why = `period from “${p.text}”, the year from an earlier mention (${contextYear})`;
    whyZh = `期间取自“${p.text}”，年份取自上文（${contextYear}年）`;
  } else if (articleYear !== undefined) {
    year = articleYear;
    why = `period from “${p.text}”, the year from the article’s year (${articleYear})`;
    whyZh = `期间取自“${p.text}”，年份按文章年份（${articleYear}年）推定`;
  } else {
    why = `period from “${p.text}”; the text gives no year: fill in XXXX`;
    whyZh = `期间取自“${p.text}”；原文未给出年份，请填写XXXX`;
  }
  if (p.yearsBack !== undefined) {
    if (articleYear === undefined)
      return {
        start: 'XXXX-01-01',
        end: 'XXXX-12-31',
        why: `“${p.text}”: the text gives no year: fill in XXXX`,
        whyZh: `“${p.text}”：原文未给出年份，请填写XXXX`,
      };
    return {
      start: `${articleYear - p.yearsBack}-01-01`,
      end: `${articleYear - 1}-12-31`,
      why: `“${p.text}”: the ${p.yearsBack} years before the article’s year (${articleYear})`,
      whyZh: `“${p.text}”：文章年份（${articleYear}年）之前的${p.yearsBack}年`,
    };
  }
  const y = year === undefined ? 'XXXX' : String(year);
  if (p.toYear !== undefined) return { start: `${y}-01-01`, end: `${p.toYear}-12-31`, why, whyZh };
  if (p.day !== undefined) {
    const d = `${y}-${pad(p.fromMonth)}-${pad(p.day)}`;
    if (p.toDay !== undefined) {
      const e = `${y}-${pad(p.toMonth)}-${pad(p.toDay)}`;
      return { start: d, end: e, why: `${why}: the days of the event`, whyZh: `${whyZh}：事件期间` };
    }
    return { start: d, end: d, why: `${why}: the day of the event`, whyZh: `${whyZh}：事件当日` };
  }
  if (p.asOf && p.fromMonth === 1 && p.toMonth === 12 && articleDate && year === Number(articleDate.slice(0, 4))) {
    return {
      start: `${y}-01-01`,
      end: articleDate,
      why: `${why}; “${p.text}” read as up to the article’s date`,
      whyZh: `${whyZh}；“${p.text}”按截至文章日期理解`,
    };
  }
  if (p.since && year !== undefined && articleYear !== undefined) {
    // 今年以来, 2019年以来: from the start of that year to the article's date (or, without one, its year's end)
    if (articleDate && articleDate.startsWith(String(articleYear)) && year <= articleYear)
      return { start: `${y}-01-01`, end: articleDate, why: `${why}, up to the article’s date`, whyZh: `${whyZh}，至文章日期` };
    return {
      start: `${y}-01-01`,
      end: `${articleYear}-12-31`,
      why: `${why}, to the end of the article’s year`,
      whyZh: `${whyZh}，至文章年份年底`,
    };
  }
  const start = `${y}-${pad(p.fromMonth)}-01`;
  const end = `${y}-${pad(p.toMonth)}-${pad(lastDay(year ?? NaN, p.toMonth))}`;
  return { start, end, why, whyZh };
}

/** The whole of the article's year (when the text states no period), or XXXX. */
export function articleYearPeriod(articleYear: number | undefined): ResolvedPeriod {
  if (articleYear === undefined)
    return {
      start: 'XXXX-01-01',
      end: 'XXXX-12-31',
      why: 'the text states no period and no year: fill in XXXX',
      whyZh: '原文未说明期间和年份，请填写XXXX',
    };
  return {
    start: `${articleYear}-01-01`,
    end: `${articleYear}-12-31`,
    why: `the text states no period; the calendar year of the article (${articleYear}) is assumed`,
    whyZh: `原文未说明期间，按文章所在年份（${articleYear}年）计`,
  };
}

const SMALL = '[0-9]+|[一二两三四五六七八九十]+';
const count = (s: string) => num(s.replace('两', '二'));

/** 2022-06-19 + 1 day → 2022-06-20 (calendar arithmetic on ISO dates, in UTC). */
export function addDays(iso: string, days: number): string {
  const d = new Date(`${iso}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/**
 * 接下来的两天, 在接下来一周内, 未来三天, 为期两天: a span that starts on the day the article has
 * just named. Days count the first day (an event of two days is that day and the next); a week is the
 * seven days after it. Returns where the words stand and how many days to add to the start.
 */
export function spanAfterDay(
  text: string,
): { index: number; text: string; days: number; counting: string; countingZh: string } | undefined {
  const m = new RegExp(`(接下来|随后|此后|未来|今后|为期)的?(${SMALL})(个)?(天|日|周|星期)`, 'u').exec(text);
  if (!m) return undefined;
  const n = count(m[2] as string);
  if (!(n >= 1 && n <= 31)) return undefined;
  // 为期一周 is a length counting its first day; 接下来一周内 the week after the day
  const days = m[4] === '天' || m[4] === '日' ? n - 1 : m[1] === '为期' ? 7 * n - 1 : 7 * n;
  const inclusive = m[4] === '天' || m[4] === '日' || m[1] === '为期';
  return {
    index: m.index,
    text: m[0],
    days,
    counting: inclusive ? 'the day named counted as the first' : 'the seven days after the day named',
    countingZh: inclusive ? '所述当日计为第一天' : '所述当日之后的七天',
  };
}

/** 两年平均增长6.0%: an average over N years, so the period is the N years ending with the figure's year. */
export function averageYears(lead: string): number | undefined {
  const m = new RegExp(`(${SMALL})年(?:平均|年均)[^，,；;。]{0,6}$`, 'u').exec(lead);
  if (!m) return undefined;
  const n = count(m[1] as string);
  return n >= 2 && n <= 30 ? n : undefined;
}

/**
 * A level at a date rather than a flow over the period: a rate that has reached a value (混改率已达
 * 48%), things that already exist and are put to use (发挥13个产业专班、11个团队; 依托3个平台), and a
 * count of things that already are (3个已挂牌园区). `lead` is the clause before the number,
 * `rest` the text after its unit.
 */
export function levelWord(lead: string, rest: string): string | undefined {
  const rate = /率(已经|已)(达到?|提高到|提升到|升至)$/u.exec(lead);
  if (rate) return rate[0];
  const use = /(发挥|依托|用好|借助|整合)[^，,；;。！？、]*(、[^，,；;。！？、]*)*$/u.exec(lead);
  if (use && !/新|增|引进|培育|打造|建设|建成|设立/u.test(use[0])) return use[1] as string;
  const already = /^(已经|已)(建成|挂牌|投产|运营|开业|落地|认定|设立|成立|入驻|开工)/u.exec(rest);
  if (already) return already[0];
  return undefined;
}
