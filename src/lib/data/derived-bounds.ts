/**
 * What a computed figure may claim. Two rules, both written in data/README.md ("Computed
 * figures: bounds and precision"):
 *
 * 1. Bounds flow through the formula. An input published as a bound ("at least", "more than",
 *    "less than") makes the result a bound too. Which way is found by the formula's
 *    monotonicity in that input: the formula is evaluated with the input nudged upwards, and
 *    the sign of the change says whether a floor on the input is a floor or a ceiling on the
 *    result. All bounds pointing the same way give that bound (strict when any input is
 *    strict); bounds pointing opposite ways, or any "about" input, give `approximate`.
 * 2. Printed precision follows the inputs (significance arithmetic): a sum or difference is
 *    no finer than its coarsest input's last decimal; a product or quotient keeps no more
 *    significant figures than its least precise input; constants (100, 1, 10, 10000) are exact.
 *    A computed value may be rounded more coarsely than that, never more finely. Every digit
 *    of a published input counts, an integer's trailing zeros included (9300 has four
 *    significant figures: no source marks its rounding, and a count's zeros are exact); a
 *    computed value's trailing integer zeros are placeholders (680 for two figures).
 */
import { evaluateFormula, parseFormula, refsOf, type Formula, type FormulaNode } from './formula.ts';
import { decimalsOf } from '../text/numbers-in-text.ts';

export type Qualifier = 'exact' | 'approximate' | 'at-least' | 'more-than' | 'less-than';

export interface InputInfo {
  value: number;
  /** the value as printed, for its precision */
  text: string;
  qualifier: Qualifier;
}

export interface BoundResult {
  qualifier: Qualifier;
  /** which rule gave the qualifier, in words (English) */
  rule: string;
  /** each bounded input and which way it bounds the result */
  inputs: { id: string; qualifier: Qualifier; direction: 'lower' | 'upper' | 'none' }[];
}

export function formulaRefs(formula: string): string[] {
  return refsOf(formula);
}

/** The formula at the given values; NaN where it cannot be evaluated (the formula check reports why). */
function run(f: Formula | undefined, valueOf: (id: string) => number): number {
  if (!f) return Number.NaN;
  try {
    return evaluateFormula(f, valueOf);
  } catch {
    return Number.NaN;
  }
}

function parsed(formula: string): Formula | undefined {
  try {
    return parseFormula(formula);
  } catch {
    return undefined;
  }
}

/** Rule 1: the bound a computed figure inherits from its inputs. */
export function boundOf(formula: string, inputOf: (id: string) => InputInfo | undefined): BoundResult {
  const f = parsed(formula);
  const refs = f?.refs ?? [];
  const infos = refs.map((id) => ({ id, info: inputOf(id) }));
  const valueOf = (id: string) => inputOf(id)?.value ?? Number.NaN;
  const base = run(f, valueOf);
  const inputs: BoundResult['inputs'] = [];
  let approximate = false;
  let strict = false;
  const directions = new Set<'lower' | 'upper'>();
  infos.forEach(({ id, info }) => {
    if (!info || info.qualifier === 'exact') return;
    if (info.qualifier === 'approximate') {
      approximate = true;
      inputs.push({ id, qualifier: info.qualifier, direction: 'none' });
      return;
    }
    const step = Math.max(Math.abs(info.value) * 1e-6, 1e-9);
    const nudged = run(f, (other) => (other === id ? info.value + step : valueOf(other)));
    const slope = Math.sign(nudged - base);
    const inputIsFloor = info.qualifier === 'at-least' || info.qualifier === 'more-than';
    let direction: 'lower' | 'upper' | 'none' = 'none';
    if (slope !== 0) direction = (slope > 0) === inputIsFloor ? 'lower' : 'upper';
    if (direction !== 'none') {
      directions.add(direction);
      if (info.qualifier !== 'at-least') strict = true;
    }
    inputs.push({ id, qualifier: info.qualifier, direction });
  });
  if (approximate) return { qualifier: 'approximate', rule: 'an input is approximate (约, about), so the result is approximate', inputs };
  if (directions.size === 0) return { qualifier: 'exact', rule: 'every input is exact', inputs };
  if (directions.size === 2) return { qualifier: 'approximate', rule: 'inputs bound the result in opposite directions, so it is neither a floor nor a ceiling', inputs };
  if (directions.has('lower')) {
    return strict
      ? { qualifier: 'more-than', rule: 'a floor on an input is a floor on the result, and one input is strict (more than)', inputs }
      : { qualifier: 'at-least', rule: 'a floor on an input is a floor on the result (at least)', inputs };
  }
  return { qualifier: 'less-than', rule: 'a floor on an input is a ceiling on the result (the formula falls as the input rises)', inputs };
}

