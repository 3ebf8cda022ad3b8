import { describe, expect, it } from 'vitest';
import { getDataset } from '../../src/lib/data/dataset.ts';
import {
  chartUnit,
  ENGLISH_UNIT_IDS,
  englishUnit,
  englishUnitsInText,
  groupEnglish,
  shiftDecimal,
  toEnglishValue,
} from '../../src/lib/words/english-units.ts';
import {
  formatInUnit,
  formatIsoDate,
  formatPartialDate,
  formatPeriod,
  formatValue,
  formatWithUnit,
  shownQualifier,
} from '../../src/lib/words/format.ts';
import { figureValue } from '../../src/lib/words/figure-words.ts';

const data = getDataset();
const unitRow = (id: string) => {
  const u = data.units.get(id);
  if (!u) throw new Error(`test: no unit ${id} in units.csv`);
  return u;
};

/*
 * Checks written independently of the module: the power of ten is read from the unit names
 * themselves, values are compared as exact rationals with BigInt, and significant digits are
 * counted from the strings.
 */

/** 亿 = 10^8, 万亿 = 10^12, 十亿 = 10^9: the numeral characters a Chinese unit symbol starts with */
function zhPower(symbol: string): number {
  const prefix = /^[十百千万亿]*/u.exec(symbol)?.[0] ?? '';
  return [...prefix].reduce((p, ch) => p + ({ 十: 1, 百: 2, 千: 3, 万: 4, 亿: 8 } as Record<string, number>)[ch]!, 0);
}
/** "billion yuan" = 10^9, "million US dollars" = 10^6, "people" = 10^0 */
function enPower(name: string): number {
  const word = /^(thousand|million|billion|trillion)\b/u.exec(name)?.[1];
  return word ? { thousand: 3, million: 6, billion: 9, trillion: 12 }[word as 'thousand'] : 0;
}

/** "-12.50" → { n: -1250n, scale: 2 }: the value is n / 10^scale */
function rational(s: string): { n: bigint; scale: number } {
  const m = /^(-?)(\d+)(?:\.(\d+))?$/u.exec(s);
  if (!m) throw new Error(`test: "${s}" is not a plain decimal`);
  const frac = m[3] ?? '';
  return { n: BigInt(`${m[1]}${m[2]}${frac}`), scale: frac.length };
}
/** a × 10^power = b, exactly */
function equalTimesPower(a: string, power: number, b: string): boolean {
  const x = rational(a);
  const y = rational(b);
  // x.n / 10^x.scale × 10^power = y.n / 10^y.scale  ⇔  x.n × 10^(power + y.scale) = y.n × 10^x.scale
  const left = power + y.scale;
  return left >= 0 ? x.n * 10n ** BigInt(left) * 1n === y.n * 10n ** BigInt(x.scale) : x.n === y.n * 10n ** BigInt(x.scale - left);
}
/** the significant digits as written: zeros after a point count, an integer's trailing zeros do not */
function significant(s: string): string {
  const digits = s.replace(/^-/u, '').replace('.', '').replace(/^0+/u, '');
  return s.includes('.') ? digits : digits.replace(/0+$/u, '');
}

describe('the English unit table', () => {
  it('has exactly the units of units.csv, and each shift is what the Chinese and English names say', () => {
    expect([...ENGLISH_UNIT_IDS].sort()).toEqual([...data.units.keys()].sort());
    for (const u of data.units.values()) {
      const en = englishUnit(u.id);
      expect(en.shift, `${u.id}: ${u.symbol_zh} → ${en.other || u.id}`).toBe(zhPower(u.symbol_zh) - enPower(en.other));
    }
  });
  it('refuses a unit it does not know, naming it', () => {
    expect(() => englishUnit('lakh-rupee')).toThrow(/"lakh-rupee"/u);
    expect(() => englishUnit('toString')).toThrow(/"toString"/u);
    expect(() => formatWithUnit('1', { id: 'lakh-rupee', symbol_zh: '', name_en: '' }, 'en')).toThrow(/lakh-rupee/u);
    expect(() => chartUnit({ id: 'lakh-rupee', symbol_zh: '' }, 'zh')).toThrow(/lakh-rupee/u);
  });
});

