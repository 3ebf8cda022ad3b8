/**
 * Numbers and dates as readers expect them. Chinese: d3-format with a zh-CN locale
 * (numbers), units written after the number the way the sources write them (2146.6亿元,
 * 29.4亿美元, 91.8%). English: every number goes through english-units.ts, which shifts the
 * published decimal string to the unit English uses (453.4 billion yuan). Dates through Intl.
 */
import { formatLocale } from 'd3';
import { t, type Lang, type MessageKey } from '../../i18n/index.ts';
import { formatEnglish, groupEnglish, shiftDecimal } from './english-units.ts';
import { toChineseMoney } from './chinese-units.ts';

const zhLocale = formatLocale({ decimal: '.', thousands: ',', grouping: [3], currency: ['¥', ''], percent: '%' });

/**
 * As published: the value keeps the decimals it was published with. No unit, so no shift:
 * for an English figure with its unit use formatWithUnit or formatInUnit.
 */
export function formatValue(value: string | number, lang: Lang = 'zh'): string {
  const s = String(value);
  // English text groups from four digits (1,234.5); the string is never turned into a float
  if (lang === 'en') return groupEnglish(shiftDecimal(s, 0));
  const dot = s.indexOf('.');
  const decimals = dot < 0 ? 0 : s.length - dot - 1;
  // grouping only from five digits up: 2146.6 reads better than 2,146.6 in Chinese text
  const n = Number(s);
  return zhLocale.format(Math.abs(n) >= 10000 ? `,.${decimals}f` : `.${decimals}f`)(n);
}

export interface UnitLike {
  id: string;
  symbol_zh: string;
  name_en: string;
}

const ATTACHED_ZH = new Set(['yi-yuan', 'wan-yi-yuan', 'yi-usd', 'wan-usd', 'percent', 'wan-person', 'wan-count', 'mu', 'person']);

/**
 * The qualifier a figure is worded with. An approximate figure whose quote says 近 (or
 * "nearly", "almost") is a ceiling approached from below: it reads "nearly 1.5 trillion yuan",
 * 近1.5万亿元, not "about", which would allow more. The data keeps `approximate` (downloads too);
 * only the words differ.
 */
export function shownQualifier(f: { qualifier: string; quote: string }): string {
  if (f.qualifier !== 'approximate') return f.qualifier;
  return NEARLY_ZH.test(f.quote) || /\b(?:nearly|almost)\b/iu.test(f.quote) ? 'nearly' : f.qualifier;
}
/** 近 before a number (近1.5万亿元, 近千家), not 近年来 or 最近 */
const NEARLY_ZH = /近(?=[\d零〇一二两三四五六七八九十百千万亿])/u;

/** 约29.4亿美元, 150以上, 超70%; in English "about 2.94 billion US dollars", "150 or more", "more than 70%". */
export function formatWithUnit(value: string | number, unit: UnitLike, lang: Lang = 'zh', qualifier = 'exact'): string {
  if (lang === 'en') return formatEnglish(String(value), unit.id, qualifier);
  // billions and trillions (English sources) read in 亿元 or 万亿元, converted exactly
  const zhMoney = toChineseMoney(String(value), unit.id);
  if (zhMoney) return t(lang, `format.qualifier.${qualifier}` as MessageKey, { n: `${formatValue(zhMoney.value, lang)}${zhMoney.symbol}` });
  // the qualifier's wording wraps number and unit: 约29.4亿美元, 150以上, 超70%
  return t(lang, `format.qualifier.${qualifier}` as MessageKey, { n: withUnitZh(formatValue(value, lang), unit) });
}

/**
 * The value and its qualifier in the unit the reader's language counts in, without the
 * unit's name, for a label whose subtitle or axis names the unit: 4534 (亿元) / 453.4
 * (billion yuan), 150以上 / 150 or more. Per cent and ranks keep their sign and suffix in English.
 */
