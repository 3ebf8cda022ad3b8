/**
 * Built pages grouped by the kind of page they are, read from their paths. A kind is a template
 * in a language (read from the address by the routes module: "/en/…" is English), and the
 * language folder is set aside before the template is read, so "/en/timeline/" is the English
 * kind of "/timeline/" and "/en/charts/a/" of "/charts/a/". Within a language, pages that share a
 * parent folder with three or more siblings ("/events/<id>/", "/charts/<id>/") come from one
 * dynamic route; every other page is a template of its own. The screenshot script takes one
 * page of each kind; the accessibility audit takes a fixed sample of each.
 */

import type { Lang } from '../../src/i18n/index.ts';
import { langOfPathname, twinPathname } from '../../src/lib/site/routes.ts';

const LARGE = 4;
export type PageLang = Lang;

const parentOf = (p: string) => (p === '/' ? '' : p.replace(/[^/]+\/?$/u, ''));

/** the language of a page and its path without the language folder ("/en/data/" → en, "/data/") */
export function splitLang(path: string): { lang: PageLang; rest: string } {
  // the editions' prefixes come from the one table in src/i18n/paths.ts; the root edition has none
  return { lang: langOfPathname(path), rest: twinPathname(path, 'zh') };
}

export interface PageKind {
  /** "/events/[id]/" for a page of a large group, the path (without a language folder) for any other page */
  template: string;
  lang: PageLang;
}

/** the kind of `path` among `all` pages: its template, read among the pages of its language, and that language */
export function kindOf(path: string, all: readonly string[]): PageKind {
  const { lang, rest } = splitLang(path);
  const parent = parentOf(rest);
  const siblings = all.filter((p) => {
    const other = splitLang(p);
    return other.lang === lang && parentOf(other.rest) === parent;
  }).length;
  return { template: parent.length > 1 && siblings >= LARGE ? `${parent}[id]/` : rest, lang };
}

/** "template lang", e.g. "/events/[id]/ zh": one key per kind of page */
export function kindKey(kind: PageKind): string {
  return `${kind.template} ${kind.lang}`;
}

export function pagesByKind(all: readonly string[]): Map<string, string[]> {
  const groups = new Map<string, string[]>();
  for (const p of all) {
    const k = kindKey(kindOf(p, all));
    groups.set(k, [...(groups.get(k) ?? []), p]);
  }
  return groups;
}

/** A page of each kind: every page of its own template, the first page of a dynamic route, in each language. */
export function pagesOfEachKind(all: readonly string[]): string[] {
  return [...pagesByKind(all).values()].map((pages) => pages[0] as string);
}

/**
 * `perKind` pages of every dynamic route in each language, spread over it (first, last, and
 * evenly between), and every other page: what the accessibility audit checks when it does not
 * check them all.
 */
export function sampleOfEachKind(all: readonly string[], perKind: number): string[] {
  const picked = new Set<string>();
  for (const pages of pagesByKind(all).values()) {
    if (pages.length <= perKind) pages.forEach((p) => picked.add(p));
    else for (let i = 0; i < perKind; i++) picked.add(pages[Math.round((i * (pages.length - 1)) / (perKind - 1))] as string);
  }
  return all.filter((p) => picked.has(p));
}
