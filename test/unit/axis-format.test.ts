/**
 * An axis writes numbers as the edition's labels, tables and tooltips do (issue 20: one format
 * per edition): Chinese groups from five digits, English from four.
 */
import { describe, expect, it } from 'vitest';
import { axisValue } from '../../src/charts/kit/chart-kit.ts';
import { formatValue } from '../../src/lib/words/format.ts';

describe('axis numbers', () => {
  it.each([
    [5000, 'zh', '5000'],
    [15000, 'zh', '15,000'],
    [0.5, 'zh', '0.5'],
    [40, 'zh', '40'],
  ] as const)('%s on a Chinese 亿元 axis is %s, as a label writes it', (v, lang, shown) => {
    expect(axisValue(v, 'yi-yuan', lang)).toBe(shown);
    expect(axisValue(v, 'yi-yuan', lang)).toBe(formatValue(String(v), lang));
  });
  it('an English axis counts 亿元 in billions, grouped from four digits', () => {
    expect(axisValue(15000, 'yi-yuan', 'en')).toBe('1,500');
    expect(axisValue(50000, 'yi-yuan', 'en')).toBe('5,000');
  });
});
