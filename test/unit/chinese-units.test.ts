/** Money published in English units reads in 亿 and 万亿 on Chinese pages, converted exactly. */
import { describe, expect, it } from 'vitest';
import { toChineseMoney } from '../../src/lib/words/chinese-units.ts';
import { formatWithUnit } from '../../src/lib/words/format.ts';

describe('toChineseMoney', () => {
  it('moves the decimal point: billions to 亿, and to 万亿 from 10,000 亿 up', () => {
    expect(toChineseMoney('911.72', 'billion-yuan')).toEqual({ value: '9117.2', symbol: '亿元' });
    expect(toChineseMoney('41000', 'billion-yuan')).toEqual({ value: '41', symbol: '万亿元' });
    expect(toChineseMoney('3330', 'billion-yuan')).toEqual({ value: '3.33', symbol: '万亿元' });
    expect(toChineseMoney('1.38', 'trillion-yuan')).toEqual({ value: '1.38', symbol: '万亿元' });
    expect(toChineseMoney('60.55', 'billion-usd')).toEqual({ value: '605.5', symbol: '亿美元' });
    expect(toChineseMoney('37.5', 'yi-usd')).toBeUndefined();
  });

  it('writes the Chinese edition without English unit names or 十亿', () => {
    const unit = (id: string) => ({ id, symbol_zh: id === 'billion-yuan' ? '十亿元' : '万亿元', name_en: id });
    expect(formatWithUnit('1.5', unit('trillion-yuan'), 'zh', 'approximate')).toBe('约1.5万亿元');
    expect(formatWithUnit('41000', unit('billion-yuan'), 'zh')).toBe('41万亿元');
  });
});
