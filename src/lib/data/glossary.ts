/**
 * The glossary's rules (data/glossary.csv): each term's quote stands verbatim in the clean text
 * of its first source and holds the term; every source listed uses the term; ids are unique and
 * every reference exists; nothing the English page shows as English holds Chinese. Called by
 * the data check with the loaded table; it reports, never fixes.
 */
import type { Located } from './csv.ts';
import type { GlossaryTerm } from './schema.ts';
import { quoteProblem } from './quotes.ts';

export type At = (r: Located<unknown>, column: string, message: string) => void;

export interface GlossaryContext {
  sourceIds: ReadonlySet<string>;
  /** clean text by source id; a source without one has been reported by the source checks */
  clean: ReadonlyMap<string, { text: string }>;
  indicatorIds: ReadonlySet<string>;
  /** indicators with at least one figure, published or derived: only they have a page to link to */
  indicatorsWithFigures: ReadonlySet<string>;
}

/**
 * Chinese characters and full-width punctuation: the same class the English edition's parity
 * check refuses outside lang="zh" (scripts/lib/edition-text.ts), so a glossary row that passes
 * here cannot fail there.
 */
const CHINESE_TEXT = /[\p{Script=Han}\u3000-\u303f\uff01-\uff0f\uff1a-\uff20\uff3b-\uff40\uff5b-\uff65]/u;

/** Columns the English page shows as English text, outside any lang="zh-CN" element. */
const ENGLISH_COLUMNS = ['term_en', 'said_en', 'undefined_en', 'avoid_why_en', 'quote_en'] as const;

/** The forms a source may print the term in. */
export function termForms(row: Pick<GlossaryTerm, 'term_zh' | 'variants_zh'>): string[] {
  return [row.term_zh, ...row.variants_zh];
}

export function checkGlossary(rows: readonly Located<GlossaryTerm>[], ctx: GlossaryContext, at: At): void {
  const first = new Map<string, Located<GlossaryTerm>>();
  for (const r of rows) {
    const seen = first.get(r.row.id);
    if (seen) at(r, 'id', `duplicate id "${r.row.id}" (first at ${seen.file}:${seen.line})`);
    else first.set(r.row.id, r);
  }

  for (const r of rows) {
    const g = r.row;
    const forms = termForms(g);
    const formsText = forms.join('、');

    for (const column of ENGLISH_COLUMNS) {
      const hit = CHINESE_TEXT.exec(g[column]);
      if (hit) at(r, column, `holds Chinese ("${hit[0]}"): the English page shows this column as English; name the term in English and keep the Chinese in the _zh columns`);
    }
    for (const item of g.avoid_en) {
      const hit = CHINESE_TEXT.exec(item);
      if (hit) at(r, 'avoid_en', `"${item}" holds Chinese ("${hit[0]}"): list English renderings only`);
    }

    // what is left undefined is said in both languages, and said at all unless a source defines the term
    if (g.defined !== 'yes' && g.undefined_en === '') at(r, 'undefined_en', `defined is "${g.defined}": say what the sources leave undefined ("The sources do not define …")`);
    if (g.undefined_en !== '' && g.undefined_zh === '') at(r, 'undefined_zh', 'undefined_en is given in English but not in Chinese');
    if (g.undefined_en === '' && g.undefined_zh !== '') at(r, 'undefined_en', 'undefined_zh is given in Chinese but not in English');
    const hasAvoid = g.avoid_en.length > 0;
    if (hasAvoid && g.avoid_why_en === '') at(r, 'avoid_why_en', 'avoid_en lists renderings: say why they narrow or widen the term');
    if (hasAvoid && g.avoid_why_zh === '') at(r, 'avoid_why_zh', 'avoid_en lists renderings: say why in Chinese too');
    if (!hasAvoid && g.avoid_why_en !== '') at(r, 'avoid_en', 'avoid_why_en gives a reason, but avoid_en lists no rendering');
    if (!hasAvoid && g.avoid_why_zh !== '') at(r, 'avoid_en', 'avoid_why_zh gives a reason, but avoid_en lists no rendering');

    const listed = new Set<string>();
    for (const s of g.sources) {
      if (listed.has(s)) at(r, 'sources', `"${s}" is listed twice`);
      listed.add(s);
      if (!ctx.sourceIds.has(s)) continue; // reported by the references rule
      const text = ctx.clean.get(s)?.text;
      if (text !== undefined && !forms.some((f) => text.includes(f))) at(r, 'sources', `${s} does not use the term: none of ${formsText} occurs in its clean text`);
    }
    const quoted = g.sources[0];
    const quotedText = quoted === undefined ? undefined : ctx.clean.get(quoted)?.text;
    if (quotedText !== undefined) {
      const problem = quoteProblem(quotedText, g.quote, quoted as string);
      if (problem) at(r, 'quote', problem);
    }
    if (!forms.some((f) => g.quote.includes(f))) at(r, 'quote', `does not contain the term: none of ${formsText} occurs in it`);

    for (const id of g.see_also) {
      if (id === g.id) at(r, 'see_also', 'a term cannot refer to itself');
    }
    for (const id of g.indicators) {
      if (ctx.indicatorIds.has(id) && !ctx.indicatorsWithFigures.has(id)) at(r, 'indicators', `indicator "${id}" has no figure, so no page to link to`);
    }
  }
}
