/**
 * The promise ledger's check refuses a verdict its numbers contradict: an at-least target
 * marked met with a smaller outcome, an outcome of another series marked comparable without a
 * reason, an interim figure taken for the year, a target without its line in the ledger.
 */
import { describe, expect, it } from 'vitest';
import { checkPromises, numbersSay } from '../../src/lib/data/promises.ts';
import type { Located } from '../../src/lib/data/csv.ts';
import type { Derived, Event, Figure, PromiseRow } from '../../src/lib/data/schema.ts';

const fig = (id: string, over: Partial<Figure> = {}): Located<Figure> => ({
  file: 'figures.csv',
  line: 2,
  row: {
    id,
    indicator: 'projects-landed-1yi',
    value: '500',
    unit: 'count',
    qualifier: 'exact',
    period_start: '2024-01-01',
    period_end: '2024-12-31',
    geo: 'qingdao',
    status: 'actual',
    breakdown: [],
    source: 'art-2024',
    quote: 'q',
    note: '',
    note_zh: '',
    ...over,
  },
});

const FIGURES = [
  fig('target-landed', { status: 'target', qualifier: 'at-least', value: '500' }),
  fig('landed-480', { value: '480' }),
  fig('landed-520', { value: '520' }),
  fig('landed-h1', { value: '300', period_end: '2024-06-30' }),
  fig('signed-928', { indicator: 'projects-signed-1yi', value: '928' }),
  fig('landed-usd', { unit: 'yi-usd', value: '600' }),
];
const EVENTS: Located<Event>[] = [
  {
    file: 'events.csv',
    line: 2,
    row: {
      id: 'ev-conf',
      year: '2024',
      month: '2',
      day: '28',
      date_basis: 'stated',
      date_note: '',
      date_note_zh: '',
      kind: 'conference',
      name_zh: '大会',
      name_en: 'Conference',
      geo: 'qingdao',
      source: ['art-2024'],
      quote: 'q',
      documents: [],
      targets: ['target-landed'],
      summary_zh: '会',
      summary_en: 'met',
    },
  },
];

function problems(rows: Partial<PromiseRow>[], figures = FIGURES, derived: Located<Derived>[] = []): string[] {
  const out: string[] = [];
  const located = rows.map((r, i) => ({
    file: 'promises.csv',
    line: i + 2,
    row: {
      id: `p${i}`,
      target: 'target-landed',
      kind: 'outcome',
      event: 'ev-conf',
      outcome: '',
      verdict: 'not-reported',
      reason: 'r',
      reason_zh: '理由',
      ...r,
    } as PromiseRow,
  }));
  checkPromises(located, figures, derived, EVENTS, (r, column, message) => out.push(`${r.file}:${r.line}: ${column}: ${message}`));
  return out;
}

describe('checkPromises', () => {
  it('accepts a met verdict the numbers bear out, without a reason for the same series', () => {
    expect(problems([{ outcome: 'landed-520', verdict: 'met', reason: '', reason_zh: '' }])).toEqual([]);
  });

  it('refuses an at-least target marked met with a smaller outcome', () => {
    const out = problems([{ outcome: 'landed-480', verdict: 'met', reason: '', reason_zh: '' }]);
    expect(out).toHaveLength(1);
    expect(out[0]).toMatch(/^promises\.csv:2: verdict: met contradicts the numbers: .*480.*not-met$/u);
  });

  it('refuses not-met when the outcome reaches the target', () => {
    expect(problems([{ outcome: 'landed-520', verdict: 'not-met', reason: '', reason_zh: '' }])[0]).toContain(
      'not-met contradicts the numbers',
    );
  });

  it('refuses an outcome of another indicator marked comparable (met) without a reason', () => {
    const out = problems([{ outcome: 'signed-928', verdict: 'met', reason: '', reason_zh: '' }]);
    expect(out).toEqual([expect.stringMatching(/^promises\.csv:2: reason: outcome "signed-928" is not the target's series/u)]);
  });

  it('refuses not-comparable without the figure reported instead, or without a reason', () => {
    expect(problems([{ verdict: 'not-comparable' }])).toEqual([expect.stringContaining('outcome: not-comparable needs the figure')]);
    expect(problems([{ verdict: 'not-comparable', outcome: 'signed-928', reason: '', reason_zh: '' }])).toEqual([
      expect.stringContaining('reason: say in one line how the reported figure differs'),
    ]);
  });

  it('refuses an interim figure as the verdict, and not-reported when a full-period outcome exists', () => {
    expect(problems([{ outcome: 'landed-h1', verdict: 'not-met', reason: '', reason_zh: '' }])[0]).toContain(
      'an interim figure decides nothing',
    );
    expect(problems([{ outcome: 'landed-h1' }])).toEqual([]);
    expect(problems([{ outcome: 'landed-520' }])[0]).toContain(
      'verdict: not-reported, but outcome "landed-520" covers the target\'s period',
    );
  });

  it('refuses met across units', () => {
    expect(problems([{ outcome: 'landed-usd', verdict: 'met' }])[0]).toContain('mark it not-comparable');
  });

  it('needs a line for every target, the event that set it, and reasons in both languages', () => {
    expect(problems([])).toEqual([
      'figures.csv:2: status: target "target-landed" has no row in promises.csv: add it with its verdict (not-reported when nothing later was found)',
    ]);
    // that "ev-other" is no event, and a reason in one language only, are the references rule's
    // and the language pairs' (table-facts.ts), run by checkData: hostile-input.test.ts
    expect(problems([{ event: 'ev-other' }])).toEqual([
      'promises.csv:2: event: events.csv says "ev-conf" set this target (its targets column); give that event',
    ]);
  });
});

describe('numbersSay', () => {
  it('reads targets as floors and outcomes at their lowest reading', () => {
    expect(numbersSay({ value: 150, qualifier: 'at-least' }, { value: 151, qualifier: 'exact' })).toBe('met');
    expect(numbersSay({ value: 150, qualifier: 'at-least' }, { value: 149, qualifier: 'exact' })).toBe('not-met');
    expect(numbersSay({ value: 150, qualifier: 'more-than' }, { value: 150, qualifier: 'exact' })).toBe('not-met');
    expect(numbersSay({ value: 150, qualifier: 'at-least' }, { value: 150, qualifier: 'more-than' })).toBe('met');
    expect(numbersSay({ value: 20, qualifier: 'approximate' }, { value: 19, qualifier: 'exact' })).toBeUndefined();
    expect(numbersSay({ value: 5, qualifier: 'less-than' }, { value: 4, qualifier: 'exact' })).toBe('met');
  });
});
