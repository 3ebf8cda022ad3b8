/**
 * Rule: formulas compute. A derived figure's formula parses, refers to figures that exist,
 * is in no cycle and can be evaluated within the rounding of its inputs (whether the printed
 * value matches it at its precision is series-checks.ts's); each relation of arithmetic.csv
 * holds within rounding, or is marked as the discrepancy it is.
 */
import { decimalsOf, inexactValue } from '../../text/numbers-in-text.ts';
import { evaluateFormula, evaluateInterval, findCycles, FormulaError, parseFormula, type Formula, type Interval } from '../formula.ts';
import type { Located } from '../csv.ts';
import type { At, Tables } from './types.ts';

export interface ArithmeticOutcome {
  id: string;
  formula: string;
  equals: string;
  published: number;
  computedLow: number;
  computedHigh: number;
  expect: 'holds' | 'discrepancy';
  holds: boolean;
  note: string;
  noteZh: string;
}

export function checkFormulas(tables: Pick<Tables, 'figures' | 'derived' | 'arithmetic'>, at: At, stats: { derivedChecked: number }): ArithmeticOutcome[] {
  const figureById = new Map(tables.figures.map((r) => [r.row.id, r]));
  const derivedById = new Map(tables.derived.map((r) => [r.row.id, r]));
  const valueOf = (id: string): { value: number; decimals: number } | undefined => {
    const f = figureById.get(id);
    if (f) return { value: Number(f.row.value), decimals: decimalsOf(f.row.value) };
    const d = derivedById.get(id);
    if (d) return { value: Number(d.row.value), decimals: Number(d.row.decimals) };
    return undefined;
  };
  /** A formula whose ids all exist, or undefined after reporting what is wrong with it. */
  const usable = (r: Located<unknown>, text: string): Formula | undefined => {
    let f: Formula;
    try {
      f = parseFormula(text);
    } catch (e) {
      if (!(e instanceof FormulaError)) throw e;
      at(r, 'formula', e.message);
      return undefined;
    }
    const unknown = f.refs.filter((id) => !valueOf(id));
    for (const id of unknown) at(r, 'formula', `"${id}" is not an id in figures.csv or derived.csv`);
    return unknown.length === 0 ? f : undefined;
  };
  // each published number stands for the interval it was rounded from
  const intervalOf = (id: string): Interval => {
    const v = valueOf(id) as { value: number; decimals: number };
    const half = 0.5 * 10 ** -v.decimals;
    return { low: v.value - half, high: v.value + half };
  };
  // a cycle first: a figure computed from itself has no value to compare, so it is not evaluated
  const parsedDerived = new Map<string, Formula>();
  for (const r of tables.derived) {
    const f = usable(r, r.row.formula);
    if (f) parsedDerived.set(r.row.id, f);
  }
  const inCycle = new Set<string>();
  for (const cycle of findCycles(new Map([...parsedDerived].map(([id, f]) => [id, f.refs])))) {
    const first = derivedById.get(cycle[0] as string);
    if (first) at(first, 'formula', `derived figures refer to each other in a cycle: ${cycle.join(' → ')}; a derived figure must be computed from published figures in the end`);
    for (const id of cycle) inCycle.add(id);
  }
  for (const r of tables.derived) {
    const d = r.row;
    if (inexactValue(d.value)) continue; // reported by the values rule
    const f = parsedDerived.get(d.id);
    if (!f || inCycle.has(d.id)) continue;
    try {
      // an input that rounds to zero, or could, makes the quotient meaningless
      evaluateInterval(f, intervalOf);
      evaluateFormula(f, (id) => (valueOf(id) as { value: number }).value);
      stats.derivedChecked++; // the value against the formula and its precision: series-checks.ts
    } catch (e) {
      if (!(e instanceof FormulaError)) throw e;
      at(r, 'formula', e.message);
    }
  }

  // arithmetic the articles imply
  const arithmetic: ArithmeticOutcome[] = [];
  for (const r of tables.arithmetic) {
    const a = r.row;
    const target = valueOf(a.equals);
    if (!target) continue; // an unknown id: reported by the references rule
    const f = usable(r, a.formula);
    if (!f) continue;
    let range: Interval;
    try {
      range = evaluateInterval(f, intervalOf);
    } catch (e) {
      if (!(e instanceof FormulaError)) throw e;
      at(r, 'formula', e.message);
      continue;
    }
    const half = 0.5 * 10 ** -target.decimals + 1e-9;
    const holds = range.low - half <= target.value && target.value <= range.high + half;
    arithmetic.push({ id: a.id, formula: a.formula, equals: a.equals, published: target.value, computedLow: range.low, computedHigh: range.high, expect: a.expect, holds, note: a.note, noteZh: a.note_zh });
    if (a.expect === 'holds' && !holds) at(r, 'formula', `gives ${fmtRange(range.low, range.high)}, but ${a.equals} is ${target.value}: it does not hold within rounding (mark it discrepancy and explain, or fix the figures)`);
    if (a.expect === 'discrepancy' && holds) at(r, 'expect', `marked discrepancy, but it holds within rounding (${fmtRange(range.low, range.high)} vs ${target.value})`);
  }

  return arithmetic;
}

function fmtRange(low: number, high: number): string {
  return Math.abs(high - low) < 1e-9 ? `${round6(low)}` : `${round6(low)}…${round6(high)}`;
}
function round6(n: number): number {
  return Math.round(n * 1e6) / 1e6;
}
