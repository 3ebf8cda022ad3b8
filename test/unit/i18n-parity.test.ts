/**
 * The English dictionary mirrors the Chinese one: the same keys in the same order, each value
 * translated (not empty, not the key), the same {placeholders}, and English text without
 * Chinese characters or full-width punctuation, except in the keys allowed below. Problems
 * name the file and line, so a translator finds them without searching.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const ZH = 'src/i18n/zh.json';
const EN = 'src/i18n/en.json';

/**
 * Keys whose English deliberately cites a Chinese term, each with the reason. Keep it short:
 * a glossary term is better written in pinyin and English here, with the Chinese supplied by the
 * data through a {param}, so a page can put it in an element marked lang="zh".
 */
const HAN_ALLOWED: Record<string, string> = {};

/** Han characters, and the CJK punctuation and full-width forms that belong to Chinese text. */
const HAN = /\p{Script=Han}/u;
const CJK_PUNCTUATION = /[\u3000-\u303f\uff00-\uffef]/u;
/** A run of Chinese text: Han characters with the Chinese punctuation inside or around them. */
const CHINESE_RUN = /[\u3000-\u303f\uff00-\uffef]*\p{Script=Han}[\p{Script=Han}\u3000-\u303f\uff00-\uffef]*/gu;

interface Dictionary {
  file: string;
  values: Record<string, string>;
  /** keys in file order, duplicates included, with the line each is on */
  entries: { key: string; line: number }[];
}

/**
 * JSON.parse keeps the last of two equal keys without a word, so the keys are also read from the
 * text: every dictionary line is `"key": "value",` (prettier writes one entry per line).
 */
function load(file: string): Dictionary {
  const text = readFileSync(`${ROOT}${file}`, 'utf8');
  const values = JSON.parse(text) as Record<string, string>;
  const entries: { key: string; line: number }[] = [];
  text.split('\n').forEach((l, i) => {
    const m = /^\s*"((?:[^"\\]|\\.)*)"\s*:/u.exec(l);
    if (m?.[1] !== undefined) entries.push({ key: JSON.parse(`"${m[1]}"`) as string, line: i + 1 });
  });
  return { file, values, entries };
}

const zh = load(ZH);
const en = load(EN);
const where = (d: Dictionary, key: string) => `${d.file}:${d.entries.find((e) => e.key === key)?.line ?? '?'}: "${key}"`;
const placeholders = (s: string) => [...new Set([...s.matchAll(/\{(\w+)\}/gu)].map((m) => m[1]))].sort();

describe('the English dictionary mirrors the Chinese one', () => {
  it('has no key twice, each entry on a line of its own', () => {
    for (const d of [zh, en]) {
      const seen = new Map<string, number>();
      const twice = d.entries.flatMap((e) => {
        const first = seen.get(e.key);
        seen.set(e.key, e.line);
        return first === undefined ? [] : [`${d.file}:${e.line}: "${e.key}" again (first on line ${first})`];
      });
      expect(twice).toEqual([]);
      expect(d.entries.length, `${d.file}: keys read line by line against keys parsed`).toBe(Object.keys(d.values).length);
    }
  });

  it('has every Chinese key, and no key the Chinese dictionary lacks', () => {
    const missing = Object.keys(zh.values)
      .filter((k) => !(k in en.values))
      .map((k) => `${where(zh, k)} has no English in ${EN}`);
    const extra = Object.keys(en.values)
      .filter((k) => !(k in zh.values))
      .map((k) => `${where(en, k)} is not in ${ZH}`);
    expect([...missing, ...extra]).toEqual([]);
  });

  it('keeps the keys in the same order, so the two files read side by side', () => {
    const zhOrder = Object.keys(zh.values).filter((k) => k in en.values);
    const enOrder = Object.keys(en.values).filter((k) => k in zh.values);
    const i = zhOrder.findIndex((k, n) => enOrder[n] !== k);
    expect(i < 0 ? '' : `${where(en, enOrder[i] ?? '')} is where ${where(zh, zhOrder[i] ?? '')} should be`).toBe('');
  });

  it('has no value that is empty or the key itself', () => {
    const bad = [zh, en].flatMap((d) =>
      Object.entries(d.values)
        .filter(([k, v]) => v.trim() === '' || v.trim() === k)
        .map(([k, v]) => `${where(d, k)}: ${JSON.stringify(v)}`),
    );
    expect(bad).toEqual([]);
  });

  it('uses the same {placeholders} as the Chinese text', () => {
    const bad = Object.keys(zh.values)
      .filter((k) => k in en.values)
      .filter((k) => placeholders(zh.values[k] ?? '').join() !== placeholders(en.values[k] ?? '').join())
      .map(
        (k) =>
          `${where(en, k)}: {${placeholders(en.values[k] ?? '').join('} {')}} but Chinese has {${placeholders(zh.values[k] ?? '').join('} {')}}`,
      );
    expect(bad).toEqual([]);
  });

  it('writes English without Chinese characters or full-width punctuation', () => {
    const bad = Object.entries(en.values)
      .filter(([k, v]) => !(k in HAN_ALLOWED) && (HAN.test(v) || CJK_PUNCTUATION.test(v)))
      .map(([k, v]) => `${where(en, k)}: ${JSON.stringify(v)}`);
    expect(bad).toEqual([]);
  });

  it('allows Chinese only for a stated reason, as whole runs a page can mark lang="zh"', () => {
    const bad = Object.entries(HAN_ALLOWED).flatMap(([k, reason]) => {
      const v = en.values[k];
      if (v === undefined) return [`HAN_ALLOWED names "${k}", which ${EN} does not have`];
      if (reason.trim() === '') return [`${where(en, k)} is allowed Chinese without a reason`];
      if (!HAN.test(v)) return [`${where(en, k)} has no Chinese: take it off HAN_ALLOWED`];
      // outside the Chinese runs, no CJK punctuation; each run stands apart from Latin letters and
      // digits, so wrapping it in <span lang="zh"> never splits a word
      const outside = v.replace(CHINESE_RUN, ' ');
      const letter = (ch: string | undefined) => ch !== undefined && /[\p{L}\p{N}]/u.test(ch);
      const mixed = [...v.matchAll(CHINESE_RUN)].some((m) => letter(v[m.index - 1]) || letter(v[m.index + m[0].length]));
      return [
        ...(CJK_PUNCTUATION.test(outside) ? [`${where(en, k)}: full-width punctuation outside the Chinese term`] : []),
        ...(mixed ? [`${where(en, k)}: a Chinese term is glued to a Latin word or number`] : []),
      ];
    });
    expect(bad).toEqual([]);
  });
});
