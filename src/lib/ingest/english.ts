/**
 * English-language reports of Chinese figures (China Daily and the like): numbers with their
 * units as English sources write them (911.72 billion yuan, $60.55 billion, 6.1 percent, 4.9 and
 * 3.9 percentage points, 520 key projects), ranks (ranking 13th, ranked fifth, third among),
 * qualifiers (nearly, about, more than) and periods (in 2022, the first 11 months of this year).
 */
import type { PeriodMention } from './period.ts';
import type { Qualifier } from './qualifier.ts';

export interface EnglishHit {
  start: number;
  end: number;
  raw: string;
  value: string;
  unit: string;
  qualifier: Qualifier;
  word: string;
}

const ORDINAL_WORDS = ['first', 'second', 'third', 'fourth', 'fifth', 'sixth', 'seventh', 'eighth', 'ninth', 'tenth'];
const NUMBER = /(\$)?(\d+(?:,\d{3})*(?:\.\d+)?)(?:\s+(trillion|billion|million))?/gu;
const QUALIFIERS: [RegExp, Qualifier][] = [
  [/\b(nearly|about|around|approximately|almost|some)\s+\$?$/iu, 'approximate'],
  [/\b(more than|over|above|exceeding|exceeded|surpassing|surpassed|topping|topped)\s+\$?$/iu, 'more-than'],
  [/\b(at least)\s+\$?$/iu, 'at-least'],
  [/\b(less than|under|below|fewer than)\s+\$?$/iu, 'less-than'],
];

/** True when a sentence is written in English (more Latin letters than Chinese characters). */
export function isEnglish(text: string): boolean {
  return (text.match(/[A-Za-z]/gu) ?? []).length > 3 * (text.match(/\p{Script=Han}/gu) ?? []).length;
}

export function readEnglish(text: string): EnglishHit[] {
  const out: EnglishHit[] = [];
  for (const m of text.matchAll(NUMBER)) {
    const start = m.index ?? 0;
    const value = (m[2] as string).replaceAll(',', '');
    const scale = m[3];
    const after = text.slice(start + m[0].length);
    const before = text.slice(0, start);
    // a year (2,000 with its comma is a number)
    if (/^\d{4}$/u.test(m[2] as string) && !m[1] && !scale && Number(value) >= 1900 && Number(value) <= 2100) continue;
    // Fortune Global 500, the top 10: a number in a name or a top-N list, not a quantity
    if (/\b(Fortune|Global|Forbes|[Tt]op)\s+$/u.test(before)) continue;
    if (/^(st|nd|rd|th)\b/u.test(after)) {
      if (/\b(rank(?:ed|ing|s)?|No\.)\s*$/iu.test(before) || /^(st|nd|rd|th)\s+(among|in|place|largest|biggest)\b/u.test(after)) {
        const suffix = /^(st|nd|rd|th)/u.exec(after)?.[0] ?? '';
        out.push({
          start,
          end: start + m[0].length + suffix.length,
          raw: m[0] + suffix,
          value,
          unit: 'rank',
          qualifier: 'exact',
          word: 'an English ordinal in a ranking',
        });
      }
      continue;
    }
    let unit: string | undefined;
    let length = m[0].length;
    const q = QUALIFIERS.find(([re]) => re.test(before));
    const qualifier = q?.[1] ?? 'exact';
    const word = q ? (q[0].exec(before)?.[1] ?? '') : '';
    if (m[1] && scale === 'billion') unit = 'billion-usd';
    else if (scale === 'trillion' && /^\s+yuan/u.test(after)) unit = 'trillion-yuan';
    else if (scale === 'billion' && /^\s+yuan/u.test(after)) unit = 'billion-yuan';
    else if (scale === 'billion' && /^\s+(US\s+)?dollars/u.test(after)) unit = 'billion-usd';
    else if (!scale && /^\s*(percent\b|per cent\b|%)/u.test(after)) unit = 'percent';
    else if (!scale && /^\s*(and\s+[\d.]+\s+)?percentage points?/u.test(after)) unit = 'pp';
    else if (!scale && !m[1] && /^\s+([A-Za-z0-9-]+\s+){0,3}[a-z-]+s\b/u.test(after) && !/^\s+(years?|months?|days?|times)\b/u.test(after))
      unit = 'count';
    if (!unit) continue;
    if (unit.endsWith('yuan')) length = m[0].length;
    out.push({ start, end: start + length, raw: m[0], value, unit, qualifier, word });
  }
  for (const m of text.matchAll(
    /\b(?:rank(?:ed|ing|s)?\s+(?:the\s+)?)?(first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth)\b(?=\s+(?:among|in|place|largest|biggest)|[.,;]|$)/giu,
  )) {
    const word = (m[1] as string).toLowerCase();
    if (!/rank/iu.test(m[0]) && !/^\s+(among|place|largest|biggest)/iu.test(text.slice((m.index ?? 0) + m[0].length))) continue;
    const start = (m.index ?? 0) + m[0].length - word.length;
    out.push({
      start,
      end: start + word.length,
      raw: m[1] as string,
      value: String(ORDINAL_WORDS.indexOf(word) + 1),
      unit: 'rank',
      qualifier: 'exact',
      word: 'an English ordinal in a ranking',
    });
  }
  return out.sort((a, b) => a.start - b.start);
}

