/**
 * English text from the data cites Chinese words as the sources print them (正增长, 《…》
 * titles, 1-4月份). Screen readers and fonts need to know where those words are: a run of
 * Chinese is marked lang="zh-CN" inside the English sentence. A run starts and ends with a
 * Chinese character or mark; digits and Latin letters between two Chinese characters belong to it.
 */
import { CHINESE_TEXT as CJK } from './chinese-chars.ts';

const RUN = new RegExp(`[${CJK}]+(?:[0-9A-Za-z.%+\\-–—·/]*[${CJK}]+)*`, 'gu');

export interface ScriptRun {
  text: string;
  /** true for a run of Chinese */
  zh: boolean;
}

export function scriptRuns(text: string): ScriptRun[] {
  const runs: ScriptRun[] = [];
  let at = 0;
  for (const m of text.matchAll(RUN)) {
    const start = m.index ?? 0;
    if (start > at) runs.push({ text: text.slice(at, start), zh: false });
    runs.push({ text: m[0], zh: true });
    at = start + m[0].length;
  }
  if (at < text.length) runs.push({ text: text.slice(at), zh: false });
  return runs;
}
