/**
 * Money published in English units (billion yuan, trillion yuan, billion US dollars) as a
 * Chinese reader counts it: 亿 and 万亿, converted by moving the decimal point, never by
 * floating-point arithmetic, so 911.72 billion yuan is 9117.2亿元 exactly. The published value
 * stays in the quote.
 */
import { shiftDecimal } from './english-units.ts';

/** [symbol, power of ten from the published unit to it]; the first that keeps the number under 10,000 is used */
const CHINESE_MONEY: Record<string, [string, number][]> = {
  'billion-yuan': [
    ['亿元', 1],
    ['万亿元', -3],
  ],
  'trillion-yuan': [['万亿元', 0]],
  'billion-usd': [
    ['亿美元', 1],
    ['万亿美元', -3],
  ],
};

/** The value in 亿元/万亿元 (亿美元), or undefined for a unit Chinese already counts in. */
export function toChineseMoney(value: string, unitId: string): { value: string; symbol: string } | undefined {
  const steps = CHINESE_MONEY[unitId];
  if (!steps) return undefined;
  for (const [symbol, shift] of steps) {
    const v = shiftDecimal(value, shift);
    if (Math.abs(Number(v)) < 10000 || symbol === steps[steps.length - 1]?.[0]) return { value: v, symbol };
  }
  return undefined;
}
