/**
 * The front page's lead: the headline finding, worded from the promise ledger's counts, and
 * the key numbers, each looked up in the data with its unit and period.
 */
import { t, type Lang, type MessageKey } from '../i18n/index.ts';
import { getDataset } from '../lib/data/dataset.ts';
import { formatInUnit, formatValue, shownQualifier } from '../lib/words/format.ts';
import { englishUnit } from '../lib/words/english-units.ts';
import { ledgerCounts, ledgerLines } from '../lib/words/promise-words.ts';
import { fig, figure, indicatorOf, period } from './figures.ts';

export interface KeyNumber {
  figureId: string;
  value: string;
  /**
   * the unit on a line of its own where the language writes it as words after the number
   * (3.75 / billion US dollars); empty where it is part of the value (37.5亿美元)
   */
  unit: string;
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
    ...valueAndUnit(id, lang),
    period: period(id, lang),
    name: indicatorOf(id, lang),
    tag: t(lang, tag),
  }));
}

function valueAndUnit(id: string, lang: Lang): { value: string; unit: string } {
  const f = figure(id);
  const unit = englishUnit(f.unit);
  // only a unit written as words goes under the number; a count's name below says what is counted
  if (lang === 'zh' || unit.form !== 'name') return { value: fig(id, lang), unit: '' };
  return { value: formatInUnit(f.valueText, f.unit, lang, shownQualifier(f)), unit: unit.axis };
}

export function headline(lang: Lang): string {
  const counts = ledgerCounts(ledgerLines(getDataset(), lang));
  const checkable = counts.met + counts['not-met'];
  const params = { total: formatValue(counts.total, lang), checkable: formatValue(checkable, lang) };
  return t(lang, checkable === 0 ? 'story.lead.headline.none' : 'story.lead.headline.some', params);
}