describe('every published and computed figure in English', () => {
  it('converts back to the published value exactly, with the same significant digits', () => {
    expect(data.figures.filter((f) => f.derived).length).toBeGreaterThan(0);
    for (const f of data.figures) {
      const u = unitRow(f.unit);
      const english = toEnglishValue(f.valueText, f.unit);
      const label = `${f.id}: ${f.valueText} ${u.symbol_zh} → ${english}`;
      expect(equalTimesPower(f.valueText, zhPower(u.symbol_zh) - enPower(englishUnit(f.unit).other), english), label).toBe(true);
      expect(significant(english), label).toBe(significant(f.valueText));
      expect(shiftDecimal(english, -englishUnit(f.unit).shift), label).toBe(f.valueText);
    }
  });
  it('prints that number, grouped in thousands, in the text with its unit and bound', () => {
    for (const f of data.figures) {
      const u = unitRow(f.unit);
      // worded as the quote bounds it: 近 and nearly read "nearly" (format.test.ts)
      const text = formatWithUnit(f.valueText, u, 'en', shownQualifier(f));
      const printed = /\u2212?[\d,]+(?:\.\d+)?/u.exec(text)?.[0] ?? '';
      expect(printed, `${f.id}: ${text}`).toMatch(/^\u2212?\d{1,3}(?:,\d{3})*(?:\.\d+)?$/u);
      expect(printed.replace(/,/gu, '').replace('\u2212', '-'), `${f.id}: ${text}`).toBe(toEnglishValue(f.valueText, f.unit));
      expect(text, f.id).not.toMatch(/[\u4e00-\u9fff]/u);
      expect(figureValue(f, data, 'en'), f.id).toBe(text);
    }
  });
  it('plots on an English chart at the number the English text gives', () => {
    for (const f of data.figures) {
      const cu = chartUnit(unitRow(f.unit), 'en');
      expect(cu.toAxis(f.value), f.id).toBe(Number(toEnglishValue(f.valueText, f.unit)));
      expect(chartUnit(unitRow(f.unit), 'zh').toAxis(f.value), f.id).toBe(f.value);
    }
  });
});

describe('the issue’s examples and the bounds', () => {
  const en = (value: string, unit: string, qualifier = 'exact') => formatWithUnit(value, unitRow(unit), 'en', qualifier);
  it('writes money in billions and trillions, keeping every published digit', () => {
    expect(en('4534', 'yi-yuan')).toBe('453.4 billion yuan');
    expect(en('37.5', 'yi-usd')).toBe('3.75 billion US dollars');
    expect(en('6407.0', 'yi-yuan')).toBe('640.70 billion yuan');
    expect(en('14136.46', 'yi-yuan')).toBe('1,413.646 billion yuan');
    expect(en('1700', 'yi-yuan', 'at-least')).toBe('170 billion yuan or more');
    expect(en('5', 'yi-yuan')).toBe('0.5 billion yuan');
    expect(en('1.57', 'wan-yi-yuan')).toBe('1.57 trillion yuan');
    expect(en('41000', 'billion-yuan')).toBe('41,000 billion yuan');
    expect(en('500', 'wan-usd')).toBe('5 million US dollars');
    expect(en('12', 'wan-usd')).toBe('0.12 million US dollars');
  });
  it('writes people and counts in full', () => {
    expect(en('9.25', 'wan-person')).toBe('92,500 people');
    expect(en('0.42', 'wan-person')).toBe('4,200 people');
    expect(en('1', 'person')).toBe('1 person');
    expect(en('182', 'person')).toBe('182 people');
    expect(en('4', 'wan-count', 'more-than')).toBe('more than 40,000');
    expect(en('1.5', 'wan-count', 'more-than')).toBe('more than 15,000');
    expect(en('1391', 'count')).toBe('1,391');
  });
  it('keeps every bound: more than, or more, about, less than', () => {
    expect(en('70', 'percent', 'more-than')).toBe('more than 70%');
    expect(en('150', 'count', 'at-least')).toBe('150 or more');
    expect(en('5200', 'mu', 'approximate')).toBe('about 5,200 mu');
    expect(en('217.95', 'billion-usd', 'approximate')).toBe('about 217.95 billion US dollars');
    expect(en('3', 'percent', 'less-than')).toBe('less than 3%');
    expect(() => en('1', 'count', 'roughly')).toThrow(/"roughly"/u);
  });
  it('writes shares, differences of shares and ranks', () => {
    expect(en('18.2', 'percent')).toBe('18.2%');
    expect(en('-2.5', 'percent')).toBe('\u22122.5%');
    expect(en('1.3', 'pp')).toBe('1.3 percentage points');
    expect(en('1', 'pp')).toBe('1 percentage point');
    expect(en('1.0', 'pp')).toBe('1.0 percentage points');
    expect(['1', '2', '3', '4', '11', '12', '13', '21', '22', '103'].map((n) => en(n, 'rank'))).toEqual([
      '1st',
      '2nd',
      '3rd',
      '4th',
      '11th',
      '12th',
      '13th',
      '21st',
      '22nd',
      '103rd',
    ]);
  });
  it('gives a label without the unit name for a chart whose axis names it', () => {
    expect(formatInUnit('4534', 'yi-yuan', 'en')).toBe('453.4');
    expect(formatInUnit('1700', 'yi-yuan', 'en', 'at-least')).toBe('170 or more');
    expect(formatInUnit('70', 'percent', 'en', 'more-than')).toBe('more than 70%');
    expect(formatInUnit('4534', 'yi-yuan', 'zh')).toBe('4534');
    expect(formatInUnit('150', 'count', 'zh', 'at-least')).toBe('150以上');
    expect(formatInUnit('70', 'percent', 'zh', 'more-than')).toBe('超70%');
  });
  it('groups a bare English number from four digits, without floating point', () => {
    expect(formatValue('1234.5', 'en')).toBe('1,234.5');
    expect(formatValue('6407.0', 'en')).toBe('6,407.0');
    expect(formatValue('999', 'en')).toBe('999');
    expect(formatValue('12345678901234567890.25', 'en')).toBe('12,345,678,901,234,567,890.25');
    expect(groupEnglish('-15700')).toBe('\u221215,700');
    expect(() => formatValue('1,234', 'en')).toThrow(/"1,234" is not a plain decimal/u);
  });
});

