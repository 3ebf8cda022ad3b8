/**
 * The formula language: one parser, exact refusals, interval arithmetic that is linear in
 * the number of inputs, and cycles named.
 */
import { describe, expect, it } from 'vitest';
import {
  evaluateFormula,
  evaluateInterval,
  findCycles,
  FormulaError,
  formulaParts,
  parseFormula,
  refsOf,
  renderFormula,
} from '../../src/lib/data/formula.ts';

const values: Record<string, number> = { a: 408, b: 29.4, c: 0, d: 2 };
const at = (id: string) => {
  const v = values[id];
  if (v === undefined) throw new Error(id);
  return v;
};

describe('parseFormula', () => {
  it('reads numbers, {id}, + - * / ^, parentheses and unary minus with the usual precedence', () => {
    const ev = (s: string) => evaluateFormula(parseFormula(s), at);
    expect(ev('{a} / {b} * 100')).toBeCloseTo((408 / 29.4) * 100, 9);
    expect(ev('100 - {d} - {d}')).toBe(96);
    expect(ev('-{d} ^ 2')).toBe(-4);
    expect(ev('{d} ^ 3 ^ 2')).toBe(2 ** 9);
    expect(ev('({d} + 1) * -(1 + {d})')).toBe(-9);
    expect(ev('((1 + {d} / 100) * (1 + {d} / 100)) ^ 0.5 * 100 - 100')).toBeCloseTo(2, 9);
  });

  it('lists each id once, in order of first appearance', () => {
    expect(parseFormula('{b} - {a} / (1 + {b})').refs).toEqual(['b', 'a']);
    expect(refsOf('{x} + ')).toEqual([]);
  });

  it.each([
    ['{a} +', 'at the end'],
    ['{a} ** 2', 'unexpected character at character 6'],
    ['{A}', 'not followed by an id'],
    ['{a', 'not closed by "}"'],
    ['({a} + 1', 'unclosed "("'],
    ['{a} {b}', 'something after a complete expression'],
    ['1 + 2', 'refers to no figure'],
    ['', 'is empty'],
    ['{a} + 1e5', 'something after'],
    ['{a}; DROP', 'something after'],
    [`${'('.repeat(5000)}{a}${')'.repeat(5000)}`, 'nests parentheses deeper than 100'],
    [`${'-'.repeat(5000)}{a}`, 'repeats "-"'],
  ])('refuses %j with a message saying where (%s)', (text, message) => {
    expect(() => parseFormula(text)).toThrow(FormulaError);
    expect(() => parseFormula(text)).toThrow(message);
  });
});

describe('evaluateInterval', () => {
  const half = (id: string) => ({ low: at(id) - 0.05, high: at(id) + 0.05 });

  it('gives the exact range of a formula whose inputs occur once', () => {
    const r = evaluateInterval(parseFormula('{a} / {b} * 100'), half);
    expect(r.low).toBeCloseTo((407.95 / 29.45) * 100, 9);
    expect(r.high).toBeCloseTo((408.05 / 29.35) * 100, 9);
  });

  it('refuses division by an input whose rounding interval contains zero', () => {
    expect(() => evaluateInterval(parseFormula('{a} / {c}'), half)).toThrow(/divides by \{c\}, which can be zero/u);
    expect(() => evaluateInterval(parseFormula('{a} / ({d} - 2)'), half)).toThrow(/can be zero/u);
  });

  it('checks a relation of 50 inputs in well under a second (linear, not 2^50 corners)', () => {
    const ids = Array.from({ length: 50 }, (_, i) => `d${i}`);
    const f = parseFormula(ids.map((id) => `{${id}}`).join(' + '));
    const t0 = performance.now();
    const r = evaluateInterval(f, () => ({ low: 0.95, high: 1.05 }));
    const ms = performance.now() - t0;
    expect(r.low).toBeCloseTo(47.5, 9);
    expect(r.high).toBeCloseTo(52.5, 9);
    expect(ms).toBeLessThan(100);
  });
});

describe('formula parts and display', () => {
  const f = parseFormula('{a} / ({b} * 10000) * 100');
  it('cuts at references and keeps the text between them as written', () => {
    expect(formulaParts(f)).toEqual([{ text: '{a}', ref: 'a' }, { text: ' / (' }, { text: '{b}', ref: 'b' }, { text: ' * 10000) * 100' }]);
  });
  it('renders with numbers in place of ids', () => {
    expect(renderFormula(f, (id) => String(values[id]))).toBe('408 / (29.4 * 10000) * 100');
  });
});

describe('findCycles', () => {
  it('names a figure that refers to itself, and two that refer to each other', () => {
    expect(findCycles(new Map([['x', ['x']]]))).toEqual([['x', 'x']]);
    expect(
      findCycles(
        new Map([
          ['a', ['p', 'b']],
          ['b', ['a']],
        ]),
      ),
    ).toEqual([['a', 'b', 'a']]);
  });
  it('finds none in a chain that ends in published figures', () => {
    expect(
      findCycles(
        new Map([
          ['a', ['b', 'p']],
          ['b', ['p', 'q']],
        ]),
      ),
    ).toEqual([]);
  });
  it('follows a chain of 100 000 derived figures without exhausting the stack', () => {
    const deps = new Map(Array.from({ length: 100_000 }, (_, i) => [`n${i}`, [`n${i + 1}`]] as [string, string[]]));
    deps.set('n99999', ['n0']);
    expect(findCycles(deps)[0]).toHaveLength(100_001);
  });
});
