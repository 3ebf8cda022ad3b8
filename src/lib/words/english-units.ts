/**
 * Figures in English conventions, converted openly and defined once: for each unit in
 * units.csv, the power of ten its published value is shifted by and the English name it
 * then carries. 4534亿元 → 453.4 billion yuan, 37.5亿美元 → 3.75 billion US dollars,
 * 9.25万人 → 92,500 people.
 *
 * The shift moves the decimal point of the published string: no floating point touches a
 * value, so the English number has exactly the published significant digits. They are
 * counted the usual way: zeros after a decimal point count, an integer's trailing zeros do
 * not. So 6407.0亿元 becomes 640.70 billion yuan (the zero was published), and 1700亿元, a
 * round figure, becomes 170 billion yuan, not 170.0, which would claim a digit the source
 * never gave.
 */
import type { Lang } from '../../i18n/index.ts';

export interface EnglishUnit {
  /** the English number is the published one × 10^shift */
  shift: number;
  /** how number and unit are put together: 453.4 billion yuan, 40,000, 18.2%, 3rd */
  form: 'name' | 'bare' | 'percent' | 'ordinal';
  /** the name after the number when it is exactly 1, and otherwise ('' for bare, percent, ordinal) */
  one: string;
  other: string;
  /** what a chart's axis or a subtitle ("Unit: …") calls the unit */
  axis: string;
}

const money = (shift: number, name: string): EnglishUnit => ({ shift, form: 'name', one: name, other: name, axis: name });

/*
 * Money goes to the scale English-language sources use (billions, trillions), one scale per
 * unit whatever the value, so a figure reads the same in a sentence, a table and on a chart
 * axis, and figures of one indicator compare without a change of scale. 万美元 goes to
 * millions rather than to thousands for small values for the same reason: 12万美元 reads
 * "0.12 million US dollars", exact and on the scale of its neighbours.
 */
const ENGLISH_UNITS = {
  'yi-yuan': money(-1, 'billion yuan'),
  'wan-yi-yuan': money(0, 'trillion yuan'),
  'billion-yuan': money(0, 'billion yuan'),
  'trillion-yuan': money(0, 'trillion yuan'),
  'yi-usd': money(-1, 'billion US dollars'),
  'wan-usd': money(-2, 'million US dollars'),
  'billion-usd': money(0, 'billion US dollars'),
  percent: { shift: 0, form: 'percent', one: '', other: '', axis: '%' },
  pp: { shift: 0, form: 'name', one: 'percentage point', other: 'percentage points', axis: 'percentage points' },
  count: { shift: 0, form: 'bare', one: '', other: '', axis: 'number' },
  'wan-count': { shift: 4, form: 'bare', one: '', other: '', axis: 'number' },
  person: { shift: 0, form: 'name', one: 'person', other: 'people', axis: 'people' },
  'wan-person': { shift: 4, form: 'name', one: 'person', other: 'people', axis: 'people' },
  mu: { shift: 0, form: 'name', one: 'mu', other: 'mu', axis: 'mu' },
  rank: { shift: 0, form: 'ordinal', one: '', other: '', axis: 'rank' },
} as const satisfies Record<string, EnglishUnit>;

export type EnglishUnitId = keyof typeof ENGLISH_UNITS;
export const ENGLISH_UNIT_IDS = Object.keys(ENGLISH_UNITS) as EnglishUnitId[];

/** The English presentation of a unit; a unit without one stops the build rather than printing 亿元 figures as billions. */
export function englishUnit(unitId: string): EnglishUnit {
  if (!Object.hasOwn(ENGLISH_UNITS, unitId))
    throw new Error(`unit "${unitId}" has no English presentation: add it to ENGLISH_UNITS in src/lib/words/english-units.ts`);
  return ENGLISH_UNITS[unitId as EnglishUnitId];
}

const PLAIN_DECIMAL = /^(-?)(\d+)(?:\.(\d+))?$/u;

