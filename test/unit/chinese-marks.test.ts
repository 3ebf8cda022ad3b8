/**
 * A Chinese sentence from the data splits into the site's words and what it cites: titles in
 * 《》, runs of English words, and (only where asked) quotations in “…”.
 */
import { describe, expect, it } from 'vitest';
import { chineseMarks } from '../../src/lib/text/chinese-marks.ts';

describe('chineseMarks', () => {
  it('marks a title and a run of English words, and leaves one English word alone', () => {
    expect(chineseMarks('原文为The first 11 months of this year（今年前11个月），见《青岛日报》；Excel可打开，Fortune Global 500')).toEqual(
      [
        { text: '原文为', kind: 'plain' },
        { text: 'The first 11 months of this year', kind: 'en' },
        { text: '（今年前11个月），见', kind: 'plain' },
        { text: '《青岛日报》', kind: 'cite' },
        { text: '；Excel可打开，', kind: 'plain' },
        { text: 'Fortune Global', kind: 'en' },
        { text: ' 500', kind: 'plain' },
      ],
    );
  });

  it('takes “…” as a quotation only when the text quotes verbatim', () => {
    expect(chineseMarks('见于“青島-上?,F代服務業”。')).toEqual([{ text: '见于“青島-上?,F代服務業”。', kind: 'plain' }]);
    expect(chineseMarks('见于“青島-上?,F代服務業”。', { quoted: true })).toEqual([
      { text: '见于', kind: 'plain' },
      { text: '青島-上?,F代服務業', kind: 'q' },
      { text: '。', kind: 'plain' },
    ]);
  });
});
