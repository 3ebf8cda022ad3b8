/**
 * The checks that read figures together: bounds and precision of computed figures, series
 * continuity, overlap by meaning, the corrections log against the last release, the figure rule.
 */
import { describe, expect, it } from 'vitest';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { checkData } from '../../src/lib/data/check.ts';
import { formatProblem } from '../../src/lib/data/csv.ts';
import { boundOf, precisionProblem, significantPlace, type InputInfo } from '../../src/lib/data/derived-bounds.ts';
import { findContinuity } from '../../src/lib/data/continuity.ts';
import { numbersIn } from '../../src/lib/text/numbers-in-text.ts';
import { getDataset } from '../../src/lib/data/dataset.ts';
import { allFigureRecords } from '../../src/lib/downloads/tables.ts';

const dataDir = fileURLToPath(new URL('../../data/', import.meta.url));
const validDir = fileURLToPath(new URL('../fixtures/data-valid/', import.meta.url));

const inputs =
  (m: Record<string, [string, InputInfo['qualifier']]>) =>
  (id: string): InputInfo | undefined => {
    const x = m[id];
    return x ? { value: Number(x[0]), text: x[0], qualifier: x[1] } : undefined;
  };

describe('bounds of computed figures', () => {
  it('a floor on a numerator is a floor on the share', () => {
    expect(boundOf('{a} / {b} * 100', inputs({ a: ['1700', 'at-least'], b: ['9300', 'exact'] })).qualifier).toBe('at-least');
  });
  it('a floor on a denominator is a ceiling on the share', () => {
    expect(boundOf('{a} / {b} * 100', inputs({ a: ['1700', 'exact'], b: ['9300', 'more-than'] })).qualifier).toBe('less-than');
  });
  it('a floor subtracted is a ceiling; with a floor added the bounds oppose and the result is approximate', () => {
    expect(boundOf('{a} - {b}', inputs({ a: ['10', 'exact'], b: ['3', 'at-least'] })).qualifier).toBe('less-than');
    const mixed = boundOf('{a} - {b}', inputs({ a: ['10', 'at-least'], b: ['3', 'at-least'] }));
    expect(mixed.qualifier).toBe('approximate');
    expect(mixed.rule).toContain('opposite');
  });
  it('a strict input makes a strict bound; an approximate input makes the result approximate', () => {
    expect(boundOf('{a} + {b}', inputs({ a: ['10', 'at-least'], b: ['3', 'more-than'] })).qualifier).toBe('more-than');
    expect(boundOf('{a} - {b}', inputs({ a: ['15.82', 'exact'], b: ['7.3', 'approximate'] })).qualifier).toBe('approximate');
    expect(boundOf('{a} * 10', inputs({ a: ['911.72', 'exact'] })).qualifier).toBe('exact');
  });
});

describe('precision of computed figures', () => {
  const place = (f: string, m: Record<string, string>) =>
    significantPlace(f, inputs(Object.fromEntries(Object.entries(m).map(([k, v]) => [k, [v, 'exact']]))));
  it('a quotient keeps the significant figures of its least precise input', () => {
    expect(place('{a} / {b} * 100', { a: '29.4', b: '4.3' })).toBe(1); // 683.7 → 680
    expect(place('{a} / {b} * 100', { a: '911.72', b: '2.2' })).toBe(3); // 41442 → 41000
  });
  it('a sum keeps the last decimal of its coarsest input; a growth factor 1 + g/100 is as precise as g', () => {
    expect(place('{a} - {b} - {c}', { a: '37.5', b: '9.66', c: '5.95' })).toBe(-1); // 21.89 → 21.9
    expect(place('{a} / (1 + {g} / 100)', { a: '218', g: '5.8' })).toBe(0); // 206
  });
  it("a published input's trailing zeros count; a computed value's are placeholders (data/README.md)", () => {
    expect(place('{a} / {b}', { a: '9300', b: '363' })).toBe(-1); // 9300 has four figures, 363 three: 25.6
    expect(place('{a} - {b}', { a: '210', b: '16' }) === 0).toBe(true); // 210 projects is exact to the project: 194
    expect(precisionProblem('25.6', 9300 / 363, -1)).toBeUndefined();
    expect(precisionProblem('680', 683.7, 1)).toBeUndefined(); // the zero stands for a rounded digit
    expect(precisionProblem('683.7', 683.7, 1)).toContain('more precisely than its inputs allow');
  });
  it('refuses an over-precise value and accepts the rounded one, trailing zeros as placeholders', () => {
    expect(precisionProblem('41442', 41441.8, 3)).toContain('more precisely than its inputs allow');
    expect(precisionProblem('41000', 41441.8, 3)).toBeUndefined();
    expect(precisionProblem('15700', 15700, 2)).toBeUndefined();
    expect(precisionProblem('41000', 45000, 3)).toContain('does not match its formula');
  });
});

