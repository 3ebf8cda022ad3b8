/**
 * Interface text, one dictionary per language. Components ask for keys; a missing key
 * fails the build rather than showing a raw key to readers.
 */
import zh from './zh.json';
import en from './en.json';

export type Lang = 'zh' | 'en';
export const LANGS: readonly Lang[] = ['zh', 'en'];
export type MessageKey = keyof typeof zh;

const dictionaries: Record<string, Record<string, string>> = { zh, en };

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
