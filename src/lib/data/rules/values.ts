/**
 * Rule: values as published. A figure's value is stated in its quote, digit for digit and
 * with the same decimals (compared as decimal strings: 6.0 is not a quote's 6); no value has
 * more significant digits than the site computes with exactly; a count is never negative and
 * whole unless its unit counts in 万 or the like; a computed value has the decimals its row says.
 */
import { numberTextsIn, decimalsOf, inexactValue } from '../../text/numbers-in-text.ts';
import type { At, Tables } from './types.ts';

export function checkValues(tables: Pick<Tables, 'figures' | 'derived' | 'units' | 'indicators'>, at: At, stats: { valuesChecked: number }): void {
  const unitKind = new Map(tables.units.map((r) => [r.row.id, r.row.kind]));
  const unitSymbol = new Map(tables.units.map((r) => [r.row.id, r.row.symbol_zh]));
  const indicatorUnit = new Map(tables.indicators.map((r) => [r.row.id, r.row.unit]));
  const countRule = (value: string, symbol: string): string | undefined => {
    if (Number(value) < 0) return `${value} is negative, but the unit is a count: a count cannot be below zero`;
    if (!/[十百千万亿]/u.test(symbol) && !Number.isInteger(Number(value))) return `${value} is not a whole number, but the unit (${symbol}) counts single things`;
    return undefined;
  };

  for (const r of tables.figures) {
    const f = r.row;
    // a unit that differs from its indicator's is reported already; its kind says nothing then
    const countProblem = unitKind.get(f.unit) === 'count' && indicatorUnit.get(f.indicator) === f.unit ? countRule(f.value, unitSymbol.get(f.unit) ?? '') : undefined;
    const inexact = inexactValue(f.value);
    const stated = numberTextsIn(f.quote);
    if (inexact) at(r, 'value', inexact);
    else if (countProblem) at(r, 'value', countProblem);
    else if (!stated.includes(f.value)) {
      // the same number with other decimals (6.0 for a quote's 6) is named as such
      const near = stated.find((n) => Number(n) === Number(f.value));
      at(
        r,
        'value',
        near !== undefined
          ? `${f.value} is not written as the quote writes it (${near}): give the value with the digits and decimals the source prints`
          : `${f.value} is not stated in the quote (numbers found: ${stated.join(', ') || 'none'})`,
      );
    } else stats.valuesChecked++;
  }

  for (const r of tables.derived) {
    const d = r.row;
    const inexact = inexactValue(d.value);
    if (inexact) {
      at(r, 'value', inexact);
      continue;
    }
    if (decimalsOf(d.value) !== Number(d.decimals)) at(r, 'value', `has ${decimalsOf(d.value)} decimals, the decimals column says ${d.decimals}`);
    if (unitKind.get(d.unit) === 'count' && Number(d.value) < 0) at(r, 'value', `${d.value} is negative, but the unit (${d.unit}) is a count: a count cannot be below zero (check the formula and its inputs)`);
  }
}
