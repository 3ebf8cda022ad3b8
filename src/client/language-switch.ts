/**
 * The language switch keeps the reader's place: the query (explorer filters, the story's
 * chosen views) and the fragment (a sentence in a source, an event, a figure's row) are the
 * same in both editions, because both are built from the same templates and ids.
 */
export function twinHref(linkHref: string, here: Pick<Location, 'search' | 'hash'>): string {
  const url = new URL(linkHref, 'http://x.invalid/');
  url.search = here.search;
  url.hash = here.hash;
  return `${url.pathname}${url.search}${url.hash}`;
}

export function carryPlace(doc: Document): void {
  const links = [...doc.querySelectorAll<HTMLAnchorElement>('a[data-lang-switch]')];
  const base = links.map((a) => a.getAttribute('href') ?? '');
  const update = (): void => {
    links.forEach((a, i) => a.setAttribute('href', twinHref(base[i] ?? '', doc.location)));
  };
  update();
  // the explorer and the story's view switch rewrite the address without a navigation
  addEventListener('hashchange', update);
  addEventListener('popstate', update);
  for (const a of links) a.addEventListener('pointerdown', update);
  for (const a of links) a.addEventListener('focus', update);
}
