/**
 * The rule for what counts as a figure (data/README.md, "What counts as a figure"), as far as
 * a program can hold the data to it. In the clean text of every source:
 *
 * - a rank (居…第五位, 位居全省首位, 位列全省第一, 第一大, "ranked fifth", "third among") must
 *   lie inside the quote of a figure with unit `rank`;
 * - a structural count written in words (两场, 四场硬仗, 三张清单, 三支队伍) must lie inside a
 *   figure's quote;
 * - a round-number claim (过万家, 突破千亿元, 超千万人) must lie inside the quote of a figure
 *   qualified `more-than`.
 * And a publication year that is inferred, not printed, is left empty (the inference lives in
 * date_note).
 */
import type { Located, Problem } from './csv.ts';
import type { RowOf } from './load.ts';
import type { NormalizeResult } from '../text/normalize.ts';

export const RANK_PATTERNS: RegExp[] = [
  /(?:居|位居|位列|排在|排名|跃升|升至)[^，,。；;]{0,12}?(?:第[一二三四五六七八九十\d]+位?|首位)/gu,
  /第一大/gu,
  /\b(?:ranked|ranking)\s+(?:\d+(?:st|nd|rd|th)|first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth)\b/giu,
  /\b(?:first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth)\s+among\b/giu,
];
export const WORD_COUNT_PATTERN = /[两二三四五六七八九十]+(?:场|张|支)/gu;
export const ROUND_CLAIM_PATTERN = /(?:过|突破|超过?|逾)(?:万|千万|百亿|千亿|万亿)(?:家|元|人|个)/gu;

type Tables = {
  sources: Located<RowOf<'sources'>>[];
  figures: Located<RowOf<'figures'>>[];
};

export function figureRuleProblems(tables: Tables, clean: Map<string, NormalizeResult>): Problem[] {
  const problems: Problem[] = [];
  for (const s of tables.sources) {
    if (s.row.date_basis === 'inferred' && s.row.published_year !== '') {
      problems.push({ file: s.file, line: s.line, column: 'published_year', message: 'the year is inferred, not printed: leave published_year empty and say what it is inferred from in date_note' });
    }
    const text = clean.get(s.row.id)?.text;
    if (text === undefined) continue;
    const mine = tables.figures.filter((f) => f.row.source === s.row.id);
    const need = (pattern: RegExp, ok: (f: RowOf<'figures'>) => boolean, what: string) => {
      for (const m of text.matchAll(pattern)) {
        if (mine.some((f) => ok(f.row) && f.row.quote.includes(m[0]))) continue;
        problems.push({ file: s.file, line: s.line, column: 'id', message: `${what} "${m[0]}" in the clean text of ${s.row.id} is not recorded: add a figure whose quote contains it (data/README.md, what counts as a figure)` });
      }
    };
    RANK_PATTERNS.forEach((p) => need(p, (f) => f.unit === 'rank', 'the rank'));
    need(WORD_COUNT_PATTERN, () => true, 'the count in words');
    need(ROUND_CLAIM_PATTERN, (f) => f.qualifier === 'more-than', 'the round-number claim');
  }
  return problems;
}
