/**
 * The glossary (data/glossary.csv): its check refuses a quote that is not in the clean text, a
 * source that does not exist or does not use the term, a duplicate id, and the rest, each at its
 * file, line and column; the real table holds the terms issue 13 names; and the link from each
 * quote finds its passage in the source viewer's text.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { checkGlossary, termForms, type GlossaryContext } from '../../src/lib/data/glossary.ts';
import { checkReferences } from '../../src/lib/data/rules/references.ts';
import { TABLES } from '../../src/lib/data/schema.ts';
import { formatProblem, type Located, type Problem } from '../../src/lib/data/csv.ts';
import { loadTable } from '../../src/lib/data/load.ts';
import type { GlossaryTerm } from '../../src/lib/data/schema.ts';
import { getDataset } from '../../src/lib/data/dataset.ts';
import { textDirective } from '../../src/lib/text/text-fragment.ts';
import { locateQuotes, renderSourceHtml } from '../../src/lib/text/quote-highlight.ts';

const CONTEXT: GlossaryContext = {
  sourceIds: new Set(['art-a', 'art-b']),
  clean: new Map([
    ['art-a', { text: '2022年全市新签约50亿元以上大项目75个、落地44个,签约大项目总量是前两年的总和。' }],
    ['art-b', { text: '鼓励链主企业、龙头企业通过上下游产业链参与招商引资。' }],
  ]),
  indicatorIds: new Set(['projects-landed-50yi', 'unused-indicator']),
  indicatorsWithFigures: new Set(['projects-landed-50yi']),
};

const term = (over: Partial<GlossaryTerm> = {}): GlossaryTerm => ({
  id: 'landed',
  term_zh: '落地',
  variants_zh: [],
  pinyin: 'luòdì',
  term_en: 'landed',
  defined: 'no',
  said_en: 'A stage after signing.',
  said_zh: '签约之后的一个环节。',
  undefined_en: 'The sources do not define when a project counts as landed.',
  undefined_zh: '来源没有定义项目什么时候算落地。',
  avoid_en: ['completed'],
  avoid_why_en: 'Too wide.',
  avoid_why_zh: '译得太宽。',
  sources: ['art-a'],
  quote: '新签约50亿元以上大项目75个、落地44个',
  quote_en: '75 big projects signed, 44 landed',
  see_also: [],
  indicators: ['projects-landed-50yi'],
  ...over,
});

/** Runs the check on rows at lines 2, 3, … of glossary.csv and returns `file:line: column: message`. */
function problems(...rows: GlossaryTerm[]): string[] {
  const out: Problem[] = [];
  const located: Located<GlossaryTerm>[] = rows.map((row, i) => ({ row, file: 'data/glossary.csv', line: i + 2 }));
  const at = (r: Located<unknown>, column: string, message: string) => out.push({ file: r.file, line: r.line, column, message });
  // the ids a term refers to are checked by the references rule, declared in table-facts.ts
  const idRows = (ids: Iterable<string>) => [...ids].map((id) => ({ row: { id }, file: 'x.csv', line: 2 }));
  const tables = Object.fromEntries(Object.keys(TABLES).map((t) => [t, []])) as unknown as Parameters<typeof checkReferences>[0];
  Object.assign(tables, { sources: idRows(CONTEXT.sourceIds), indicators: idRows(CONTEXT.indicatorIds), glossary: located });
  checkReferences(tables, at);
  checkGlossary(located, CONTEXT, at);
  return out.map(formatProblem);
}