/**
 * A plain decimal string × 10^shift, as a plain decimal string with the same significant
 * digits: shiftDecimal('4534', -1) = '453.4', shiftDecimal('9.25', 4) = '92500',
 * shiftDecimal('1700', -1) = '170'. A value whose last significant digit is a zero that would
 * land in the integer part (5.0 × 10^4 = 50000) cannot keep its precision and throws.
 */
export function shiftDecimal(value: string, shift: number): string {
  const m = PLAIN_DECIMAL.exec(value);
  if (!m) throw new Error(`"${value}" is not a plain decimal number (digits, one optional point, optional leading -)`);
  if (!Number.isInteger(shift)) throw new Error(`decimal shift must be a whole power of ten, not ${shift}`);
  const [, sign = '', int = '', frac = ''] = m;
  const digits = (int + frac).replace(/^0+(?=\d)/u, '');
  // zero has no significant digits to keep: its published decimals stay while there are any
  if (/^0+$/u.test(digits)) return frac.length - shift > 0 && frac.length > 0 ? `${sign}0.${'0'.repeat(frac.length - shift)}` : `${sign}0`;
  // the place of the last significant digit, as a power of ten, before and after the shift
  const lastPlace = (frac.length > 0 ? -frac.length : (/0*$/u.exec(int)?.[0].length ?? 0)) + shift;
  // the exact result is digits × 10^exponent
  const exponent = -frac.length + shift;
  if (lastPlace >= 0) {
    const whole = exponent >= 0 ? digits + '0'.repeat(exponent) : digits.slice(0, exponent);
    const trailingZeros = /0*$/u.exec(whole)?.[0].length ?? 0;
    if (trailingZeros > lastPlace)
      throw new Error(
        `${value} × 10^${shift} = ${sign}${whole} would lose the published last digit (a significant zero): it needs a presentation that keeps it`,
      );
    return `${sign}${whole}`;
  }
  // lastPlace < 0: -lastPlace decimals; the digits dropped beyond them are an integer's trailing zeros
  const kept = digits.slice(0, digits.length - (-exponent + lastPlace));
  const padded = kept.padStart(-lastPlace + 1, '0');
  return `${sign}${padded.slice(0, lastPlace)}.${padded.slice(lastPlace)}`;
}

/** A plain decimal string as English text: thousands grouped from four digits (1,234.5), a true minus sign. */
export function groupEnglish(plain: string): string {
  const m = PLAIN_DECIMAL.exec(plain);
  if (!m) throw new Error(`"${plain}" is not a plain decimal number (digits, one optional point, optional leading -)`);
  const [, sign = '', int = '', frac] = m;
  // the same minus sign d3-format gives the Chinese side
  return `${sign === '-' ? '\u2212' : ''}${int.replace(/\B(?=(\d{3})+$)/gu, ',')}${frac === undefined ? '' : `.${frac}`}`;
}

/** The published value in the unit English text uses, as a plain decimal string: '4534', 'yi-yuan' → '453.4'. */
export function toEnglishValue(value: string, unitId: string): string {
  return shiftDecimal(value, englishUnit(unitId).shift);
}

const ENGLISH_QUALIFIERS: Record<string, (n: string) => string> = {
  exact: (n) => n,
  approximate: (n) => `about ${n}`,
  nearly: (n) => `nearly ${n}`,
  'at-least': (n) => `${n} or more`,
  'more-than': (n) => `more than ${n}`,
  'less-than': (n) => `less than ${n}`,
};

const ordinalRules = new Intl.PluralRules('en-GB', { type: 'ordinal' });
const ORDINAL_SUFFIX: Partial<Record<Intl.LDMLPluralRule, string>> = { one: 'st', two: 'nd', few: 'rd', other: 'th' };

function withEnglishUnit(plain: string, unit: EnglishUnit, withName: boolean): string {
  const n = groupEnglish(plain);
  if (unit.form === 'percent') return `${n}%`;
  if (unit.form === 'ordinal') {
    if (!/^\d+$/u.test(plain)) throw new Error(`a rank must be a whole number, not ${plain}`);
    return `${n}${ORDINAL_SUFFIX[ordinalRules.select(Number(plain))] ?? 'th'}`;
  }
  if (unit.form === 'bare' || !withName) return n;
  return `${n} ${plain === '1' || plain === '-1' ? unit.one : unit.other}`;
}

