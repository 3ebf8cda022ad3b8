/**
 * The data checker catches every rule, at the exact file, line and column.
 *
 * test/fixtures/data-valid/ is a tiny dataset with the layout of data/ that passes every rule.
 * test/fixtures/data-broken/ is a copy of it with rows added (or one cell changed) so that each
 * row breaks exactly one rule; the expected problems below are the complete list.
 */
import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { checkData } from '../../src/lib/data/check.ts';
import { formatProblem, type Problem } from '../../src/lib/data/csv.ts';

const root = fileURLToPath(new URL('../../', import.meta.url));
const fixtures = fileURLToPath(new URL('../fixtures/', import.meta.url));
const validDir = `${fixtures}data-valid`;
const brokenDir = `${fixtures}data-broken`;

const where = (p: Problem) => `${p.file}:${p.line}: ${p.column}`;

describe('checkData on the valid fixture', () => {
  const report = checkData({ dataDir: validDir, displayRoot: validDir });

  it('finds no problem', () => {
    expect(report.problems.map(formatProblem)).toEqual([]);
  });

  it('really checked the quotes, values, derived figures and arithmetic (it did not pass by skipping)', () => {
    expect(report.stats.figuresPerSource).toEqual({ 'art-trad': 4, 'art-simp': 5 });
    expect(report.stats.quotesChecked).toBe(11); // 9 figure quotes + 2 event quotes
    expect(report.stats.valuesChecked).toBe(9);
    expect(report.stats.derivedChecked).toBe(1);
    expect(report.arithmetic.map((a) => [a.id, a.expect, a.holds])).toEqual([
      ['fdi-2022-parts', 'holds', true],
      ['fdi-2022-manufacturing-share-check', 'discrepancy', false],
    ]);
  });

  it('builds the clean text: pinyin stripped, traditional converted, mojibake repaired, splice removed', () => {
    const trad = report.clean.get('art-trad')?.text ?? '';
    expect(trad).toContain('全市新设立外资企业408家');
    expect(trad).toContain('⟪?⟫（四）大力开展网上招商');
    expect(trad).not.toMatch(/\(shè\)/u);
    const simp = report.clean.get('art-simp')?.text ?? '';
    expect(simp).toContain('2023年全市新签约亿元以上项目1000个以上');
    expect(simp).not.toContain('科技信息咨询');
  });

  it('reads 两场 as 2: the Chinese-numeral row is not flagged', () => {
    const row = report.tables.figures.find((r) => r.row.id === 'signings-2020h1');
    expect(row?.row.value).toBe('2');
    expect(row?.row.quote).toBe('举办两场网上签约活动');
  });
});