describe('checkGlossary', () => {
  it('accepts a term whose quote, sources and references all hold', () => {
    expect(
      problems(
        term(),
        term({
          id: 'chain-leader',
          term_zh: '链主',
          variants_zh: ['链主企业'],
          sources: ['art-b'],
          quote: '鼓励链主企业、龙头企业',
          indicators: [],
          see_also: ['landed'],
        }),
      ),
    ).toEqual([]);
  });

  it('refuses a quote that is not verbatim in the clean text of its first source', () => {
    expect(problems(term({ quote: '新签约50亿元以上大项目76个、落地44个' }))).toEqual([
      'data/glossary.csv:2: quote: not found verbatim in the clean text of art-a',
    ]);
  });

  it('refuses a source that is not in sources.csv', () => {
    expect(problems(term({ sources: ['art-a', 'art-gone'] }))).toEqual([
      'data/glossary.csv:2: sources: "art-gone" is not an id in sources.csv',
    ]);
  });

  it('refuses a duplicate id, naming where it was first used', () => {
    expect(problems(term(), term({ said_en: 'Again.' }))).toEqual([
      'data/glossary.csv:3: id: duplicate id "landed" (first at data/glossary.csv:2)',
    ]);
  });

  it('refuses a listed source that does not use the term in any of its forms', () => {
    expect(problems(term({ sources: ['art-a', 'art-b'] }))).toEqual([
      'data/glossary.csv:2: sources: art-b does not use the term: none of 落地 occurs in its clean text',
    ]);
  });

  it('refuses a quote that is in the source but does not hold the term', () => {
    expect(problems(term({ quote: '签约大项目总量是前两年的总和' }))).toEqual([
      'data/glossary.csv:2: quote: does not contain the term: none of 落地 occurs in it',
    ]);
  });

  it('finds the term through a variant', () => {
    expect(problems(term({ term_zh: '落地项目', variants_zh: ['落地'] }))).toEqual([]);
  });

  it('refuses unknown or self references, and an indicator without figures (it has no page)', () => {
    expect(problems(term({ see_also: ['landed', 'no-such-term'], indicators: ['no-such-indicator', 'unused-indicator'] }))).toEqual([
      'data/glossary.csv:2: see_also: "no-such-term" is not an id in glossary.csv',
      'data/glossary.csv:2: indicators: "no-such-indicator" is not an id in indicators.csv',
      'data/glossary.csv:2: see_also: a term cannot refer to itself',
      'data/glossary.csv:2: indicators: indicator "unused-indicator" has no figure, so no page to link to',
    ]);
  });

  it('requires what is left undefined unless a source defines the term, in both languages', () => {
    expect(problems(term({ undefined_en: '', undefined_zh: '' }))[0]).toBe(
      'data/glossary.csv:2: undefined_en: defined is "no": say what the sources leave undefined ("The sources do not define …")',
    );
    expect(problems(term({ defined: 'yes', undefined_en: '', undefined_zh: '' }))).toEqual([]);
    expect(problems(term({ undefined_zh: '' }))).toEqual([
      'data/glossary.csv:2: undefined_zh: undefined_en is given in English but not in Chinese',
    ]);
  });

  it('requires a reason, in both languages, for renderings to avoid', () => {
    expect(problems(term({ avoid_why_en: '', avoid_why_zh: '' }))).toEqual([
      'data/glossary.csv:2: avoid_why_en: avoid_en lists renderings: say why they narrow or widen the term',
      'data/glossary.csv:2: avoid_why_zh: avoid_en lists renderings: say why in Chinese too',
    ]);
    expect(problems(term({ avoid_en: [] }))).toEqual([
      'data/glossary.csv:2: avoid_en: avoid_why_en gives a reason, but avoid_en lists no rendering',
      'data/glossary.csv:2: avoid_en: avoid_why_zh gives a reason, but avoid_en lists no rendering',
    ]);
  });

  it('refuses Chinese in a column the English page shows as English', () => {
    expect(problems(term({ said_en: 'A stage after 签约.', avoid_en: ['landing（落地）'] }))).toEqual([
      'data/glossary.csv:2: said_en: holds Chinese ("签"): the English page shows this column as English; name the term in English and keep the Chinese in the _zh columns',
      'data/glossary.csv:2: avoid_en: "landing（落地）" holds Chinese ("（"): list English renderings only',
    ]);
  });
});

describe('glossary.csv schema', () => {
  const dir = mkdtempSync(join(tmpdir(), 'glossary-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('reports a malformed cell at its line and column', () => {
    const header =
      'id,term_zh,variants_zh,pinyin,term_en,defined,said_en,said_zh,undefined_en,undefined_zh,avoid_en,avoid_why_en,avoid_why_zh,sources,quote,quote_en,see_also,indicators';
    const good = 'landed,落地,,luòdì,landed,no,A stage.,环节。,Undefined.,未定义。,,,,art-a,落地44个,44 landed,,';
    const bad = 'signed,签约,,qiān yuē 签约,signed,sometimes,A stage.,环节。,Undefined.,未定义。,,,,art-a,签约,signed,,';
    const path = join(dir, 'glossary.csv');
    writeFileSync(path, `${header}\n${good}\n${bad}\n`);
    const out: Problem[] = [];
    const table = loadTable('glossary', { dataDir: dir, displayRoot: dir, path }, out);
    expect(table.rows.map((r) => r.row.id)).toEqual(['landed']);
    expect(out.map((p) => `${p.file}:${p.line}: ${p.column}`)).toEqual(['glossary.csv:3: pinyin', 'glossary.csv:3: defined']);
    expect(out[0]?.message).toContain('must be Hanyu Pinyin');
  });
});

