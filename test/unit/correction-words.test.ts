/**
 * A correction reads as a sentence for readers: what was wrong, what it is now, why, and the
 * pages that changed, with no id or data vocabulary; changes made on or before the day of
 * first publication are not corrections.
 */
import { describe, expect, it } from 'vitest';
import { getDataset } from '../../src/lib/data/dataset.ts';
import { correctionLine, figurePages, isCorrection } from '../../src/lib/words/correction-words.ts';
import type { Correction } from '../../src/lib/data/schema.ts';

const data = getDataset();
const row = (over: Partial<Correction>): Correction => ({
  date: '2027-01-05',
  version: '1.2.0',
  figure: 'fdi-actual-2023-2024c',
  field: 'value',
  old: '35.7',
  new: '37.5',
  reason: 'The digits were transposed when the figure was typed in.',
  reason_zh: '录入时两位数字颠倒了。',
  ...over,
});

describe('isCorrection', () => {
  it('counts only changes made after the day of first publication', () => {
    expect(isCorrection({ date: '2026-12-01' }, '2026-12-01')).toBe(false);
    expect(isCorrection({ date: '2026-11-30' }, '2026-12-01')).toBe(false);
    expect(isCorrection({ date: '2026-12-02' }, '2026-12-01')).toBe(true);
  });
});

describe('correctionLine', () => {
  it('says what was wrong, what it is now and why, in the reader’s words', () => {
    const zh = correctionLine(row({}), data, 'zh', []);
    expect(zh.sentence).toBe('实际使用外资（2023年）的数值原为35.7亿美元，现改为37.5亿美元。原因：录入时两位数字颠倒了。');
    expect(zh.dateText).toBe('2027年1月5日');
    const en = correctionLine(row({}), data, 'en', []);
    expect(en.sentence).toMatch(
      /^The value of “.+” \(2023\) was 3\.57 billion US dollars; it is now 3\.75 billion US dollars\. Why: The digits were transposed/u,
    );
  });

  it('writes a qualifier change as the figure written both ways, never as data words', () => {
    const c = row({ figure: 'projects-signed-5yi-2023-24-key-chains-target-2023c', field: 'qualifier', old: 'exact', new: 'at-least' });
    for (const lang of ['zh', 'en'] as const) {
      const s = correctionLine(c, data, lang, []).sentence;
      expect(s).not.toMatch(/exact|at-least|qualifier|projects-signed|\.csv|README/u);
    }
    expect(correctionLine(c, data, 'zh', []).sentence).toContain('原为150，现改为150以上');
  });

  it('names the pages a figure appears on by their titles', () => {
    const pages = figurePages('fdi-actual-2023-2024c', data, 'zh');
    expect(pages.map((p) => p.path)).toEqual(['/indicators/fdi-actual/', '/sources/art-2024-conference/']);
    for (const p of pages) expect(p.label).not.toMatch(/[a-z]{3}-/u);
  });
});
