/** The paragraphs a source page shows (src/lib/text/excerpt.ts), on invented texts. */
import { describe, expect, it } from 'vitest';
import { excerptOf, paragraphsOf } from '../../src/lib/text/excerpt.ts';
import { locateQuotes } from '../../src/lib/text/quote-highlight.ts';

const TEXT = [
  '标题：某市招商',
  '',
  '第一段没有数字。',
  '第二段：签约项目120个。',
  '第三段没有。',
  '第四段：外资3.5亿美元，',
  '同比增长10%。',
  '第六段没有。',
].join('\n');

describe('excerptOf', () => {
  it('keeps the lines holding quotes and the first line for context, and counts what it leaves out', () => {
    const { spans } = locateQuotes(TEXT, [
      { id: 'a', quote: '签约项目120个' },
      { id: 'b', quote: '外资3.5亿美元，\n同比增长10%' },
    ]);
    const ex = excerptOf(TEXT, spans);
    expect(ex.paragraphs).toBe(7);
    expect(ex.blocks.map((b) => [TEXT.slice(b.start, b.end), b.omittedBefore, b.context])).toEqual([
      ['标题：某市招商', 0, true],
      ['第二段：签约项目120个。', 1, false],
      ['第四段：外资3.5亿美元，\n同比增长10%。', 1, false],
    ]);
    expect(ex.omittedAfter).toBe(1);
    // never more than one paragraph without a quote
    expect(ex.blocks.filter((b) => b.context).length).toBe(1);
  });

  it('adds no context line when the first line holds a quote', () => {
    const { spans } = locateQuotes(TEXT, [{ id: 'a', quote: '某市招商' }]);
    const ex = excerptOf(TEXT, spans);
    expect(ex.blocks).toHaveLength(1);
    expect(ex.blocks[0]?.context).toBe(false);
    expect(ex.omittedAfter).toBe(6);
  });

  it('takes the context from the article, not from a secondary source’s header', () => {
    const text = `url: http://example.invalid/a\npublisher: 某报\n${TEXT}`;
    const { spans } = locateQuotes(text, [{ id: 'a', quote: '签约项目120个' }]);
    const ex = excerptOf(text, spans);
    expect(ex.blocks.map((b) => [text.slice(b.start, b.end), b.omittedBefore, b.context])).toEqual([
      ['标题：某市招商', 2, true],
      ['第二段：签约项目120个。', 1, false],
    ]);
  });

  it('splits a text into its non-blank lines', () => {
    expect(paragraphsOf('  a \n\n b\n').map((p) => [p.start, p.end])).toEqual([
      [2, 3],
      [7, 8],
    ]);
  });
});
