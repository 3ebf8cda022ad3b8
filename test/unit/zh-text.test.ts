import { describe, expect, it } from 'vitest';
import { fullWidthPunctuation, siteZh, unreadableInWords } from '../../src/lib/text/zh-text.ts';

describe('Chinese the site writes', () => {
  it('sets punctuation full-width inside Chinese sentences and leaves numbers and Latin alone', () => {
    expect(fullWidthPunctuation('作为一部分,胶州湾综合保税区通过验收。')).toBe('作为一部分，胶州湾综合保税区通过验收。');
    expect(fullWidthPunctuation('青岛市“双招双引”(2.0版)攻势')).toBe('青岛市“双招双引”（2.0版）攻势');
    expect(fullWidthPunctuation('发布会(2020年经济运行情况)')).toBe('发布会（2020年经济运行情况）');
    expect(fullWidthPunctuation('1,234.5 and 12:30 (RCEP) stay; a, b')).toBe('1,234.5 and 12:30 (RCEP) stay; a, b');
    expect(fullWidthPunctuation('原文称:增长')).toBe('原文称：增长');
    expect(fullWidthPunctuation('舜网 (新黄河)')).toBe('舜网（新黄河）');
  });

  it('writes simplified characters', () => {
    expect(siteZh('國際商報')).toBe('国际商报');
  });

  it('says an unreadable character in words', () => {
    expect(unreadableInWords('青岛-上⟪?⟫现代服务业', '〔一字无法辨认〕')).toBe('青岛-上〔一字无法辨认〕现代服务业');
  });
});
