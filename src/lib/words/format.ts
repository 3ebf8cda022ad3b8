/**
 * Numbers and dates as Chinese readers expect them, through Intl (dates) and d3-format
 * with a zh-CN locale (numbers). Units are written after the number the way the sources
 * write them: 2146.6亿元, 29.4亿美元, 91.8%.
 */
import { formatLocale } from 'd3';
import { t, type Lang, type MessageKey } from '../../i18n/index.ts';

const zhLocale = formatLocale({ decimal: '.', thousands: ',', grouping: [3], currency: ['¥', ''], percent: '%' });
const enLocale = formatLocale({ decimal: '.', thousands: ',', grouping: [3], currency: ['$', ''] });

/** As published: the value keeps the decimals it was published with. */
export function formatValue(value: string | number, lang: Lang = 'zh'): string {
  const s = String(value);
  const dot = s.indexOf('.');
  const decimals = dot < 0 ? 0 : s.length - dot - 1;
  const locale = lang === 'zh' ? zhLocale : enLocale;
  // grouping only from five digits up: 2146.6 reads better than 2,146.6 in Chinese text
  const n = Number(s);
  return locale.format(Math.abs(n) >= 10000 ? `,.${decimals}f` : `.${decimals}f`)(n);
}

export interface UnitLike {
  id: string;
  symbol_zh: string;
  name_en: string;
}

const ATTACHED_ZH = new Set(['yi-yuan', 'wan-yi-yuan', 'yi-usd', 'wan-usd', 'percent', 'wan-person', 'wan-count', 'mu', 'person']);

export function formatWithUnit(value: string | number, unit: UnitLike, lang: Lang = 'zh', qualifier = 'exact'): string {
  // the qualifier's wording wraps number and unit: 约29.4亿美元, 150以上, 超70%
  return t(lang, `format.qualifier.${qualifier}` as MessageKey, { n: withUnit(formatValue(value, lang), unit, lang) });
}

function withUnit(num: string, unit: UnitLike, lang: Lang): string {
  if (unit.id === 'count') return num;
  if (unit.id === 'rank') return t(lang, 'format.rank', { n: num });
  if (unit.id === 'pp') return t(lang, 'format.pp', { n: num });
  if (lang === 'zh' && ATTACHED_ZH.has(unit.id)) return `${num}${unit.symbol_zh}`;
  if (unit.id === 'percent') return `${num}%`;
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

/** 2024-02-28 → 2024年2月28日 */
export function formatIsoDate(iso: string, lang: Lang = 'zh'): string {
  return dateFormats[lang].ymd.format(new Date(`${iso}T00:00:00Z`));
}

/**
 * A date with parts possibly unstated. Missing parts are said, not guessed:
 * {year:'2025', day:'26'} → 2025年（月份未说明）26日.
 */
export function formatPartialDate(
  parts: { year: string; month: string; day: string },
  lang: Lang,
  words: { monthUnstated: string; yearUnstated: string },
): string {
  const { year, month, day } = parts;
  if (year && month && day) return dateFormats[lang].ymd.format(Date.UTC(Number(year), Number(month) - 1, Number(day)));
  if (year && month && !day) return dateFormats[lang].ym.format(Date.UTC(Number(year), Number(month) - 1, 1));
  if (year && !month && !day) return dateFormats[lang].y.format(Date.UTC(Number(year), 0, 1));
  if (lang === 'zh')
    return `${year ? `${year}年` : words.yearUnstated}${month ? `${Number(month)}月` : words.monthUnstated}${day ? `${Number(day)}日` : ''}`;
  return [
    day ? `${Number(day)}` : '',
    month
      ? new Intl.DateTimeFormat('en-GB', { month: 'long', timeZone: 'UTC' }).format(Date.UTC(2000, Number(month) - 1, 1))
      : words.monthUnstated,
    year || words.yearUnstated,
  ]
    .filter(Boolean)
    .join(' ');
}

/** A period as readers say it: 2023年, 2024年一季度, 2020年上半年, 2021年1—5月. */
export function formatPeriod(start: string, end: string, lang: Lang = 'zh'): string {
  // a stock on one day (a rate "as at 6月30日"): the day, not a range from it to itself
  if (start === end) return formatIsoDate(start, lang);
  const [ys, ms, ds] = start.split('-').map(Number) as [number, number, number];
  const [ye, me] = end.split('-').map(Number) as [number, number, number];
  const endDate = new Date(`${end}T00:00:00Z`);
  const isMonthEnd = new Date(endDate.getTime() + 86400000).getUTCDate() === 1;
  if (ds === 1 && isMonthEnd && ys === ye) {
    if (ms === 1 && me === 12) return lang === 'zh' ? `${ys}年` : `${ys}`;
    if (ms === 1 && me === 6) return lang === 'zh' ? `${ys}年上半年` : `H1 ${ys}`;
    if (ms === 7 && me === 12) return lang === 'zh' ? `${ys}年下半年` : `H2 ${ys}`;
    if (me - ms === 2 && (ms - 1) % 3 === 0) {
      const q = (ms - 1) / 3 + 1;
      return lang === 'zh' ? `${ys}年${'一二三四'[q - 1]}季度` : `Q${q} ${ys}`;
    }
    if (ms === me) return lang === 'zh' ? `${ys}年${ms}月` : `${dateFormats.en.ym.format(Date.UTC(ys, ms - 1, 1))}`;
    return lang === 'zh'
      ? `${ys}年${ms}—${me}月`
      : `${dateFormats.en.ym.format(Date.UTC(ys, ms - 1, 1))}–${dateFormats.en.ym.format(Date.UTC(ye, me - 1, 1))}`;
  }
  return `${formatIsoDate(start, lang)}—${formatIsoDate(end, lang)}`;
}
