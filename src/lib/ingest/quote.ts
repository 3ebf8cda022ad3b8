/**
 * The quote of a figure: the shortest stretch of the clean text that holds the number and its
 * subject, verbatim. That is the number's clause; when the clause before the number says only
 * how it changed or what share it is (同比增长10.8%, 占58%), the clause before it is taken too.
 */
import type { Sentence, Span } from './clauses.ts';

/** Words that, alone before a number, leave the subject to the clause before. */
const NO_SUBJECT =
  /^(其中|分别|同比|比上年|比去年|较上年|较去年|较|比)?(同期)?(增长|增加|下降|减少|提高|提升|上升|回落|增速|增幅|占比|占|达到|达|为|合计|共|累计|计划总投资|总投资|投资额?|金额)?[^\p{Script=Han}]*$/u;

export function quoteSpan(sentence: Sentence, numberStart: number): Span {
  const i = sentence.clauses.findIndex((c) => numberStart >= c.start && numberStart < c.end);
  const clause = sentence.clauses[i] ?? sentence;
  let start = clause.start;
  const lead = clause.text.slice(0, numberStart - clause.start).replace(/(约|近|超过|超|突破|逾|过|高于)$/u, '');
  // a share (占全省12%) is a share of what the clause before names
  // (in English, a clause of three words or more before the number has its own subject)
  const latin = /[A-Za-z]/u.test(lead) && !/\p{Script=Han}/u.test(lead);
  const bare = latin
    ? lead.trim().split(/\s+/u).filter(Boolean).length < 3
    : NO_SUBJECT.test(lead.trim()) || /^(分别)?占/u.test(lead.trim());
  if (i > 0 && bare) start = (sentence.clauses[i - 1] as Span).start;
  // the clause is the unit of a quote; a "clause" of more than 120 characters (text with no
  // punctuation) is cut to a window around the number, still verbatim
  let end = clause.end;
  if (end - start > 120) {
    start = Math.max(start, numberStart - 40);
    end = Math.min(end, numberStart + 40);
  }
  const text = sentence.text.slice(start - sentence.start, end - sentence.start);
  const trimmedStart = start + (text.length - text.trimStart().length);
  const body = text.trim().replace(/[。！？!?；;]+$/u, '');
  return { start: trimmedStart, end: trimmedStart + body.length, text: body };
}
