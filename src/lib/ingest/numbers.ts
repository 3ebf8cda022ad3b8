/**
 * Finds the numbers in a stretch of Chinese news text, however they are written: Arabic or
 * full-width digits (2146.6, ２０), Chinese numerals (三百六十三, 两千), mixed forms (1.2万,
 * 3千多) and 万/亿 multipliers. Values are kept as decimal strings exactly as published: 6407.0
 * stays 6407.0, 3千 becomes 3000 by moving the decimal point, never by floating arithmetic.
 */
import Nzh from 'nzh';

export interface NumberToken {
  /** offsets of the number (with its multiplier) in the text searched */
  start: number;
  end: number;
  raw: string;
  /** the number as published, before any 万/亿/万亿 multiplier (which belongs to the unit) */
  value: string;
  /** 万, 亿 or 万亿 written after the number; '' when none */
  multiplier: '' | '万' | '亿' | '万亿';
  script: 'arabic' | 'chinese';
}

const FULL_WIDTH = /[０-９．]/gu;
const CHINESE_DIGITS = '零〇一二两三四五六七八九十百千万亿';
const TOKEN = new RegExp(`([0-9０-９]+(?:,[0-9]{3}(?![0-9]))*(?:[.．][0-9０-９]+)?)([千百]?)(万亿|亿|万)?|([${CHINESE_DIGITS}]+)`, 'gu');

export function toHalfWidth(s: string): string {
  return s.replace(FULL_WIDTH, (c) => (c === '．' ? '.' : String.fromCharCode(c.charCodeAt(0) - 0xfee0)));
}

/** Multiplies a plain decimal string by 10^k without floating point: ("1.5", 3) → "1500". */
export function shiftDecimal(value: string, k: number): string {
  const [int = '0', frac = ''] = value.split('.');
  const digits = int + frac;
  const point = int.length + k;
  const padded = point > digits.length ? digits + '0'.repeat(point - digits.length) : digits;
  const whole = padded.slice(0, point).replace(/^0+(?=\d)/u, '') || '0';
  const rest = padded.slice(point).replace(/0+$/u, '');
  return rest === '' ? whole : `${whole}.${rest}`;
}

/** A run of Chinese numerals as a decimal string, or undefined when it is not one number. */
export function chineseValue(run: string): string | undefined {
  const s = run.replaceAll('两', '二').replaceAll('〇', '零');
  if (s === '') return undefined;
  // a list of bare digits (一二线) is not a number; 二〇二四 is a year written digit by digit
  if (/^[零一二三四五六七八九]{2,}$/u.test(s)) return undefined;
  const n = Number(Nzh.cn.decodeS(s));
  return Number.isFinite(n) && n > 0 ? String(n) : undefined;
}

export function findNumbers(text: string): NumberToken[] {
  const out: NumberToken[] = [];
  for (const m of text.matchAll(TOKEN)) {
    const start = m.index ?? 0;
    if (m[1] !== undefined) {
      let value = toHalfWidth(m[1]).replaceAll(',', '');
      if (m[2] === '千') value = shiftDecimal(value, 3);
      if (m[2] === '百') value = shiftDecimal(value, 2);
      out.push({
        start,
        end: start + m[0].length,
        raw: m[0],
        value,
        multiplier: (m[3] ?? '') as NumberToken['multiplier'],
        script: 'arabic',
      });
      continue;
    }
    const run = m[4] as string;
    // 万亿, 亿 or 万 at the end of a run are the unit's multiplier (千亿元 = 1000 亿元)
    const mult =
      /万亿$/u.test(run) && run.length > 2 ? '万亿' : /[万亿]$/u.test(run) && run.length > 1 ? (run.slice(-1) as '万' | '亿') : '';
    const numeral = run.slice(0, run.length - mult.length);
    if (/^[万亿]+$/u.test(run)) {
      // 过万家, 突破亿元: one unit of the multiplier itself
      out.push({
        start,
        end: start + run.length,
        raw: run,
        value: '1',
        multiplier: run === '万亿' ? '万亿' : (run.slice(-1) as '万' | '亿'),
        script: 'chinese',
      });
      continue;
    }
    const value = chineseValue(numeral);
    if (value === undefined) continue;
    out.push({ start, end: start + run.length, raw: run, value, multiplier: mult, script: 'chinese' });
  }
  return out;
}
