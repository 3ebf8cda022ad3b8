/**
 * Ranks: a position in a ranking is a figure with unit `rank` (居全省第一, 位列第5位, 跃升全省首位,
 * 第一大贸易伙伴). Other ordinals (第四届, 第一天, 第二季度) are not figures.
 */
import { chineseValue } from './numbers.ts';

export interface RankHit {
  start: number;
  end: number;
  value: string;
  raw: string;
  word: string;
}

const VERB = '(?:位居|位列|居于|居|排在|排名|排|名列|跃升至|跃升|跃居|升至|稳居|保持|列)';
const ORDINAL = new RegExp(`${VERB}[^，,。；;]{0,14}?(第([0-9]+|[一二三四五六七八九十]+)(?:位|名)?|首位)`, 'gu');
const FIRST_BIG = /第([一二三四五六七八九十]|[0-9]+)大/gu;

export function findRanks(text: string): RankHit[] {
  const out: RankHit[] = [];
  for (const m of text.matchAll(ORDINAL)) {
    const phrase = m[1] as string;
    const start = (m.index ?? 0) + m[0].length - phrase.length;
    const value = phrase === '首位' ? '1' : /^\d+$/u.test(m[2] as string) ? (m[2] as string) : chineseValue(m[2] as string);
    if (value)
      out.push({
        start,
        end: start + phrase.length,
        value,
        raw: phrase,
        word: m[0]
          .slice(0, m[0].length - phrase.length)
          .replace(/[^\p{Script=Han}]/gu, '')
          .slice(0, 4),
      });
  }
  for (const m of text.matchAll(FIRST_BIG)) {
    const start = m.index ?? 0;
    if (out.some((r) => r.start <= start && start < r.end)) continue;
    const value = /^\d+$/u.test(m[1] as string) ? (m[1] as string) : chineseValue(m[1] as string);
    if (value) out.push({ start, end: start + m[0].length, value, raw: m[0], word: '第N大' });
  }
  return out;
}
