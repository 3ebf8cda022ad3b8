/**
 * The promise ledger's rules (data/promises.csv): every target or plan in figures.csv has one
 * row, and no verdict says what its numbers contradict. Called by the data check with the
 * loaded tables; it reports, never fixes.
 */
import type { Located } from './csv.ts';
import type { Derived, Event, Figure, PromiseRow, Verdict } from './schema.ts';

/** What the rules need of a figure, published or derived. */
export interface LedgerFigure {
  id: string;
  indicator: string;
  value: number;
  unit: string;
  qualifier: string;
  period_start: string;
  period_end: string;
  geo: string;
  breakdown: string[];
  status: string;
  source: string;
}

export type At = (r: Located<unknown>, column: string, message: string) => void;

/** The series a figure belongs to: outcomes of the same series decide a verdict by their numbers alone. */
export function sameSeries(a: LedgerFigure, b: LedgerFigure): boolean {
  return a.indicator === b.indicator && a.geo === b.geo && a.breakdown.join(';') === b.breakdown.join(';') && a.unit === b.unit && a.period_start === b.period_start && a.period_end === b.period_end;
}

/**
 * What the numbers say of a target and an outcome in the same unit: 'met', 'not-met', or
 * undefined when the qualifiers leave it open (a target of 约20 against 19). Targets are floors
 * (达到, 以上, 力争): exact, approximate, at-least and more-than all ask for at least the number
 * (more-than: above it); less-than asks for below it. An outcome published as "more than x" or
 * "x and above" counts as x, its lowest reading; "about x" cannot decide a boundary case.
 */
export function numbersSay(target: Pick<LedgerFigure, 'value' | 'qualifier'>, outcome: Pick<LedgerFigure, 'value' | 'qualifier'>): 'met' | 'not-met' | undefined {
  const t = target.value;
  const o = outcome.value;
  if (outcome.qualifier === 'approximate' && Math.abs(o - t) <= Math.abs(t) * 0.05) return undefined;
  if (target.qualifier === 'approximate' && Math.abs(o - t) <= Math.abs(t) * 0.05) return undefined;
  if (target.qualifier === 'less-than') {
    if (outcome.qualifier === 'more-than' || outcome.qualifier === 'at-least') return o >= t ? 'not-met' : undefined;
    return o < t ? 'met' : 'not-met';
  }
  if (outcome.qualifier === 'less-than') return o <= t ? 'not-met' : undefined;
  if (target.qualifier === 'more-than') {
    if (outcome.qualifier === 'more-than') return o >= t ? 'met' : undefined;
    return o > t ? 'met' : 'not-met';
  }
  if (outcome.qualifier === 'more-than') return o >= t ? 'met' : undefined;
  return o >= t ? 'met' : 'not-met';
}

export function checkPromises(
  rows: readonly Located<PromiseRow>[],
  figures: readonly Located<Figure>[],
  derived: readonly Located<Derived>[],
  events: readonly Located<Event>[],
  at: At,
): void {
  const all = new Map<string, LedgerFigure>();
  for (const { row } of figures) all.set(row.id, { ...row, value: Number(row.value) });
  for (const { row } of derived) all.set(row.id, { ...row, value: Number(row.value), qualifier: 'exact', source: '' });
  const eventById = new Map(events.map((e) => [e.row.id, e.row]));
  // the event that lists a target in its `targets` column is where it was set
  const setBy = new Map<string, string>();
  for (const { row } of events) for (const t of row.targets) setBy.set(t, row.id);

  const ledgered = new Map<string, Located<PromiseRow>>();
  for (const r of rows) {
    const p = r.row;

    const target = all.get(p.target);
    if (!target) continue; // an unknown id: reported by the references rule
    const first = ledgered.get(p.target);
    if (first) at(r, 'target', `"${p.target}" is already in the ledger (${first.file}:${first.line})`);
    else ledgered.set(p.target, r);
    if (target.status === 'actual') {
      at(r, 'target', `figure "${p.target}" has status actual: only a target or plan can be promised`);
      continue;
    }

    if (p.event !== '') {
      const ev = eventById.get(p.event);
      if (ev && target.source !== '' && !ev.source.includes(target.source)) {
        at(r, 'event', `event "${p.event}" is not reported by ${target.source}, the source of the target`);
      }
    }
    const listedBy = setBy.get(p.target);
    if (listedBy !== undefined && listedBy !== p.event) at(r, 'event', `events.csv says "${listedBy}" set this target (its targets column); give that event`);

    checkVerdict(r, p.verdict, target, p.outcome === '' ? undefined : all.get(p.outcome), at);
  }

  // every published target or plan has its line
  for (const r of figures) {
    if (r.row.status !== 'actual' && !ledgered.has(r.row.id)) {
      at(r, 'status', `${r.row.status} "${r.row.id}" has no row in promises.csv: add it with its verdict (not-reported when nothing later was found)`);
    }
  }
}

function checkVerdict(r: Located<PromiseRow>, verdict: Verdict, target: LedgerFigure, outcome: LedgerFigure | undefined, at: At): void {
  const p = r.row;
  if (p.outcome !== '' && !outcome) return; // an unknown id: reported by the references rule
  if (outcome && outcome.status !== 'actual') {
    at(r, 'outcome', `figure "${outcome.id}" has status ${outcome.status}: an outcome is a reported actual figure`);
    return;
  }
  const needsReason = (why: string) => {
    if (p.reason === '') at(r, 'reason', why);
  };
  switch (verdict) {
    case 'not-reported':
      needsReason('say in one line what was looked for and not found');
      if (outcome && outcome.period_end >= target.period_end) {
        at(r, 'verdict', `not-reported, but outcome "${outcome.id}" covers the target's period (to ${outcome.period_end}): judge it, or mark it not-comparable with the reason`);
      }
      return;
    case 'not-comparable':
      if (!outcome) at(r, 'outcome', 'not-comparable needs the figure that was reported instead (or use not-reported)');
      needsReason('say in one line how the reported figure differs from the target (signed, not landed; all industries, not one chain …)');
      return;
    case 'met':
    case 'not-met': {
      if (!outcome) {
        at(r, 'outcome', `${verdict} needs the reported figure that decides it`);
        return;
      }
      if (outcome.unit !== target.unit) {
        at(r, 'verdict', `${verdict}, but the outcome is in ${outcome.unit} and the target in ${target.unit}: mark it not-comparable`);
        return;
      }
      if (outcome.period_end < target.period_end) {
        at(r, 'verdict', `${verdict}, but the outcome's period ends ${outcome.period_end}, before the target's (${target.period_end}): an interim figure decides nothing; mark it not-reported`);
        return;
      }
      if (!sameSeries(target, outcome)) {
        needsReason(`outcome "${outcome.id}" is not the target's series (indicator, place, breakdown or period differ): a ${verdict} verdict must say why it still answers the target, or mark it not-comparable`);
      }
      const said = numbersSay(target, outcome);
      if (said === undefined) at(r, 'verdict', `${verdict}, but ${outcome.value} (${outcome.qualifier}) against a target of ${target.value} (${target.qualifier}) does not decide it: mark it not-comparable and explain`);
      else if (said !== verdict) {
        at(r, 'verdict', `${verdict} contradicts the numbers: the target is ${target.value} (${target.qualifier}) and the outcome ${outcome.value} (${outcome.qualifier}), which is ${said}`);
      }
    }
  }
}