describe('the data as it stands', () => {
  const report = checkData({ dataDir });
  it('passes every check', () => expect(report.problems.map(formatProblem)).toEqual([]));

  it('names the 2022→2023 trade discontinuity with its numbers and decides the 2022 base in data', () => {
    const f = report.series.continuity.findings.find((x) => x.id === 'trade-total-2022-2023');
    expect(f?.shown).toBe('trade-total-2022-yiyuan-cd22');
    const text = f?.breaks.map((b) => b.text).join(' ') ?? '';
    expect(text).toContain('1520.0–1527.4'); // December 2022 alone (1523.7)
    expect(text).toContain('2.2 times');
    expect(text).toContain('82–85%'); // the West Coast's share on the 9117.2 base, not 90%
    expect(f?.breaks.map((b) => b.relation).sort()).toEqual(['contribution', 'full-year-growth', 'part-year']);
    // six before issue 25, and three with a part-year base (June 2020), each recorded
    expect(report.series.continuity.breaks).toHaveLength(9);
  });

  it('gives the affected figures a continuity note, and computed figures their bound, in the dataset and the download', () => {
    const data = getDataset();
    expect(data.byId.get('trade-total-2022-yiyuan-cd22')?.continuityNote).toBe('trade-total-2022-2023');
    expect(data.byId.get('fdi-actual-2023-2024c')?.continuityNote).toBe('');
    const rows = allFigureRecords(data);
    expect(
      rows.find((r) => r['id'] === 'key-projects-real-economy-investment-completed-share-total-2023-target-2023c')?.['qualifier'],
    ).toBe('at-least');
    expect(rows.find((r) => r['id'] === 'fdi-actual-share-total-2020-manufacturing-gjsb')?.['qualifier']).toBe('approximate');
    // no computed figure is called exact when an input is bounded
    for (const f of data.figures.filter((x) => x.derived)) {
      const bounded = f.inputs.some((i) => data.byId.get(i)?.qualifier !== 'exact');
      if (bounded) expect(f.qualifier, f.id).not.toBe('exact');
    }
  });

  it('lists the quantities several sources publish: the 24 key chains, the 15 sub-provincial cities, fifth place in trade', () => {
    const find = (indicator: string) => report.overlaps.find((o) => o.indicator === indicator);
    expect(
      find('industry-chains-key')
        ?.figures.map((f) => f.source)
        .sort(),
    ).toEqual(['art-2023-conference', 'art-2024-conference', 'art-2024q1-forum']);
    expect(find('industry-chains-key')?.agree).toBe(true);
    expect(find('subprovincial-cities')?.figures).toHaveLength(2);
    expect(find('trade-total-rank-subprovincial')?.figures.map((f) => f.value)).toEqual(['5', '5']);
    expect(find('trade-total-yoy')?.agree).toBe(false);
  });

  it('reads rank words: fifth, third, 首位', () => {
    expect(numbersIn('import and export value is ranked fifth')).toContain(5);
    expect(numbersIn('third among northern cities')).toContain(3);
    expect(numbersIn('总量继续位居全省首位')).toContain(1);
  });
});

