import { expect, it } from 'vitest';
import { readableNote } from '../../src/lib/words/note-text.ts';

it('reads an ISO date in the reader’s language, and leaves a date inside an id alone', () => {
  expect(readableNote('2022 is inferred from the publication date (2022-06-20).', 'en')).toBe(
    '2022 is inferred from the publication date (20 June 2022).',
  );
  expect(readableNote('系根据发布日期（2022-06-20）推断', 'zh')).toBe('系根据发布日期（2022年6月20日）推断');
  expect(readableNote('see ev-2020-07-24-acceptance', 'en')).toBe('see ev-2020-07-24-acceptance');
  expect(() => readableNote('on 2022-02-30', 'en')).toThrow(/2022-02-30/u);
});