describe('shifting a decimal string', () => {
  const values = ['0', '1', '5', '10', '1700', '4534', '100000', '0.42', '9.25', '6407.0', '10.80', '0.001', '-3.50', '-1700', '26'];
  it('keeps value and significant digits for any power of ten, or says it cannot', () => {
    for (const v of values)
      for (let shift = -4; shift <= 4; shift++) {
        const label = `${v} × 10^${shift}`;
        const frac = v.split('.')[1] ?? '';
        // a published zero after the point that would end up before it cannot be shown
        const loses = shift > 0 && frac.endsWith('0') && frac.length <= shift && significant(v) !== '';
        if (loses) {
          expect(() => shiftDecimal(v, shift), label).toThrow(/significant zero/u);
          continue;
        }
        const out = shiftDecimal(v, shift);
        expect(equalTimesPower(v, shift, out), `${label} = ${out}`).toBe(true);
        if (significant(v) !== '') expect(significant(out), `${label} = ${out}`).toBe(significant(v));
        if (significant(v) !== '') expect(shiftDecimal(out, -shift), `${label} = ${out}`).toBe(v);
      }
  });
  it('refuses what is not a plain decimal', () => {
    for (const bad of ['', '1e3', '1,000', ' 12', '12.', '.5', '+3', 'NaN'])
      expect(() => shiftDecimal(bad, 1), bad).toThrow(/not a plain decimal/u);
    expect(() => shiftDecimal('1', 0.5)).toThrow(/whole power of ten/u);
  });
});

describe('the unit a chart plots in', () => {
  it('shifts English charts to the English unit and leaves Chinese ones as published', () => {
    const en = chartUnit(unitRow('yi-yuan'), 'en');
    expect({ shift: en.shift, factor: en.factor, label: en.label, at: en.toAxis(4534) }).toEqual({
      shift: -1,
      factor: 0.1,
      label: 'billion yuan',
      at: 453.4,
    });
    expect(chartUnit(unitRow('wan-person'), 'en').toAxis(9.25)).toBe(92500);
    expect(chartUnit(unitRow('wan-person'), 'en').label).toBe('people');
    expect(chartUnit(unitRow('count'), 'en').label).toBe('number');
    // numbers a chart computes (sums, bounds) shift without floating-point noise too
    expect(en.toAxis(4457.4)).toBe(445.74);
    expect(en.toAxis(1e-7)).toBe(1e-8);
    expect(chartUnit(unitRow('wan-count'), 'en').toAxis(1e21)).toBe(1e25);
    const zh = chartUnit(unitRow('yi-yuan'), 'zh');
    expect({ shift: zh.shift, factor: zh.factor, label: zh.label, at: zh.toAxis(4534) }).toEqual({
      shift: 0,
      factor: 1,
      label: '亿元',
      at: 4534,
    });
  });
});