describe('checkData on the broken fixture', () => {
  const report = checkData({ dataDir: brokenDir, displayRoot: brokenDir });

  // [file:line: column, part of the message, the rule broken]
  const expected: [string, string, string][] = [
    ['sources.csv:4: file', 'no such file sources/raw/missing.txt', 'raw file of a source is missing'],
    ['sources/raw/unlisted.txt:1: -', 'raw source file is not listed in sources.csv', 'raw file not listed in sources.csv'],
    ['units.csv:6: -', 'blank line inside the table', 'blank line inside a table'],
    ['places.csv:6: name_en', 'has leading or trailing white space', 'leading white space in a cell'],
    ['places.csv:7: -', 'row has 6 fields, header has 5', 'wrong number of fields'],
    ['places.csv:8: parent', 'a place cannot be its own parent', 'place is its own parent'],
    ['places.csv:9: parent', '"atlantis" is not an id in places.csv', 'unknown parent place'],
    ['indicators.csv:8: unit', '"no-such-unit" is not an id in units.csv', 'unknown unit'],
    ['figures.csv:11: id', 'must be a lower-case slug', 'bad slug id'],
    ['figures.csv:12: id', 'duplicate id "new-fie-2020h1" (first at figures.csv:2)', 'duplicate id'],
    ['figures.csv:13: indicator', '"no-such-indicator" is not an id in indicators.csv', 'unknown indicator'],
    ['figures.csv:14: unit', '"count" differs from the unit of indicator fdi-actual ("yi-usd")', 'unit differs from the indicator'],
    ['figures.csv:15: geo', '"atlantis" is not an id in places.csv', 'unknown geo'],
    ['figures.csv:16: source', '"no-such-source" is not an id in sources.csv', 'unknown source'],
    ['figures.csv:17: qualifier', 'Invalid option', 'qualifier not in its closed list'],
    ['figures.csv:18: status', 'Invalid option', 'status not in its closed list'],
    ['figures.csv:19: period_start', 'is not a real calendar date (got "2023-02-30")', 'impossible date'],
    ['figures.csv:20: period_end', 'period ends (2022-01-01) before it starts (2022-12-31)', 'period ends before it starts'],
    ['figures.csv:21: quote', 'not found verbatim in the clean text of art-trad', 'figure quote not in the clean text'],
    ['figures.csv:22: value', '410 is not stated in the quote (numbers found: 408)', 'value not in the quote'],
    ['figures.csv:23: value', '3 is not stated in the quote (numbers found: 2)', 'value not in a Chinese-numeral quote'],
    ['figures.csv:24: value', 'must be a plain decimal number', 'value with a thousands comma'],
    ['figures.csv:25: note_zh', 'note is given in English but not in Chinese', 'note without its Chinese counterpart'],
    ['figures.csv:26: note', 'note_zh is given in Chinese but not in English', 'Chinese note without the English'],
    ['figures.csv:27: breakdown', '"no-such-part" is not an id in breakdowns.csv', 'unknown breakdown'],
    ['events.csv:4: targets', 'figure "fdi-2022" has status actual, not target or plan', 'event target is an actual figure'],
    ['events.csv:5: date_note', 'an inferred date needs a note', 'inferred event date without a note'],
    ['events.csv:6: day', '2023-02-30 is not a real date', 'impossible event date'],
    ['events.csv:7: targets', '"no-such-figure" is not an id in figures.csv', 'event target unknown'],
    ['events.csv:8: quote', 'not found verbatim in the clean text of art-simp', 'event quote not in the clean text'],
    ['derived.csv:3: value', '48.1 does not match its formula', 'derived value not reproduced by its formula'],
    ['derived.csv:4: formula', '"no-such-figure" is not an id in figures.csv or derived.csv', 'derived formula refers to an unknown id'],
    ['derived.csv:5: value', 'has 2 decimals, the decimals column says 1', 'derived decimals disagree with the value'],
    ['derived.csv:6: id', 'id "fdi-2022" is also a figure id', 'derived id shared with a figure'],
    ['derived.csv:7: formula', 'cycle: derived-self → derived-self', 'derived figure computed from itself'],
    ['derived.csv:8: formula', 'cycle: cycle-a → cycle-b → cycle-a', 'two derived figures computed from each other'],
    ['derived.csv:10: value', '-1 is negative, but the unit (count) is a count', 'derived count below zero'],
    [
      'derived.csv:11: formula',
      'divides by {fdi-2022-services} - 30.3, which can be zero within the rounding of its inputs (-0.05…0.05)',
      'division by a figure that may be zero',
    ],
    ['derived.csv:12: formula', 'unexpected character at character 13 ("* 1")', 'formula outside the grammar'],
    ['arithmetic.csv:7: formula', 'unclosed "("', 'arithmetic formula outside the grammar'],
    ['figures.csv:28: value', '-408 is negative, but the unit is a count', 'published count below zero'],
    ['figures.csv:29: value', '408.5 is not a whole number, but the unit (个) counts single things', 'published count not a whole number'],
    ['arithmetic.csv:4: formula', 'does not hold within rounding', 'arithmetic marked holds does not hold'],
    ['arithmetic.csv:5: expect', 'marked discrepancy, but it holds within rounding', 'arithmetic marked discrepancy holds'],
    ['arithmetic.csv:6: equals', '"no-such-figure" is not an id in figures.csv or derived.csv', 'arithmetic equals an unknown id'],
    [
      'promises.csv:3: target',
      'figure "fdi-2022" has status actual: only a target or plan can be promised',
      'an actual figure in the promise ledger',
    ],
    ['promises.csv:4: target', '"projects-target-2023" is already in the ledger (promises.csv:2)', 'a target listed twice in the ledger'],
    ['normalization/splices.csv:3: text', 'occurs 0 times in raw/b.txt', 'splice not in the raw text'],
    ['glossary.csv:4: quote', 'not found verbatim in the clean text of art-simp', 'glossary quote not in the clean text'],
    ['glossary.csv:5: sources', '"no-such-source" is not an id in sources.csv', 'glossary names an unknown source'],
    ['glossary.csv:6: id', 'duplicate id "signed" (first at glossary.csv:3)', 'glossary id used twice'],
    ['glossary.csv:7: said_en', 'holds Chinese ("签")', 'Chinese in an English column of the glossary'],
    [
      'normalization/mojibake.csv:3: repaired',
      '"网上招商" is not supported by the GBK bytes of the span',
      'mojibake repair not supported by the bytes',
    ],
  ];

  it('reports exactly the expected problems, at the expected file, line and column', () => {
    expect(report.problems.map(where).sort()).toEqual(expected.map(([w]) => w).sort());
  });

  it.each(expected)('%s: %s (%s)', (at, message) => {
    const found = report.problems.filter((p) => where(p) === at);
    expect(found).toHaveLength(1);
    expect(found[0]?.message).toContain(message);
  });

  it('does not flag the valid rows it shares with the valid fixture (lines 2–10 of figures.csv)', () => {
    expect(report.problems.filter((p) => p.file === 'figures.csv' && p.line <= 10)).toEqual([]);
  });

  it('still checks the quotes of a source after one of its splice rows failed', () => {
    expect(report.clean.has('art-simp')).toBe(true);
  });
});

