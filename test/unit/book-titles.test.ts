/** A name holding a document's title in 《》 splits into the title (set in <cite>) and the site's words. */
import { describe, expect, it } from 'vitest';
import { bookTitles } from '../../src/lib/text/book-titles.ts';

describe('bookTitles', () => {
  it('splits the titles in 《》 from the words around them', () => {
    expect(bookTitles('政策条数（《关于支持上合示范区高质量发展的意见》）')).toEqual([
      { text: '政策条数（', title: false },
      { text: '《关于支持上合示范区高质量发展的意见》', title: true },
      { text: '）', title: false },
    ]);
    expect(bookTitles('《甲》与《乙》')).toEqual([
      { text: '《甲》', title: true },
      { text: '与', title: false },
      { text: '《乙》', title: true },
    ]);
    expect(bookTitles('制造业')).toEqual([{ text: '制造业', title: false }]);
  });
});