/**
 * A published value in English, with its bound and unit: ('4', 'wan-count', 'more-than') →
 * "more than 40,000"; ('5200', 'mu', 'approximate') → "about 5,200 mu". Without the name
 * (withName false) for a label whose unit a subtitle gives: "453.4"; per cent and ranks keep
 * their sign and suffix, which are part of the number.
 */
export function formatEnglish(value: string, unitId: string, qualifier = 'exact', withName = true): string {
  const wrap = ENGLISH_QUALIFIERS[qualifier];
  if (!Object.hasOwn(ENGLISH_QUALIFIERS, qualifier) || wrap === undefined)
    throw new Error(`qualifier "${qualifier}" has no English wording: add it to ENGLISH_QUALIFIERS in src/lib/words/english-units.ts`);
  const unit = englishUnit(unitId);
  return wrap(withEnglishUnit(shiftDecimal(value, unit.shift), unit, withName));
}

/**
 * A number × 10^shift as the double nearest the exact decimal result: the shortest decimal
 * that is the number (String) gets a new exponent and is parsed once, so 4457.4 becomes
 * 445.74, where 4457.4 / 10 would give 445.73999999999995.
 */
function shiftNumber(v: number, shift: number): number {
  if (!Number.isFinite(v)) return v;
  const [mantissa = '', exponent = '0'] = String(v).split('e');
  return Number(`${mantissa}e${Number(exponent) + shift}`);
}

export interface ChartUnit {
  /** the plotted number is the published one × 10^shift */
  shift: number;
  /** 10^shift, for a spec that wants to multiply */
  factor: number;
  /** the unit's name for an axis or subtitle: 亿元 / billion yuan, 个 / number */
  label: string;
  /** a published value (SiteFigure.value) as the chart plots it: 4534 → 453.4 in English */
  toAxis: (value: number) => number;
}

/**
 * The unit a chart plots a figure in, for the reader's language: Chinese charts plot the
 * published numbers under the Chinese unit; English charts the numbers English text gives,
 * so the bar labelled "453.4" stands at 453.4 on a "billion yuan" axis.
 */
export function chartUnit(unit: { id: string; symbol_zh: string }, lang: Lang): ChartUnit {
  if (lang === 'zh') {
    englishUnit(unit.id); // the same closed list on both sides, so an unknown unit fails in either language
    return { shift: 0, factor: 1, label: unit.symbol_zh, toAxis: (v) => v };
  }
  const { shift, axis } = englishUnit(unit.id);
  return { shift, factor: 10 ** shift, label: axis, toAxis: (v) => shiftNumber(v, shift) };
}

/** The Chinese unit symbols English notes carry after a number, and their unit ids. */
const SYMBOLS: [string, EnglishUnitId][] = [
  ['万亿元', 'wan-yi-yuan'],
  ['亿美元', 'yi-usd'],
  ['万美元', 'wan-usd'],
  ['亿元', 'yi-yuan'],
  ['万人', 'wan-person'],
];
const NOTE_NUMBER = new RegExp(`(?<![\\p{Script=Han}\\d.,])(\\d+(?:\\.\\d+)?)(${SYMBOLS.map(([s]) => s).join('|')})`, 'gu');

/**
 * An English note written with the data's Chinese units (8498.4亿元, 9.25万人) in English units
 * (849.84 billion yuan, 92,500 people), through the same table as every figure. A number right
 * after a Chinese character is part of a quoted Chinese phrase (超10亿元) and stays as printed.
 */
export function englishUnitsInText(text: string): string {
  return text.replace(NOTE_NUMBER, (_, value: string, symbol: string) => {
    const id = SYMBOLS.find(([s]) => s === symbol)?.[1];
    if (id === undefined) throw new Error(`englishUnitsInText: no unit for "${symbol}"`);
    return formatEnglish(value, id);
  });
}
