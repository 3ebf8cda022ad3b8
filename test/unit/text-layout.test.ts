/** The site's one line-breaking rule (clreq), on invented text: what charts and images both use. */
import { describe, expect, it } from 'vitest';
import { breakUnits, isWideChar, NO_LINE_END, NO_LINE_START, wrapLines } from '../../src/lib/text/text-layout.ts';

/** a width model for the tests: a wide character 10 px, anything else 5 */
const measure = (s: string) => [...s].reduce((w, ch) => w + (isWideChar(ch) ? 10 : 5), 0);

describe('wrapLines', () => {
  const text = '青岛市（含西海岸新区）2023年签约项目“423个”，其中304个符合重点产业链。';

  it('never starts a line with closing punctuation or ends one with opening punctuation, at any width its pieces fit', () => {
    // the widest piece, 个”，, is 30 px: narrower, only the last resort (a split inside a piece) is left
    for (let room = 30; room <= 400; room += 5) {
      const lines = wrapLines(text, room, measure);
      expect(lines.join('')).toBe(text);
      for (const l of lines) {
        expect(l, `"${l}" at ${room}`).not.toMatch(NO_LINE_START);
        expect(l, `"${l}" at ${room}`).not.toMatch(NO_LINE_END);
      }
    }
  });

  it('fits each line to the room, a piece wider than the room alone split as a last resort', () => {
    for (let room = 20; room <= 400; room += 5) {
      for (const l of wrapLines(text, room, measure)) {
        // a character and the punctuation held to it may pass the room by that punctuation
        expect(measure(l.replace(/[，。）》”]+$/u, '').replace(/^[（《“]+/u, '')), `"${l}" at ${room}`).toBeLessThanOrEqual(room);
      }
    }
    expect(wrapLines('Supercalifragilistic', 30, measure).every((l) => measure(l) <= 30)).toBe(true);
  });

  it('breaks Latin text between words', () => {
    const lines = wrapLines('No public figure was found for these years', 60, measure);
    expect(lines.join(' ')).toBe('No public figure was found for these years');
    for (const l of lines) expect(l).not.toMatch(/^\s|\s$/u);
  });

  it('leaves no last line of one Chinese character where the line above can spare one', () => {
    const lines = wrapLines('青岛市，单位：个', 70, measure);
    expect(lines.at(-1)?.length).toBeGreaterThan(1);
    expect(lines.join('')).toBe('青岛市，单位：个');
  });
});

describe('breakUnits', () => {
  it('splits between Chinese characters and keeps punctuation with its neighbour', () => {
    expect(breakUnits('签约（个）。')).toEqual(['签', '约', '（个）。']);
    expect(breakUnits('a/b/c d')).toEqual(['a/', 'b/', 'c', ' ', 'd']);
  });
});