describe('dates and periods in English', () => {
  const words = { monthUnstated: '(month not stated)', yearUnstated: '(year not stated)' };
  const zhWords = { monthUnstated: '（月份未说明）', yearUnstated: '（年份未说明）' };
  it('writes day month year, and says what the source leaves out where it would stand', () => {
    expect(formatIsoDate('2023-02-20', 'en')).toBe('20 February 2023');
    expect(formatPartialDate({ year: '2023', month: '2', day: '20' }, 'en', words)).toBe('20 February 2023');
    expect(formatPartialDate({ year: '2023', month: '02', day: '' }, 'en', words)).toBe('February 2023');
    expect(formatPartialDate({ year: '2023', month: '', day: '' }, 'en', words)).toBe('2023');
    expect(formatPartialDate({ year: '2025', month: '', day: '26' }, 'en', words)).toBe('2025, day 26 (month not stated)');
    expect(formatPartialDate({ year: '', month: '3', day: '17' }, 'en', words)).toBe('17 March (year not stated)');
    expect(formatPartialDate({ year: '', month: '3', day: '17' }, 'en', { ...words, yearUnstated: '' })).toBe('17 March');
  });
  it('refuses a day the calendar does not have, in either language', () => {
    expect(() => formatPartialDate({ year: '2023', month: '2', day: '29' }, 'en', words)).toThrow(/not a calendar date/u);
    expect(() => formatPartialDate({ year: '2023', month: '2', day: '30' }, 'zh', zhWords)).toThrow(/not a calendar date/u);
    expect(formatPartialDate({ year: '2024', month: '2', day: '29' }, 'en', words)).toBe('29 February 2024');
    expect(formatPartialDate({ year: '', month: '2', day: '29' }, 'zh', zhWords)).toBe('（年份未说明）2月29日');
    expect(() => formatPartialDate({ year: '', month: '4', day: '31' }, 'en', words)).toThrow(/not a calendar date/u);
    expect(() => formatIsoDate('2023-13-01', 'en')).toThrow(/2023-13-01/u);
  });
  it('names periods the way English writes them', () => {
    expect(formatPeriod('2023-01-01', '2023-12-31', 'en')).toBe('2023');
    expect(formatPeriod('2023-01-01', '2023-06-30', 'en')).toBe('H1 2023');
    expect(formatPeriod('2023-07-01', '2023-12-31', 'en')).toBe('H2 2023');
    expect(formatPeriod('2024-01-01', '2024-03-31', 'en')).toBe('Q1 2024');
    expect(formatPeriod('2024-10-01', '2024-12-31', 'en')).toBe('Q4 2024');
    expect(formatPeriod('2021-01-01', '2021-05-31', 'en')).toBe('January–May 2021');
    expect(formatPeriod('2023-06-01', '2023-06-30', 'en')).toBe('June 2023');
    expect(formatPeriod('2019-01-01', '2023-12-31', 'en')).toBe('2019–2023');
    expect(formatPeriod('2019-01-01', '2020-06-30', 'en')).toBe('January 2019 – June 2020');
    expect(formatPeriod('2021-03-01', '2021-03-08', 'en')).toBe('1–8 March 2021');
    expect(formatPeriod('2023-02-20', '2023-06-30', 'en')).toBe('20 February – 30 June 2023');
    expect(formatPeriod('2023-01-01', '2024-02-28', 'en')).toBe('1 January 2023 – 28 February 2024');
    expect(formatPeriod('2020-06-30', '2020-06-30', 'en')).toBe('30 June 2020');
    expect(() => formatPeriod('2023-06-30', '2023-01-01', 'en')).toThrow(/ends before it starts/u);
  });
  it('names every period in the data without a Chinese character', () => {
    for (const f of data.figures)
      expect(formatPeriod(f.period_start, f.period_end, 'en'), f.id).not.toMatch(/[\u4e00-\u9fff]|\d{4}-\d{2}/u);
  });
});

describe('numbers in English notes', () => {
  it('reads Chinese units in English ones, and leaves quoted Chinese phrases as printed', () => {
    expect(englishUnitsInText('The 2021 bulletin (8498.4亿元, +32.4%) implies about 6419亿元.')).toBe(
      'The 2021 bulletin (849.84 billion yuan, +32.4%) implies about 641.9 billion yuan.',
    );
    expect(englishUnitsInText('brought in 1.4亿美元 and 9.25万人')).toBe('brought in 0.14 billion US dollars and 92,500 people');
    expect(englishUnitsInText('stated as 超10亿元 in the text')).toBe('stated as 超10亿元 in the text');
    expect(englishUnitsInText('no units here, 2024')).toBe('no units here, 2024');
  });
});
