/**
 * What counts as Chinese text, defined once for everything the site sets, marks or breaks:
 * full-width punctuation (zh-text.ts), lang="zh-CN" runs in English (script-runs.ts), and
 * where lines may break and how wide a character is (text-layout.ts, text-width.ts).
 * Each is the body of a regular-expression character class, for the `u` flag.
 */

/** A Chinese character: a Han ideograph of any block (its extensions, compatibility forms, radicals, 〇 and 々). */
export const HAN = String.raw`\p{Script=Han}`;

/**
 * The marks Chinese text is set with: the CJK symbols and punctuation block (、。《》「」【】〔〕),
 * the full-width forms (，：；！？（）％), and the curly quotes Chinese shares with English.
 */
export const CHINESE_MARKS = String.raw`\u3000-\u303f\uff00-\uffef“”‘’`;

/** A character of Chinese text: a Chinese character or one of its marks. */
export const CHINESE_TEXT = `${HAN}${CHINESE_MARKS}`;

/**
 * Characters that set a full em wide and break like Chinese (clreq): Chinese text, the other
 * East Asian wide characters that turn up inside it (kana such as ・, enclosed and square
 * forms such as ㈠ and ㎡, the blocks from U+2E80 to U+9FFF and U+F900 to U+FAFF), and the
 * ellipsis, dash and middle dot, which Chinese fonts draw a full em wide.
 */
export const WIDE_TEXT = String.raw`${CHINESE_TEXT}\u2e80-\u9fff\uf900-\ufaff…—·`;

const ONE_CHINESE = new RegExp(`[${CHINESE_TEXT}]`, 'u');

/** Whether the text holds any Chinese character or mark. */
export function hasChinese(text: string): boolean {
  return ONE_CHINESE.test(text);
}
