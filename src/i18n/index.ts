/**
 * Interface text, one dictionary per language. Components ask for keys; a missing key
 * fails the build rather than showing a raw key to readers.
 */
import zh from './zh.json';
import enJson from './en.json';

export type Lang = 'zh' | 'en';
export const LANGS: readonly Lang[] = ['zh', 'en'];
export type MessageKey = keyof typeof zh;

/**
 * The English dictionary has exactly the Chinese keys: a key missing from en.json fails the
 * type check as a missing property, a key only en.json has as a string that is not `never`.
 * test/unit/i18n-parity.test.ts checks the same at run time, with placeholders and order.
 */
const en: Record<MessageKey, string> & Record<Exclude<keyof typeof enJson, MessageKey>, never> = enJson;

const dictionaries: Record<Lang, Record<MessageKey, string>> = { zh, en };

export function t(lang: Lang, key: MessageKey, params: Record<string, string | number> = {}): string {
  const dict = dictionaries[lang];
  const template = dict?.[key];
  if (template === undefined) throw new Error(`i18n: no text for "${key}" in ${lang}`);
  return template.replace(/\{(\w+)\}/gu, (_, name: string) => {
    const v = params[name];
    if (v === undefined) throw new Error(`i18n: "${key}" needs the parameter {${name}}`);
    return String(v);
  });
}

export const htmlLang: Record<Lang, string> = { zh: 'zh-CN', en: 'en' };
