import { describe, expect, it } from 'vitest';
import { findNumbers, shiftDecimal, chineseValue } from '../../src/lib/ingest/numbers.ts';

const values = (s: string) => findNumbers(s).map((t) => [t.value, t.multiplier]);

describe('ingest: numbers as published', () => {
  it('reads Arabic, full-width, Chinese and mixed numerals, keeping the multiplier for the unit', () => {
    expect(values('收入3150.7亿元')).toEqual([['3150.7', '亿']]);
    expect(values('新开门店１８家')).toEqual([['18', '']]);
    expect(values('接待游客四百二十一万人次')).toEqual([['421', '万']]);
    expect(values('两千名志愿者')).toEqual([['2000', '']]);
    expect(values('约2.6万人')).toEqual([['2.6', '万']]);
    expect(values('8千多个摊位')).toEqual([['8000', '']]);
    expect(values('规模达3.05万亿')).toEqual([['3.05', '万亿']]);
    expect(values('过万家')).toEqual([['1', '万']]);
    expect(values('突破千亿元')).toEqual([['1000', '亿']]);
    expect(values('共1,204个')).toEqual([['1204', '']]);
  });

  it('keeps the decimals as printed (no float noise)', () => {
    expect(values('增长7.0%')).toEqual([['7.0', '']]);
    expect(shiftDecimal('0.07', 3)).toBe('70');
    expect(shiftDecimal('1.25', 3)).toBe('1250');
    expect(shiftDecimal('3', 2)).toBe('300');
  });

  it('a run of bare digits (一二线, 二〇二五) is not one number', () => {
    expect(chineseValue('一二')).toBeUndefined();
    expect(chineseValue('二〇二五')).toBeUndefined();
    expect(chineseValue('三百零五')).toBe('305');
  });
});