describe('the corrections log against the last release', () => {
  const copy = () => {
    const dir = mkdtempSync(join(tmpdir(), 'release-'));
    cpSync(validDir, dir, { recursive: true });
    mkdirSync(join(dir, 'releases/1.0.0'), { recursive: true });
    cpSync(join(validDir, 'figures.csv'), join(dir, 'releases/1.0.0/figures.csv'));
    cpSync(join(validDir, 'derived.csv'), join(dir, 'releases/1.0.0/derived.csv'));
    writeFileSync(join(dir, 'releases/1.0.0/derived-qualifiers.csv'), 'id,qualifier\nfdi-2022-manufacturing-share,exact\n');
    return dir;
  };
  const edit = (dir: string, file: string, from: string, to: string) => {
    const text = readFileSync(join(dir, file), 'utf8');
    expect(text).toContain(from);
    writeFileSync(join(dir, file), text.replace(from, to));
  };

  it('passes when nothing changed since the release', () => {
    const dir = copy();
    expect(checkData({ dataDir: dir, displayRoot: dir }).problems.map(formatProblem)).toEqual([]);
    rmSync(dir, { recursive: true });
  });

  it('refuses a changed period with no corrections row, and accepts it once logged', () => {
    const dir = copy();
    const figures = readFileSync(join(dir, 'figures.csv'), 'utf8');
    const line = figures.split('\n').findIndex((l) => l.startsWith('signings-2020h1,')) + 1;
    edit(
      dir,
      'figures.csv',
      /^signings-2020h1,.*$/mu.exec(figures)?.[0] ?? '',
      (/^signings-2020h1,.*$/mu.exec(figures)?.[0] ?? '').replace('2020-06-30', '2020-07-29'),
    );
    const problems = checkData({ dataDir: dir, displayRoot: dir }).problems.map(formatProblem);
    expect(problems).toEqual([
      `figures.csv:${line}: period_end: changed since release 1.0.0 ("2020-06-30" → "2020-07-29") with no row in data/corrections.csv: log the change (figure signings-2020h1, field period_end, old, new, reason) or undo it`,
    ]);
    writeFileSync(
      join(dir, 'corrections.csv'),
      'date,version,figure,field,old,new,reason,reason_zh\n2026-12-01,1.1.0,signings-2020h1,period_end,2020-06-30,2020-07-29,The paragraph runs to July.,该段延续到7月。\n',
    );
    expect(checkData({ dataDir: dir, displayRoot: dir }).problems.map(formatProblem)).toEqual([]);
    rmSync(dir, { recursive: true });
  });

  it('refuses a removed figure with no corrections row', () => {
    const dir = copy();
    const figures = readFileSync(join(dir, 'figures.csv'), 'utf8');
    writeFileSync(join(dir, 'figures.csv'), figures.replace(/^signings-2020h1,.*\n/mu, ''));
    const problems = checkData({ dataDir: dir, displayRoot: dir }).problems.map(formatProblem);
    expect(problems.some((p) => p.includes('"signings-2020h1" was published in release 1.0.0') && p.includes('log its removal'))).toBe(
      true,
    );
    rmSync(dir, { recursive: true });
  });
});

describe('part-year continuity with a part-year base (issue 25: June 2020)', () => {
  const row = (id: string, indicator: string, value: string, start: string, end: string) => ({
    row: {
      id,
      indicator,
      value,
      unit: indicator.endsWith('-yoy') ? 'percent' : 'yi-usd',
      qualifier: 'exact' as const,
      period_start: start,
      period_end: end,
      geo: 'city',
      status: 'actual' as const,
      breakdown: [],
      source: 's',
      quote: '',
      note: '',
      note_zh: '',
    },
    file: 'figures.csv',
    line: 2,
  });
  const units = [
    {
      row: { id: 'yi-usd', symbol_zh: '亿美元', name_en: '100 million US dollars', kind: 'money' as const, definition: 'x' },
      file: 'units.csv',
      line: 2,
    },
  ];
  const run = (h1: string) =>
    findContinuity(
      {
        figures: [
          row('m1-5', 'fdi', '27.3', '2021-01-01', '2021-05-31'),
          row('m1-5-yoy', 'fdi-yoy', '37.6', '2021-01-01', '2021-05-31'),
          row('h1-prev', 'fdi', h1, '2020-01-01', '2020-06-30'),
        ],
        derived: [],
        places: [],
        units,
        continuity: [],
      },
      () => 'exact',
    );
  it('finds a June that is 2.4 times the January–May average, with the numbers, and asks for a record', () => {
    const report = run('29.4');
    expect(report.breaks.map((b) => [b.relation, b.figures.join(';')])).toEqual([['part-year', 'm1-5;m1-5-yoy;h1-prev']]);
    expect(report.breaks[0]?.text).toContain('leaves 9.5–9.7 for June 2020 alone, 2.38–2.44 times an average month of January–May 2020');
    expect(report.breaks[0]?.textZh).toContain('2020年6月单月须为9.5–9.7');
    expect(report.problems.map((p) => p.message)).toEqual([
      expect.stringContaining('Record it in data/continuity.csv (figures m1-5;m1-5-yoy;h1-prev)'),
    ]);
  });
  it('lets an ordinary June pass', () => {
    expect(run('23.8').breaks).toEqual([]); // June about the January–May average
  });
});