/** Precision of a printed number: the power of ten of its last significant digit. */
interface Sig {
  value: number;
  /** power of ten of the last significant digit; -Infinity for exact constants */
  place: number;
}

const sigFigures = (s: Sig): number => (s.place === -Infinity ? Infinity : Math.floor(Math.log10(Math.abs(s.value) || 1)) - s.place + 1);
const placeFor = (value: number, figures: number): number => (figures === Infinity ? -Infinity : Math.floor(Math.log10(Math.abs(value) || 1)) - figures + 1);

/**
 * Rule 2: the power of ten of the last digit a computed value may print (0: units, -1: one
 * decimal, 2: hundreds). Returns undefined when the formula uses an operation the rule does not
 * cover; the check then only asks that the value match the formula.
 */
export function significantPlace(formula: string, inputOf: (id: string) => InputInfo | undefined): number | undefined {
  const walk = (node: FormulaNode): Sig | undefined => {
    switch (node.kind) {
      case 'number':
        return { value: node.value, place: -Infinity };
      case 'ref': {
        const info = inputOf(node.id);
        if (!info) return undefined;
        return { value: info.value, place: -decimalsOf(info.text) };
      }
      case 'neg': {
        const a = walk(node.arg);
        return a && { value: -a.value, place: a.place };
      }
      case 'binary': {
        const a = walk(node.left);
        const b = walk(node.right);
        if (!a || !b) return undefined;
        if (node.op === '+' || node.op === '-') {
          const value = node.op === '+' ? a.value + b.value : a.value - b.value;
          return { value, place: Math.max(a.place, b.place) };
        }
        if (node.op === '*' || node.op === '/') {
          const value = node.op === '*' ? a.value * b.value : a.value / b.value;
          return { value, place: placeFor(value, Math.min(sigFigures(a), sigFigures(b))) };
        }
        if (b.place === -Infinity) {
          const value = a.value ** b.value;
          return { value, place: placeFor(value, sigFigures(a)) };
        }
        return undefined;
      }
    }
  };
  const f = parsed(formula);
  const out = f && walk(f.root);
  return out === undefined || out.place === -Infinity ? undefined : out.place;
}

/** Rounds to a power of ten: place 2 → hundreds, -1 → one decimal. */
export function roundToPlace(value: number, place: number): number {
  if (place >= 0) return Math.round(value / 10 ** place) * 10 ** place;
  return Number(value.toFixed(-place));
}

/**
 * Whether a printed computed value is honest about its precision: it matches the formula at
 * the rounding it is printed with, and prints no digit finer than its inputs allow.
 * Returns the problem in words, or undefined.
 */
export function precisionProblem(valueText: string, computed: number, place: number | undefined): string | undefined {
  const decimals = decimalsOf(valueText);
  const value = Number(valueText);
  const finest = place === undefined ? -decimals : place;
  // the coarsest rounding the printed digits allow: trailing zeros of an integer may be placeholders
  let printedPlace = -decimals;
  if (decimals === 0) {
    const digits = valueText.replace(/^-/u, '');
    const zeros = digits.length - digits.replace(/0+$/u, '').length;
    printedPlace = Math.min(zeros, Math.max(0, finest));
  }
  if (place !== undefined && printedPlace < place) {
    return `${valueText} is printed more precisely than its inputs allow: they give ${sigText(computed, place)} (last significant digit at 10^${place}); round it (data/README.md, computed figures)`;
  }
  if (roundToPlace(computed, printedPlace) !== roundToPlace(value, printedPlace)) {
    return `${valueText} does not match its formula, which gives ${computed} (${roundToPlace(computed, printedPlace)} at this rounding)`;
  }
  return undefined;
}

function sigText(value: number, place: number): string {
  const r = roundToPlace(value, place);
  return place >= 0 ? String(r) : r.toFixed(-place);
}