describe('data/glossary.csv', () => {
  const data = getDataset(); // runs the whole data check: every quote, source and reference holds
  const forms = new Map(data.glossary.flatMap((g) => termForms(g).map((f) => [f, g.id] as const)));

  it.each(['双招双引', '链主', '以商招商', '落地', '签约', '招商引资', '产业链', '实际使用外资', '到账'])('has the term %s', (zh) => {
    expect(forms.has(zh), `${zh} is neither a term nor a variant in data/glossary.csv`).toBe(true);
  });

  it('has 链主 under the forms the sources print (链主企业, “链主”企业) and 签约 with 签约项目', () => {
    expect(forms.get('链主企业')).toBe(forms.get('链主'));
    expect(forms.get('“链主”企业')).toBe(forms.get('链主'));
    expect(forms.get('签约项目')).toBe(forms.get('签约'));
  });

  it('says for every term the sources do not define what they leave undefined', () => {
    for (const g of data.glossary.filter((x) => x.defined !== 'yes')) {
      expect(g.undefined_en, g.id).toMatch(/^The sources do not /u);
    }
  });
});

describe('textDirective', () => {
  const text = '上半年,全市签约5亿元以上重点项目218个,其中已注册落地项目63个,注册落地率28.9%。';

  it('leads to the passage, percent-encoded, with "-" and "," encoded as a directive needs', () => {
    expect(textDirective(text, '注册落地项目63个', [])).toBe(`#:~:text=${encodeURIComponent('注册落地项目63个')}`);
    expect(textDirective('a-b, c', 'a-b, c', [])).toBe('#:~:text=a%2Db%2C%20c');
  });

  it('gives a range around text the page inserts inside the passage, and ignores insertions at its edges', () => {
    const passage = '全市签约5亿元以上重点项目218个,其中已注册落地项目63个';
    const start = text.indexOf(passage);
    const inside = text.indexOf(',其中');
    expect(textDirective(text, passage, [start, inside, start + passage.length])).toBe(
      `#:~:text=${encodeURIComponent('全市签约5亿元以上重点项目218个')},${encodeURIComponent(',其中已注册落地项目63个').replace(/-/gu, '%2D')}`,
    );
  });

  it('is undefined for a passage that is not in the text', () => {
    expect(textDirective(text, '落地99个', [])).toBeUndefined();
  });

  it("leads from every glossary quote to that quote in the source viewer's text, across the reference numbers it inserts", () => {
    const data = getDataset();
    // the viewer's text as a browser matches it; each inserted reference number becomes one mark no passage holds
    const REF = '\u0000';
    const visible = (html: string) =>
      html
        .replace(/<sup class="q-ref">.*?<\/sup>/gu, REF)
        .replace(/<[^>]*>/gu, '')
        .replace(/&lt;/gu, '<')
        .replace(/&gt;/gu, '>')
        .replace(/&quot;/gu, '"')
        .replace(/&#39;/gu, "'")
        .replace(/&amp;/gu, '&');
    let ranges = 0;
    for (const g of data.glossary) {
      const source = g.sources[0] as string;
      const text = data.report.clean.get(source)?.text ?? '';
      const figures = data.figures.filter((f) => !f.derived && f.sources[0] === source);
      const { spans } = locateQuotes(text, figures);
      const shown = visible(
        renderSourceHtml(text, spans, {
          number: () => 7,
          refHref: () => '#',
          refLabel: () => 'ref',
          unrepairedHref: () => undefined,
          unrepairedLabel: 'x',
        }),
      );
      const directive = textDirective(
        text,
        g.quote,
        spans.map((s) => s.end),
      );
      expect(directive, g.id).toBeDefined();
      const [first, last] = (directive as string).replace('#:~:text=', '').split(',').map(decodeURIComponent) as [
        string,
        string | undefined,
      ];
      // as a browser does: the first occurrence of the start, then the end after it
      const from = shown.indexOf(first);
      expect(from, `${g.id}: "${first}" not in the viewer's text of ${source}`).toBeGreaterThanOrEqual(0);
      const to = last === undefined ? from + first.length : shown.indexOf(last, from + first.length) + last.length;
      if (last !== undefined) ranges++;
      expect(shown.slice(from, to).replaceAll(REF, ''), g.id).toBe(g.quote);
    }
    expect(ranges, 'some quote runs across a reference number, so the range form is exercised').toBeGreaterThan(0);
  });
});
