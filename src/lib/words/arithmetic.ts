/**
 * A computed figure shown as the arithmetic a reader can check: "8498.4 ÷ 6407.0 − 1 = 32.6%",
 * each number named and linked to the figure it is.
 * The formula is parsed by the shared formula module; this module only lays out its pieces.
 */
import { routes } from '../site/routes.ts';
import { t, type Lang } from '../../i18n/index.ts';
import { formatValue } from './format.ts';
import { breakdownName, type Dataset, type SiteFigure } from '../data/site-figure.ts';
import { formulaParts, parseFormula } from '../data/formula.ts';
import { figurePeriod, figureValue, indicatorName, placeName } from './figure-words.ts';

export type FormulaPiece = { ref: string } | { text: string };

/** `{a} / ({b} + 1)` → [{ref:a}, {text:' / ('}, {ref:b}, {text:' + 1)'}]; a formula outside the language stops the build. */
export function splitFormula(formula: string): FormulaPiece[] {
  return formulaParts(parseFormula(formula)).map((p) => (p.ref === undefined ? { text: p.text } : { ref: p.ref }));
}

export interface ArithmeticInput {
  id: string;
  /** the number as published (or computed), without unit: what the formula computes with */
  valueText: string;
  /** what it is, in words: 2023年 青岛市 货物进出口总额 8498.4亿元 */
  label: string;
  /** where the reader checks it */
  href: string;
}

export interface ArithmeticPart {
  text: string;
  /** set for a number that is an input: its figure id, its label and link */
  ref?: string;
  label?: string;
  href?: string;
}

export interface Arithmetic {
  /** the left side, numbers in place of ids, operators as printed (× ÷ −) */
  parts: ArithmeticPart[];
  /** "= 32.6%" as the figure reads */
  result: string;
  /** the inputs in order of first use, for a list of names below the line */
  inputs: ArithmeticInput[];
}

const PRINTED: Record<string, string> = { '*': '×', '/': '÷', '-': '−' };

export function arithmetic(
  pieces: readonly FormulaPiece[],
  inputs: ReadonlyMap<string, ArithmeticInput>,
  result: string,
  lang: Lang,
): Arithmetic {
  const used: ArithmeticInput[] = [];
  const parts = pieces.map((p): ArithmeticPart => {
    if ('text' in p) return { text: p.text.replace(/[*/-]/gu, (c) => PRINTED[c] ?? c) };
    const input = inputs.get(p.ref);
    if (!input) throw new Error(`arithmetic: input "${p.ref}" was not given`);
    if (!used.includes(input)) used.push(input);
    return { text: formatValue(input.valueText, lang), ref: input.id, label: input.label, href: input.href };
  });
  return { parts, result: t(lang, 'arithmetic.equals', { result }), inputs: used };
}

/** Where a figure is shown with its quote or formula: its line on its indicator's page. */
export function figureHref(f: Pick<SiteFigure, 'id' | 'indicator'>, lang: Lang): string {
  return routes(lang).indicator(f.indicator, f.id);
}

/** A figure named for a reader, from the data: "2023年青岛市货物进出口总额：8498.4亿元". */
export function figureLabel(f: SiteFigure, data: Dataset, lang: Lang): string {
  const scope = [
    f.geo === 'qingdao' ? '' : placeName(data, f.geo, lang),
    f.breakdown.length === 0 ? '' : breakdownName(data, f.breakdown, lang),
  ]
    .filter((x) => x !== '')
    .join(t(lang, 'event.listSeparator'));
  return t(lang, 'arithmetic.inputLabel', {
    period: figurePeriod(f, lang),
    name: indicatorName(data, f.indicator, lang),
    scope: scope === '' ? '' : t(lang, 'arithmetic.scope', { scope }),
    value: figureValue(f, data, lang),
  });
}

/** The arithmetic of a derived figure, its inputs named from the data: 2023年 青岛市 货物进出口总额 8498.4亿元. */
export function figureArithmetic(
  f: SiteFigure,
  data: Dataset,
  lang: Lang,
  hrefOf: (input: SiteFigure) => string = (input) => figureHref(input, lang),
): Arithmetic | undefined {
  if (!f.derived || f.formula === '') return undefined;
  const pieces = splitFormula(f.formula);
  const inputs = new Map<string, ArithmeticInput>();
  for (const p of pieces) {
    if (!('ref' in p) || inputs.has(p.ref)) continue;
    const input = data.byId.get(p.ref);
    if (!input) throw new Error(`figure ${f.id}: formula input "${p.ref}" is not a figure`);
    inputs.set(p.ref, { id: input.id, valueText: input.valueText, label: figureLabel(input, data, lang), href: hrefOf(input) });
  }
  return arithmetic(pieces, inputs, figureValue(f, data, lang), lang);
}
