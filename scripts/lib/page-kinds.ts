/**
 * Built pages grouped by the template that made them, read from their paths: pages that share
 * a parent folder with three or more siblings ("/events/<id>/", "/charts/<id>/") come from one
 * dynamic route; every other page is a template of its own. The screenshot script takes one
 * page of each kind; the accessibility audit takes a fixed sample of each.
 */

const LARGE = 4;

const parentOf = (p: string) => (p === '/' ? '' : p.replace(/[^/]+\/?$/u, ''));

/** "/events/[id]/" for a page of a large group, the path itself for any other page */
export function templateOf(path: string, all: readonly string[]): string {
  const parent = parentOf(path);
  const siblings = all.filter((p) => parentOf(p) === parent).length;
  return parent.length > 1 && siblings >= LARGE ? `${parent}[id]/` : path;
}

export function pagesByTemplate(all: readonly string[]): Map<string, string[]> {
  const groups = new Map<string, string[]>();
  for (const p of all) {
    const t = templateOf(p, all);
    groups.set(t, [...(groups.get(t) ?? []), p]);
  }
  return groups;
}

/** A page of each kind: every page of its own template, the first page of a dynamic route. */
export function pagesOfEachKind(all: readonly string[]): string[] {
  return [...pagesByTemplate(all).values()].map((pages) => pages[0] as string);
}

/**
 * `perTemplate` pages of every dynamic route, spread over it (first, last, and evenly between),
 * and every other page: what the accessibility audit checks when it does not check them all.
 */
export function sampleOfEachTemplate(all: readonly string[], perTemplate: number): string[] {
  const picked = new Set<string>();
  for (const pages of pagesByTemplate(all).values()) {
    if (pages.length <= perTemplate) pages.forEach((p) => picked.add(p));
    else for (let i = 0; i < perTemplate; i++) picked.add(pages[Math.round((i * (pages.length - 1)) / (perTemplate - 1))] as string);
  }
  return all.filter((p) => picked.has(p));
}
