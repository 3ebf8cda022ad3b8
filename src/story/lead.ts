/**
 * The front page's lead: the headline finding, worded from the promise ledger's counts, and
 * the key numbers, each looked up in the data with its unit and period.
 */
import { t, type Lang, type MessageKey } from '../i18n/index.ts';
import { getDataset } from '../lib/data/dataset.ts';
import { formatValue } from '../lib/words/format.ts';
import { ledgerCounts, ledgerLines } from '../lib/words/promise-words.ts';
import { fig, indicatorOf, period } from './figures.ts';

export interface KeyNumber {
  figureId: string;
  value: string;
  period: string;
  name: string;
  /** what kind of number it is, in a word (目标, 报告) */
  tag: string;
}

/** [figure id, dictionary key of its tag] in reading order */
const KEY_NUMBERS: [string, MessageKey][] = [
  ['projects-landed-1yi-2024-target-2024c', 'story.lead.tag.target'],
  ['projects-signed-1yi-2024-2025m', 'story.lead.tag.signedNotLanded'],
  ['fdi-actual-2023-2024c', 'story.lead.tag.fullYear'],
];

export function keyNumbers(lang: Lang): KeyNumber[] {
  return KEY_NUMBERS.map(([id, tag]) => ({
    figureId: id,
    value: fig(id, lang),
    period: period(id, lang),
    name: indicatorOf(id, lang),
    tag: t(lang, tag),
  }));
}

export function headline(lang: Lang): string {
  const counts = ledgerCounts(ledgerLines(getDataset(), lang));
  const checkable = counts.met + counts['not-met'];
  const params = { total: formatValue(counts.total, lang), checkable: formatValue(checkable, lang) };
  return t(lang, checkable === 0 ? 'story.lead.headline.none' : 'story.lead.headline.some', params);
}
