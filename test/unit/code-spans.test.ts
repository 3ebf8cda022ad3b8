/**
 * Dictionary text marks the names a researcher finds in a file with backticks; codeSpans splits
 * them out so a page sets them as code, and refuses a pair left open.
 */
import { describe, expect, it } from 'vitest';
import { codeLang, codeSpans } from '../../src/lib/words/code-spans.ts';

describe('codeSpans', () => {
  it('splits backticked names from the sentence around them', () => {
    expect(codeSpans('所属指标在 `indicators.csv` 中的标识，以半角分号（`;`）分隔')).toEqual([
      { text: '所属指标在 ', code: false },
      { text: 'indicators.csv', code: true },
      { text: ' 中的标识，以半角分号（', code: false },
      { text: ';', code: true },
      { text: '）分隔', code: false },
    ]);
    expect(codeSpans('中文名称（简体）')).toEqual([{ text: '中文名称（简体）', code: false }]);
  });

  it('refuses a backtick without its pair', () => {
    expect(() => codeSpans('取自 `units.csv` 的 `symbol_zh')).toThrow(/unpaired backtick/u);
  });

  it('marks a name as English unless it is written in Han characters', () => {
    expect(codeLang('at-least')).toBe('en');
    expect(codeLang('类别:部分')).toBeUndefined();
  });
});
