/**
 * The research downloads without a build: the all-figures rows, the Table Schemas generated from schema.ts, the explorer's query handling, the quote
 * highlighting of the source viewer and the citations.
 */
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { toSpreadsheetCsv } from '../../src/lib/data/csv.ts';
import { getDataset } from '../../src/lib/data/dataset.ts';
import { ALL_FIGURES_COLUMN_NAMES, allFigureRecords } from '../../src/lib/downloads/tables.ts';
import { allFiguresSchema, describeResources, tableFields, tableSchema } from '../../src/lib/downloads/datapackage.ts';
import { STATUSES, TABLES, QUALIFIERS, type TableName } from '../../src/lib/data/schema.ts';
import {
  explorerQuery,
  normaliseForSearch,
  parseExplorerQuery,
  rowMatches,
  EMPTY_STATE,
  type AllowedValues,
  type RowFacts,
} from '../../src/lib/explorer/filter.ts';
import { locateQuotes, renderSourceHtml, segmentText } from '../../src/lib/text/quote-highlight.ts';
import { citeApa, citeBibtex, citeGbt7714, datasetMeta } from '../../src/lib/downloads/citation.ts';
import { routes } from '../../src/lib/site/routes.ts';

const parseBack = (csv: string) => Papa.parse<Record<string, string>>(csv.replace(/^\uFEFF/u, ''), { header: true, skipEmptyLines: true });

describe('all-figures rows', () => {
  const data = getDataset();
  const records = allFigureRecords(data);

  it('has one row per figure, published and derived, with every listed column', () => {
    expect(records).toHaveLength(data.figures.length);
    expect(records.filter((r) => r['type'] === 'derived').length).toBe(data.figures.filter((f) => f.derived).length);
    for (const r of records) expect(Object.keys(r)).toEqual(ALL_FIGURES_COLUMN_NAMES);
  });

  it('keeps values as published (trailing zeros included) and joins names', () => {
    for (const f of data.figures) {
      const r = records.find((x) => x['id'] === f.id);
      expect(r?.['value']).toBe(f.valueText);
      expect(r?.['indicator_zh']).toBe(data.indicators.get(f.indicator)?.name_zh);
    }
  });

  it('parses back from its CSV to the same rows', () => {
    const csv = toSpreadsheetCsv(records, ALL_FIGURES_COLUMN_NAMES);
    const back = parseBack(csv);
    expect(back.errors).toEqual([]);
    expect(back.data.length).toBe(records.length);
    back.data.forEach((row, i) => {
      const rec = records[i] as Record<string, string>;
      for (const c of ALL_FIGURES_COLUMN_NAMES) {
        const v = rec[c] as string;
        expect(row[c]).toBe(/^[=+\-@\t\r]/u.test(v) && !/^-?\d+(\.\d+)?$/u.test(v) ? `'${v}` : v);
      }
    });
  });
});

describe('Table Schemas generated from schema.ts', () => {
  it('list every column of every table, in CSV order, each described', () => {
    for (const name of Object.keys(TABLES) as TableName[]) {
      const fields = tableFields(name);
      expect(fields.map((f) => f.name)).toEqual(Object.keys(TABLES[name].schema.shape));
      for (const f of fields) expect(f.description, `${name}.${f.name}`).not.toBe('');
    }
  });

  it('turn zod enums into constraints.enum and .describe() into descriptions', () => {
    const fig = tableFields('figures');
    expect(fig.find((f) => f.name === 'status')?.constraints?.enum).toEqual([...STATUSES]);
    expect(fig.find((f) => f.name === 'qualifier')?.constraints?.enum).toEqual([...QUALIFIERS]);
    expect(fig.find((f) => f.name === 'quote')?.description).toBe(TABLES.figures.schema.shape.quote.description);
    expect(fig.find((f) => f.name === 'period_start')?.type).toBe('date');
    expect(fig.find((f) => f.name === 'value')?.type).toBe('number');
  });

  it('declare ids as primary keys and single-id columns as foreign keys', () => {
    const s = tableSchema('figures');
    expect(s.primaryKey).toBe('id');
    expect(s.foreignKeys?.map((k) => `${k.fields}->${k.reference.resource}`)).toEqual([
      'indicator->indicators',
      'unit->units',
      'geo->places',
      'source->sources',
    ]);
    expect(tableSchema('places').foreignKeys).toEqual([{ fields: 'parent', reference: { resource: '', fields: 'id' } }]);
  });

  it('describe all-figures with the columns the rows have', () => {
    expect(allFiguresSchema().fields.map((f) => f.name)).toEqual(ALL_FIGURES_COLUMN_NAMES);
    expect(describeResources().map((r) => r.path)).toContain('all-figures.csv');
  });
});