export function formatInUnit(value: string | number, unitId: string, lang: Lang, qualifier = 'exact'): string {
  if (lang === 'en') return formatEnglish(String(value), unitId, qualifier, false);
  const num = formatValue(value, lang);
  const n = unitId === 'percent' ? `${num}%` : unitId === 'rank' ? t('zh', 'format.rank', { n: num }) : num;
  return t(lang, `format.qualifier.${qualifier}` as MessageKey, { n });
}

function withUnitZh(num: string, unit: UnitLike): string {
  if (unit.id === 'count') return num;
  if (unit.id === 'rank') return t('zh', 'format.rank', { n: num });
  if (unit.id === 'pp') return t('zh', 'format.pp', { n: num });
  if (ATTACHED_ZH.has(unit.id)) return `${num}${unit.symbol_zh}`;
  return `${num} ${unit.name_en}`;
}

const dateFormats: Record<Lang, Record<'ymd' | 'ym' | 'y', Intl.DateTimeFormat>> = {
  zh: {
    ymd: new Intl.DateTimeFormat('zh-CN', { year: 'numeric', month: 'long', day: 'numeric', timeZone: 'UTC' }),
    ym: new Intl.DateTimeFormat('zh-CN', { year: 'numeric', month: 'long', timeZone: 'UTC' }),
    y: new Intl.DateTimeFormat('zh-CN', { year: 'numeric', timeZone: 'UTC' }),
  },
  en: {
    ymd: new Intl.DateTimeFormat('en-GB', { year: 'numeric', month: 'long', day: 'numeric', timeZone: 'UTC' }),
    ym: new Intl.DateTimeFormat('en-GB', { year: 'numeric', month: 'long', timeZone: 'UTC' }),
    y: new Intl.DateTimeFormat('en-GB', { year: 'numeric', timeZone: 'UTC' }),
  },
};

/** A calendar day as UTC milliseconds; 2023-02-30 throws instead of turning into 2 March. */
function utcDay(year: number, month: number, day: number, what: string): number {
  const ms = Date.UTC(year, month - 1, day);
  const d = new Date(ms);
  if (!Number.isInteger(year) || d.getUTCFullYear() !== year || d.getUTCMonth() !== month - 1 || d.getUTCDate() !== day)
    throw new Error(`${what} is not a calendar date`);
  return ms;
}

function isoParts(iso: string): [number, number, number] {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/u.exec(iso);
  if (!m) throw new Error(`"${iso}" is not an ISO date (YYYY-MM-DD)`);
  const parts = [Number(m[1]), Number(m[2]), Number(m[3])] as [number, number, number];
  utcDay(...parts, `"${iso}"`);
  return parts;
}

/** 2024-02-28 → 2024年2月28日, 28 February 2024 */
export function formatIsoDate(iso: string, lang: Lang = 'zh'): string {
  const [y, m, d] = isoParts(iso);
  return dateFormats[lang].ymd.format(Date.UTC(y, m - 1, d));
}

const enMonth = new Intl.DateTimeFormat('en-GB', { month: 'long', timeZone: 'UTC' });
const monthName = (month: number) => enMonth.format(Date.UTC(2000, month - 1, 1));

/**
 * A date with parts possibly unstated. Missing parts are said, not guessed, where they
 * would stand: {year:'2025', day:'26'} → 2025年（月份未说明）26日, 2025, day 26 (month not stated).
 * The words for a missing part come from the dictionary (date.monthUnstated, date.yearUnstated).
 */
