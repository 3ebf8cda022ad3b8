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

export function numbersIn(text: string): number[] {
  const found: number[] = [];
  for (const m of text.matchAll(ENGLISH_ORDINAL)) found.push(ORDINALS.indexOf((m[1] as string).toLowerCase()) + 1);
  if (text.includes('首位')) found.push(1);
  for (const m of text.matchAll(ARABIC)) found.push(Number(m[0].replaceAll(',', '')));
  for (const m of text.matchAll(CHINESE)) {
    // nzh reads 二 but not the colloquial 两 (两场 = 2 sessions); they mean the same digit.
    const run = m[0].replaceAll('两', '二').replaceAll('〇', '零');
    // 万 and 亿 after an Arabic number (9.25万, 2146.6亿元) are multipliers, not numbers;
    // on their own (过万家: over ten thousand) they state one unit of themselves
    if (/^[万亿]+$/u.test(run)) {
      if (!/\d$/u.test(text.slice(0, m.index))) found.push(1);
      continue;
    }
    // 千亿元 is 1000 in units of 亿元: a trailing 亿 or 万 is part of the unit, as in 2146.6亿元
    const unitless = run.replace(/[万亿]$/u, '');
    if (unitless !== run && unitless !== '') found.push(Number(Nzh.cn.decodeS(unitless.replaceAll('两', '二'))));
    const n = Number(Nzh.cn.decodeS(run));
    if (Number.isFinite(n) && n > 0) {
      found.push(n);
    } else {
      // a list of digits such as 一二线 (first- and second-tier) is not one number
      for (const ch of run) {
        const d = '零一二三四五六七八九'.indexOf(ch);
        if (d > 0) found.push(d);
      }
    }
  }
  return found;
}

/** Number of digits after the decimal point of a plain decimal string. */
export function decimalsOf(value: string): number {
  const dot = value.indexOf('.');
  return dot < 0 ? 0 : value.length - dot - 1;
}
