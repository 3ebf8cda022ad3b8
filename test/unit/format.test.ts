import { describe, expect, it } from 'vitest';
import { formatIsoDate, formatPartialDate, formatPeriod, formatValue, formatWithUnit, shownQualifier } from '../../src/lib/words/format.ts';

const unit = (id: string, symbol_zh: string, name_en = id) => ({ id, symbol_zh, name_en });

describe('formatting for Chinese readers', () => {
  it('keeps the decimals a value was published with, and groups only from five digits', () => {
    expect(formatValue('2146.6')).toBe('2146.6');
    expect(formatValue('6407.0')).toBe('6407.0');
    expect(formatValue('15700')).toBe('15,700');
  });
  it('writes units and qualifiers the way the sources do', () => {
    expect(formatWithUnit('29.4', unit('yi-usd', '亿美元'))).toBe('29.4亿美元');
    expect(formatWithUnit('150', unit('count', '个'), 'zh', 'at-least')).toBe('150以上');
    expect(formatWithUnit('70', unit('percent', '%'), 'zh', 'more-than')).toBe('超70%');
    expect(formatWithUnit('5', unit('rank', '位'))).toBe('第5位');
    expect(formatWithUnit('4.4', unit('pp', '个百分点'))).toBe('4.4个百分点');
    expect(formatWithUnit('911.72', unit('billion-yuan', '十亿元', 'billion yuan'), 'zh', 'approximate')).toBe('约9117.2亿元');
  });
  it('refuses a qualifier it has no words for', () => {
    expect(() => formatWithUnit('1', unit('count', '个'), 'zh', 'roughly')).toThrow(/format\.qualifier\.roughly/u);
  });
  it('writes dates and periods, saying what is not stated', () => {
    expect(formatIsoDate('2024-02-28')).toBe('2024年2月28日');
    expect(
      formatPartialDate({ year: '2025', month: '', day: '26' }, 'zh', { monthUnstated: '（月份未说明）', yearUnstated: '（年份未说明）' }),
    ).toBe('2025年（月份未说明）26日');
    expect(formatPeriod('2024-01-01', '2024-03-31')).toBe('2024年一季度');
    expect(formatPeriod('2020-01-01', '2020-06-30')).toBe('2020年上半年');
    expect(formatPeriod('2021-01-01', '2021-05-31')).toBe('2021年1—5月');
  });
});

describe('近 is a ceiling: "nearly", not "about" (issue 25)', () => {
  const yi = { id: 'yi-yuan', symbol_zh: '亿元', name_en: '100 million yuan' };
  it.each([
    ['approximate', '全年实现近1.5万亿元', 'nearly'],
    ['approximate', '新增企业近千家', 'nearly'],
    ['approximate', "Qingdao's GDP reached nearly 1.5 trillion yuan", 'nearly'],
    ['approximate', 'almost 40 projects', 'nearly'],
    ['approximate', '近年来实际使用外资约29.4亿美元', 'approximate'],
    ['approximate', '约5200亩', 'approximate'],
    ['more-than', '近年来首次突破10亿美元', 'more-than'],
    ['exact', '最近签约项目15个', 'exact'],
  ])('%s with the quote %s is worded %s', (qualifier, quote, shown) => {
    expect(shownQualifier({ qualifier, quote })).toBe(shown);
  });
  it('reads 近 in Chinese and nearly in English; the data keeps approximate', () => {
    expect(formatWithUnit('14999', yi, 'zh', 'nearly')).toBe('近14,999亿元');
    expect(formatWithUnit('14999', yi, 'en', 'nearly')).toBe('nearly 1,499.9 billion yuan');
  });
});

describe('the published digits, never a float’s (issue 25)', () => {
  // the check admits at most 15 significant digits (inexactValue); within that both editions print the string as published
  it.each([
    ['123456789012.345', '123,456,789,012.345'],
    ['99999999999999.9', '99,999,999,999,999.9'],
    ['0.000000000000001', '0.000000000000001'],
    ['6.0', '6.0'],
    ['1234.50', '1234.50'],
  ])('%s prints as %s in Chinese', (value, zh) => {
    expect(formatValue(value, 'zh')).toBe(zh);
    expect(formatValue(value, 'en').replaceAll(',', '')).toBe(value);
  });
});