export function formatPartialDate(
  parts: { year: string; month: string; day: string },
  lang: Lang,
  words: { monthUnstated: string; yearUnstated: string },
): string {
  const { year, month, day } = parts;
  const what = `date year "${year}" month "${month}" day "${day}"`;
  for (const [name, v] of [
    ['year', year],
    ['month', month],
    ['day', day],
  ] as const)
    if (v !== '' && !/^\d+$/u.test(v)) throw new Error(`${what}: the ${name} is not a number`);
  // check what is stated against the calendar: a leap year when the year is given, any year (2000) when not
  if (month) utcDay(year ? Number(year) : 2000, Number(month), day ? Number(day) : 1, what);
  else if (day && (Number(day) < 1 || Number(day) > 31)) throw new Error(`${what} is not a calendar date`);
  if (year && month && day) return dateFormats[lang].ymd.format(Date.UTC(Number(year), Number(month) - 1, Number(day)));
  if (year && month && !day) return dateFormats[lang].ym.format(Date.UTC(Number(year), Number(month) - 1, 1));
  if (year && !month && !day) return dateFormats[lang].y.format(Date.UTC(Number(year), 0, 1));
  if (lang === 'zh')
    return `${year ? `${year}年` : words.yearUnstated}${month ? `${Number(month)}月` : words.monthUnstated}${day ? `${Number(day)}日` : ''}`;
  // a stated day without its month cannot stand where a month would ("26 (month not stated) 2025"
  // reads like a misprint): the year, then the day, then what is missing
  if (day && !month) return `${year || words.yearUnstated}, day ${Number(day)} ${words.monthUnstated}`;
  // day month year, as "20 February 2023" is written
  return [day ? `${Number(day)}` : '', month ? monthName(Number(month)) : words.monthUnstated, year || words.yearUnstated]
    .filter(Boolean)
    .join(' ');
}

/**
 * A period as readers say it: 2023年, 2024年一季度, 2020年上半年, 2021年1—5月; in English
 * 2023, Q1 2024, H1 2020, January–May 2021, 1–8 March 2021, 20 February – 30 June 2023.
 */
export function formatPeriod(start: string, end: string, lang: Lang = 'zh'): string {
  // a stock on one day (a rate "as at 6月30日"): the day, not a range from it to itself
  if (start === end) return formatIsoDate(start, lang);
  const [ys, ms, ds] = isoParts(start);
  const [ye, me, de] = isoParts(end);
  if (end < start) throw new Error(`period ${start}..${end} ends before it starts`);
  const isMonthEnd = new Date(Date.UTC(ye, me - 1, de + 1)).getUTCDate() === 1;
  if (lang === 'en') return periodEn([ys, ms, ds], [ye, me, de], ds === 1 && isMonthEnd);
  if (ds === 1 && isMonthEnd && ys === ye) {
    if (ms === 1 && me === 12) return `${ys}年`;
    if (ms === 1 && me === 6) return `${ys}年上半年`;
    if (ms === 7 && me === 12) return `${ys}年下半年`;
    if (me - ms === 2 && (ms - 1) % 3 === 0) return `${ys}年${'一二三四'[(ms - 1) / 3]}季度`;
    if (ms === me) return `${ys}年${ms}月`;
    return `${ys}年${ms}—${me}月`;
  }
  return `${formatIsoDate(start, lang)}—${formatIsoDate(end, lang)}`;
}

/*
 * English ranges take an en dash, closed between single words (January–May 2021, 1–8 March
 * 2021) and spaced when either side has a space in it (20 February – 30 June 2023). The parts
 * the two ends share are said once, at the end, as in the Chinese 2021年1—5月.
 */
function periodEn([ys, ms, ds]: [number, number, number], [ye, me, de]: [number, number, number], wholeMonths: boolean): string {
  if (wholeMonths) {
    if (ms === 1 && me === 12) return ys === ye ? `${ys}` : `${ys}–${ye}`;
    if (ys === ye) {
      if (ms === 1 && me === 6) return `H1 ${ys}`;
      if (ms === 7 && me === 12) return `H2 ${ys}`;
      if (me - ms === 2 && (ms - 1) % 3 === 0) return `Q${(ms - 1) / 3 + 1} ${ys}`;
      if (ms === me) return `${monthName(ms)} ${ys}`;
      return `${monthName(ms)}–${monthName(me)} ${ys}`;
    }
    return `${monthName(ms)} ${ys} – ${monthName(me)} ${ye}`;
  }
  if (ys === ye && ms === me) return `${ds}–${de} ${monthName(me)} ${ye}`;
  if (ys === ye) return `${ds} ${monthName(ms)} – ${de} ${monthName(me)} ${ye}`;
  return `${ds} ${monthName(ms)} ${ys} – ${de} ${monthName(me)} ${ye}`;
}