describe('explorer query', () => {
  const allowed: AllowedValues = {
    year: new Set(['2020', '2024']),
    indicator: new Set(['fdi-actual']),
    place: new Set(['qingdao']),
    source: new Set(['art-2024-conference']),
    status: new Set(['actual', 'target']),
    kind: new Set(['primary', 'secondary']),
    type: new Set(['published', 'derived']),
  };

  it('reads known values and reports each unknown one, keeping the rest', () => {
    const { state, problems } = parseExplorerQuery('?year=2024&indicator=nope&colour=red&q=外资&sort=value&dir=up&year=2020', allowed);
    expect(state.filters).toEqual({ year: '2024' });
    expect(state.q).toBe('外资');
    expect(state.sort).toBe('value');
    expect(problems).toEqual([
      { kind: 'unknown-value', param: 'indicator', value: 'nope' },
      { kind: 'unknown-param', param: 'colour', value: 'red' },
      { kind: 'unknown-value', param: 'dir', value: 'up' },
      { kind: 'repeated', param: 'year', value: '2020' },
    ]);
  });

  it('writes a query that reads back to the same state', () => {
    const state = { filters: { year: '2024', indicator: 'fdi-actual' }, q: '外资', sort: 'period' as const, dir: 'desc' as const };
    const q = explorerQuery(state);
    expect(parseExplorerQuery(q, allowed)).toEqual({ state, problems: [] });
    expect(explorerQuery(EMPTY_STATE)).toBe('');
  });

  it('matches a year anywhere in the period, and search across full- and half-width forms', () => {
    const row: RowFacts = {
      years: [2019, 2023],
      indicator: 'fdi-actual',
      place: 'qingdao',
      sources: ['a'],
      status: 'actual',
      kind: 'primary',
      type: 'published',
      text: normaliseForSearch('实际使用外资 青岛市 占全国4.3%，RCEP'),
    };
    const at = (filters: Record<string, string>, q = '') => rowMatches(row, { ...EMPTY_STATE, filters, q });
    expect(at({ year: '2021' })).toBe(true);
    expect(at({ year: '2024' })).toBe(false);
    expect(at({}, '４．３％')).toBe(true);
    expect(at({}, 'ｒｃｅｐ')).toBe(true);
    expect(at({}, '外资 青岛')).toBe(true);
    expect(at({}, '内资')).toBe(false);
  });
});

describe('source highlighting', () => {
  const text = '\n\n甲乙丙丁戊己庚。\n\n\n\n辛⟪x⟫壬';
  const figures = [
    { id: 'a', quote: '乙丙丁' },
    { id: 'b', quote: '丁戊' },
    { id: 'c', quote: '乙丙丁' },
  ];

  it('cuts overlapping quotes into pieces that know who covers them', () => {
    const { spans, missing } = locateQuotes(text, figures);
    expect(missing).toEqual([]);
    const segs = segmentText(0, text.length, spans).filter((s) => s.covering.length > 0);
    expect(segs.map((s) => [text.slice(s.start, s.end), s.covering.sort().join('+')])).toEqual([
      ['乙丙', 'a+c'],
      ['丁', 'a+b+c'],
      ['戊', 'b'],
    ]);
  });

  it('gives every quote its own anchor, a reference after it, and explains ⟪…⟫', () => {
    const { spans } = locateQuotes(text, figures);
    const n = new Map(spans.map((s, i) => [s.id, i + 1]));
    const html = renderSourceHtml(text, spans, {
      number: (id) => n.get(id) ?? 0,
      refHref: (id) => routes('zh').data(id),
      refLabel: (_id, k) => `ref ${k}`,
      unrepairedHref: () => '#chg-0',
      unrepairedLabel: 'kept',
    });
    for (const id of ['a', 'b', 'c']) {
      expect(html.match(new RegExp(`id="fig-${id}"`, 'gu'))).toHaveLength(1);
      expect(html).toContain(`href="${routes('zh').data(id)}"`);
    }
    expect(html).toContain('<a class="unrepaired" href="#chg-0" title="kept">⟪x⟫</a>');
    expect(html.startsWith('甲')).toBe(true);
    expect(html).toContain('。\n\n辛');
    expect(html).not.toContain('\n\n\n');
  });
});

describe('citations', () => {
  const meta = datasetMeta({
    title: '标题',
    author: '作者',
    site: 'https://example.org',
    dataPath: '/data/',
    created: '2025-03-04T05:06:07Z',
  });
  it('say the same version, year and address in all three styles', () => {
    expect(citeGbt7714(meta, '引用日期')).toBe(`作者. 标题[DS/OL]. ${meta.version}版. (2025-03-04)[引用日期]. https://example.org/data/.`);
    expect(citeApa(meta)).toBe(`作者. (2025). 标题 (Version ${meta.version}) [Data set]. https://example.org/data/`);
    const bib = citeBibtex(meta);
    expect(bib).toMatch(/^@misc\{[a-z0-9]+2025,$/mu);
    expect(bib).toContain(`version = {${meta.version}}`);
    expect(bib).toContain('howpublished = {\\url{https://example.org/data/}}');
  });
});
