/**
 * A Chinese name can hold a document's title in 书名号 (政策条数《关于支持上合示范区高质量发展的意见》):
 * the title is set in <cite>, the rest is the site's own words. This splits the two, so a page
 * written at build time and a row drawn by a script mark the same title the same way.
 */
export interface TitlePiece {
  text: string;
  /** a title in 《》, the marks included */
  title: boolean;
}

const BOOK_TITLE = /《[^》]*》/gu;

export function bookTitles(text: string): TitlePiece[] {
  const out: TitlePiece[] = [];
  let at = 0;
  for (const m of text.matchAll(BOOK_TITLE)) {
    if (m.index > at) out.push({ text: text.slice(at, m.index), title: false });
    out.push({ text: m[0], title: true });
    at = m.index + m[0].length;
  }
  if (at < text.length) out.push({ text: text.slice(at), title: false });
  return out;
}