const MONTHS = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'];

export function englishPeriods(text: string): PeriodMention[] {
  const out: PeriodMention[] = [];
  const yearOf = (s: string | undefined): { year?: number; relative?: number } =>
    s === undefined ? {} : /^\d{4}$/u.test(s) ? { year: Number(s) } : /last/iu.test(s) ? { relative: -1 } : { relative: 0 };
  const YEAR = '(\\d{4}|this year|last year)';
  const patterns: [RegExp, (m: RegExpMatchArray) => Partial<PeriodMention> | undefined][] = [
    [new RegExp(`first (\\d{1,2}) months(?: of ${YEAR})?`, 'giu'), (m) => ({ ...yearOf(m[2]), fromMonth: 1, toMonth: Number(m[1]) })],
    [new RegExp(`first half(?: of ${YEAR})?`, 'giu'), (m) => ({ ...yearOf(m[1]), fromMonth: 1, toMonth: 6 })],
    [new RegExp(`first (three )?quarters?(?: of ${YEAR})?`, 'giu'), (m) => ({ ...yearOf(m[2]), fromMonth: 1, toMonth: m[1] ? 9 : 3 })],
    [
      /\bfrom jan(?:uary)? to (\w+)/giu,
      (m) => {
        const i = MONTHS.findIndex((x) => x.startsWith((m[1] as string).toLowerCase().slice(0, 3)));
        return i >= 0 ? { fromMonth: 1, toMonth: i + 1 } : undefined;
      },
    ],
    [/\b(?:in|during|for)\s+(\d{4})\b/giu, (m) => ({ year: Number(m[1]), fromMonth: 1, toMonth: 12, wholeYear: true })],
    // a goal's horizon, as 到2032年
    [/\bby\s+(?:the\s+end\s+of\s+)?(\d{4})\b/giu, (m) => ({ year: Number(m[1]), fromMonth: 1, toMonth: 12, wholeYear: true })],
    [/\b(this year|last year)\b/giu, (m) => ({ ...yearOf(m[1]), fromMonth: 1, toMonth: 12, wholeYear: true })],
  ];
  const taken: [number, number][] = [];
  for (const [re, make] of patterns) {
    for (const m of text.matchAll(re)) {
      const index = m.index ?? 0;
      const end = index + m[0].length;
      if (taken.some(([a, b]) => index < b && a < end)) continue;
      const p = make(m);
      if (!p) continue;
      taken.push([index, end]);
      out.push({ index, end, text: m[0], fromMonth: 1, toMonth: 12, wholeYear: false, ...p });
    }
  }
  return out.sort((a, b) => a.index - b.index);
}

/** target: aims, strives, target; plan: plans, will, arranged, is set to. */
export function englishStatus(before: string): { status: 'target' | 'plan'; word: string } | undefined {
  const t = /\b(aims?|strives?|targets?|goal)\b/iu.exec(before);
  if (t) return { status: 'target', word: t[0] };
  const p = /\b(plans?|planned|will|arranged|is set to|are set to)\b/iu.exec(before);
  return p ? { status: 'plan', word: p[0] } : undefined;
}
