/**
 * Built pages grouped by the kind of page they are. A kind is a template in a language: the
 * route Astro made the page from (its list, written after each build by src/lib/site/route-list.ts,
 * not a guess from folder names), and the page's edition (read from its address by the routes
 * module: "/en/…" is English). One template serves both editions, so "/timeline/" and
 * "/en/timeline/" are two kinds of one route. A page no route lists (a file copied from public/)
 * is a kind of its own. The screenshot script takes one page of each kind; the accessibility
 * audit takes a fixed sample of each.
 */
import type { Lang } from '../../src/i18n/index.ts';
import { langOfPathname, twinPathname } from '../../src/lib/site/routes.ts';

export type PageLang = Lang;
/** route → the pages it made ("/[...lang]/events/[id]" → ["/events/a/", "/en/events/a/", …]) */
export type RoutePages = Readonly<Record<string, readonly string[]>>;

/** the language of a page and its path without the language folder ("/en/data/" → en, "/data/") */
export function splitLang(path: string): { lang: PageLang; rest: string } {
  return { lang: langOfPathname(path), rest: twinPathname(path, 'zh') };
}

export interface PageKind {
  /** the route the page was made from, or the page itself when no route lists it */
  template: string;
  lang: PageLang;
}

/** the kind of `path`: its route in the list and its language */
export function kindOf(path: string, routes: RoutePages): PageKind {
  const route = Object.keys(routes).find((r) => routes[r]?.includes(path));
  return { template: route ?? splitLang(path).rest, lang: splitLang(path).lang };
}

/** "template lang", e.g. "/[...lang]/events/[id] zh": one key per kind of page */
export function kindKey(kind: PageKind): string {
  return `${kind.template} ${kind.lang}`;
}

/** `all` pages by kind, in the order of `all` */
export function pagesByKind(all: readonly string[], routes: RoutePages): Map<string, string[]> {
  const routeOf = new Map<string, string>();
  for (const [route, pages] of Object.entries(routes)) for (const p of pages) routeOf.set(p, route);
  const groups = new Map<string, string[]>();
  for (const p of all) {
    const k = kindKey({ template: routeOf.get(p) ?? splitLang(p).rest, lang: splitLang(p).lang });
    groups.set(k, [...(groups.get(k) ?? []), p]);
  }
  return groups;
}

/** A page of each kind: the first page of each route, in each language. */
export function pagesOfEachKind(all: readonly string[], routes: RoutePages): string[] {
  return [...pagesByKind(all, routes).values()].map((pages) => pages[0] as string);
}

/**
 * `perKind` pages of every route in each language, spread over it (first, last, and evenly
 * between), and every page of a route with no more: what the accessibility audit checks when it
 * does not check them all.
 */
export function sampleOfEachKind(all: readonly string[], routes: RoutePages, perKind: number): string[] {
  const picked = new Set<string>();
  for (const pages of pagesByKind(all, routes).values()) {
    if (pages.length <= perKind) pages.forEach((p) => picked.add(p));
    else for (let i = 0; i < perKind; i++) picked.add(pages[Math.round((i * (pages.length - 1)) / (perKind - 1))] as string);
  }
  return all.filter((p) => picked.has(p));
}

/**
 * One page of each kind: the one for which `size` is largest (the page with the most text,
 * rows and longest names of its template), or the first when all are equal. What the browser
 * opens of the real build, where every page of the fixture site is opened.
 */
export function largestOfEachKind(all: readonly string[], routes: RoutePages, size: (page: string) => number): string[] {
  const picked = new Set<string>();
  for (const pages of pagesByKind(all, routes).values()) {
    let best = pages[0] as string;
    for (const p of pages) if (size(p) > size(best)) best = p;
    picked.add(best);
  }
  return all.filter((p) => picked.has(p));
}