describe('checkData: header and overlays', () => {
  it('reports a column missing from a header on line 1 of that table', () => {
    const report = checkData({ dataDir: validDir, overlays: [`${fixtures}header-missing`], displayRoot: fixtures });
    expect(report.problems.map(formatProblem)).toEqual(['header-missing/places.csv:1: parent: column is missing from the header']);
  });
});

describe('formatProblem', () => {
  it('writes file:line: column: message', () => {
    expect(formatProblem({ file: 'figures.csv', line: 12, column: 'value', message: '3 is not stated in the quote' })).toBe(
      'figures.csv:12: value: 3 is not stated in the quote',
    );
  });
});

describe('scripts/data-check.ts (CLI)', () => {
  const run = (...args: string[]) =>
    spawnSync(process.execPath, ['--import', 'tsx', 'scripts/data-check.ts', ...args], { cwd: root, encoding: 'utf8', timeout: 60_000 });

  it('exits 2 with a usage message on an unknown argument', () => {
    const out = run('--bogus');
    expect(out.status).toBe(2);
    expect(out.stderr).toContain("data:check: Unknown option '--bogus'");
    expect(out.stderr).toContain('usage: npm run data:check [-- --with DRAFT_DIR ...]');
    // a child process that loads tsx: seconds on a busy machine
  }, 30_000);

  it('reports a bad row of a draft folder given with --with, by draft file and line, and exits 1', () => {
    // runs against the real data/: only the draft's problem is asserted, not the absence of others
    const out = run('--with', 'test/fixtures/draft-bad');
    expect(out.status).toBe(1);
    expect(out.stderr.split('\n')).toContainEqual(
      expect.stringMatching(/^test\/fixtures\/draft-bad\/figures\.csv:2: qualifier: Invalid option.*\(got "roughly"\)$/u),
    );
    expect(out.stderr).toMatch(/^data:check: \d+ problem\(s\)$/mu);
  }, 60_000);
});
