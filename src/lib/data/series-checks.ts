/**
 * The checks that look at figures together rather than one row at a time: bounds and
 * precision of computed figures, series continuity, overlap by meaning, the corrections log
 * against the last release, and the rule for what counts as a figure. check.ts calls
 * `checkSeries` once every table is loaded and the rows have passed their own checks.
 */
import { appendAll, type Located, type Problem } from './csv.ts';
import type { RowOf } from './load.ts';
import type { TableName } from './schema.ts';
import type { NormalizeResult } from '../text/normalize.ts';
import { boundOf, formulaRefs, precisionProblem, significantPlace, type BoundResult, type InputInfo, type Qualifier } from './derived-bounds.ts';
import { findContinuity, type ContinuityReport } from './continuity.ts';
import { findOverlapsByMeaning, type Overlap } from './overlap.ts';
import { checkCorrections, type CorrectionsReport } from './corrections.ts';
import { figureRuleProblems } from './figure-rule.ts';
import { decimalsOf, inexactValue } from '../text/numbers-in-text.ts';
import { evaluateFormula, parseFormula } from './formula.ts';

export interface SeriesReport {
  problems: Problem[];
  bounds: Map<string, BoundResult>;
  continuity: ContinuityReport;
  overlaps: Overlap[];
  corrections: CorrectionsReport;
}

type Tables = { [N in TableName]: Located<RowOf<N>>[] };

export function checkSeries(tables: Tables, opts: { dataDir: string; displayRoot?: string }, clean: Map<string, NormalizeResult>): SeriesReport {
  const problems: Problem[] = [];
  const figureById = new Map(tables.figures.map((r) => [r.row.id, r.row]));
  const derivedById = new Map(tables.derived.map((r) => [r.row.id, r.row]));

  // computed figures: the bound each inherits, resolved inputs first. The order is found by
  // an iterative depth-first walk (a chain of thousands of computed figures must not exhaust
  // the stack); an input met again while its own inputs are being resolved is a cycle, which
  // the formula check reports, and counts as exact here.
  const bounds = new Map<string, BoundResult>();
  const inputOf = (id: string): InputInfo | undefined => {
    const f = figureById.get(id);
    if (f) return { value: Number(f.value), text: f.value, qualifier: f.qualifier };
    const d = derivedById.get(id);
    if (!d) return undefined;
    return { value: Number(d.value), text: d.value, qualifier: bounds.get(id)?.qualifier ?? 'exact' };
  };
  const state = new Map<string, 'open' | 'done'>();
  for (const r of tables.derived) {
    if (state.has(r.row.id)) continue;
    const walk: { id: string; inputs: string[]; next: number }[] = [{ id: r.row.id, inputs: formulaRefs(r.row.formula), next: 0 }];
    state.set(r.row.id, 'open');
    while (walk.length > 0) {
      const top = walk[walk.length - 1] as { id: string; inputs: string[]; next: number };
      if (top.next < top.inputs.length) {
        const input = top.inputs[top.next++] as string;
        const d = derivedById.get(input);
        if (d && !state.has(input)) {
          state.set(input, 'open');
          walk.push({ id: input, inputs: formulaRefs(d.formula), next: 0 });
        }
        continue;
      }
      walk.pop();
      state.set(top.id, 'done');
      if (!bounds.has(top.id)) bounds.set(top.id, boundOf((derivedById.get(top.id) as RowOf<'derived'>).formula, inputOf));
    }
  }
  const derivedQualifier = (id: string): Qualifier => bounds.get(id)?.qualifier ?? 'exact';

  // computed figures: printed no finer than the inputs allow
  for (const r of tables.derived) {
    if (formulaRefs(r.row.formula).some((id) => !inputOf(id))) continue; // reported by the formula check
    if (inexactValue(r.row.value) || decimalsOf(r.row.value) !== Number(r.row.decimals)) continue; // reported by check.ts
    const computed = evaluateExact(r.row.formula, inputOf);
    if (computed === undefined) continue;
    const problem = precisionProblem(r.row.value, computed, significantPlace(r.row.formula, inputOf));
    if (problem) problems.push({ file: r.file, line: r.line, column: 'value', message: problem });
  }

  const continuity = findContinuity(tables, derivedQualifier);
  appendAll(problems, continuity.problems);

  const corrections = checkCorrections(opts, tables, derivedQualifier);
  appendAll(problems, corrections.problems);

  appendAll(problems, figureRuleProblems(tables, clean));

  return { problems, bounds, continuity, overlaps: findOverlapsByMeaning(tables), corrections };
}

function evaluateExact(formula: string, inputOf: (id: string) => InputInfo | undefined): number | undefined {
  try {
    const out = evaluateFormula(parseFormula(formula), (id) => inputOf(id)?.value ?? Number.NaN);
    return Number.isFinite(out) ? out : undefined;
  } catch {
    return undefined;
  }
}
