/**
 * The numbers a quote states, in Arabic or Chinese numerals, so the checker can prove that
 * a figure's published value is in its quote.
 */
import Nzh from 'nzh';

const ARABIC = /\d+(?:,\d{3})*(?:\.\d+)?/gu;
const CHINESE = /[零〇一二两三四五六七八九十百千万亿]+/gu;

/** Ordinal words of English sources (ranked fifth, third among) and 首位 (first place). */
const ORDINALS = ['first', 'second', 'third', 'fourth', 'fifth', 'sixth', 'seventh', 'eighth', 'ninth', 'tenth'];
const ENGLISH_ORDINAL = new RegExp(`\\b(${ORDINALS.join('|')})\\b`, 'giu');

/**
 * The numbers a quote states, each as a decimal string written the way the quote writes it:
 * Arabic numerals with their decimals (6.0 stays 6.0, 1,234.5 becomes 1234.5), Chinese
 * numerals and ordinal words as the whole number they read as (六 is 6). A value is compared
 * with these strings, never as a float, so 6.0 is not the 6 of a quote and
 * 6.0000000000000001 is not 6.
 */
export function numberTextsIn(text: string): string[] {
  const found: string[] = [];
  const whole = (n: number) => (Number.isSafeInteger(n) ? String(n) : undefined);
  const add = (s: string | undefined) => {
    if (s !== undefined) found.push(s);
  };
  for (const m of text.matchAll(ENGLISH_ORDINAL)) found.push(String(ORDINALS.indexOf((m[1] as string).toLowerCase()) + 1));
  if (text.includes('首位')) found.push('1');
  for (const m of text.matchAll(ARABIC)) {
    const digits = m[0].replaceAll(',', '');
    found.push(digits);
    // 3千多家, 1.5千: 千 or 百 written after Arabic digits multiplies them (3千 states 3000)
    const places = { 千: 3, 百: 2 }[text[(m.index ?? 0) + m[0].length] ?? ''];
    if (places !== undefined) found.push(shiftPoint(digits, places));
  }
  for (const m of text.matchAll(CHINESE)) {
    // nzh reads 二 but not the colloquial 两 (两场 = 2 sessions); they mean the same digit.
    const run = m[0].replaceAll('两', '二').replaceAll('〇', '零');
    // 万 and 亿 after an Arabic number (9.25万, 2146.6亿元) are multipliers, not numbers;
    // on their own (过万家: over ten thousand) they state one unit of themselves
    if (/^[万亿]+$/u.test(run)) {
      if (!/\d$/u.test(text.slice(0, m.index))) found.push('1');
      continue;
    }
    // 千亿元 is 1000 in units of 亿元: a trailing 亿 or 万 is part of the unit, as in 2146.6亿元
    const unitless = run.replace(/[万亿]$/u, '');
    if (unitless !== run && unitless !== '') add(whole(Number(Nzh.cn.decodeS(unitless))));
    const n = Number(Nzh.cn.decodeS(run));
    if (Number.isFinite(n) && n > 0) {
      add(whole(n));
    } else {
      // a list of digits such as 一二线 (first- and second-tier) is not one number
      for (const ch of run) {
        const d = '零一二三四五六七八九'.indexOf(ch);
        if (d > 0) found.push(String(d));
      }
    }
  }
  return found;
}

/** A plain decimal string times 10^places, by moving the point: ("1.5", 3) → "1500". */
function shiftPoint(value: string, places: number): string {
  const [int = '', frac = ''] = value.split('.');
  const digits = (int + frac.padEnd(places, '0')).replace(/^0+(?=\d)/u, '');
  const point = int.length + places - (int.length - int.replace(/^0+(?=\d)/u, '').length);
  const whole = digits.slice(0, point) || '0';
  const rest = digits.slice(point).replace(/0+$/u, '');
  return rest === '' ? whole : `${whole}.${rest}`;
}

/** The numbers a quote states, as numbers (numberTextsIn read as floats). */
export function numbersIn(text: string): number[] {
  return numberTextsIn(text).map(Number);
}

/**
 * Why a published decimal string cannot be shown exactly, or undefined. The site prints the
 * string as published, but draws, sorts and computes with it as a double, which holds 15
 * significant digits exactly; a value with more, or one so long it is not finite, would be
 * drawn (and computed with) as another number than the one printed.
 */
export function inexactValue(value: string): string | undefined {
  const digits = value.replace(/^-/u, '').replace('.', '').replace(/^0+/u, '');
  if (!Number.isFinite(Number(value)))
    return `${value.length > 40 ? `${value.slice(0, 20)}…(${value.length} characters)` : value} is too large to be a number the site can compute with`;
  if (digits.length > MAX_SIGNIFICANT) {
    return `${value.length > 40 ? `${value.slice(0, 20)}…(${value.length} characters)` : value} has ${digits.length} significant digits; the site computes with at most ${MAX_SIGNIFICANT} exactly`;
  }
  return undefined;
}
export const MAX_SIGNIFICANT = 15;

/** Number of digits after the decimal point of a plain decimal string. */
export function decimalsOf(value: string): number {
  const dot = value.indexOf('.');
  return dot < 0 ? 0 : value.length - dot - 1;
}
