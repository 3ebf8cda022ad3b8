/**
 * The search page's client: loads Pagefind's script from /pagefind/ on this site the first
 * time it is needed (Pagefind then fetches only the index fragments for this edition's
 * language), runs the query from ?q= or as the reader types, and lists each result with the
 * kind of page it is, its title, an excerpt with the matched words marked, and links to the
 * sections of a long page (the glossary, the story) where they matched. Without this script
 * the page's form still submits and says search needs JavaScript.
 */
interface PagefindResultData {
  url: string;
  meta: Record<string, string | undefined>;
  excerpt: string;
  sub_results?: { title: string; url: string; excerpt: string }[];
}
interface PagefindResult {
  id: string;
  data: () => Promise<PagefindResultData>;
}
interface PagefindApi {
  options: (o: Record<string, unknown>) => Promise<void>;
  search: (q: string) => Promise<{ results: PagefindResult[] } | null>;
  debouncedSearch: (q: string, o?: Record<string, unknown>, ms?: number) => Promise<{ results: PagefindResult[] } | null>;
}

const PAGE = 10;
/** pages made of entries with their own anchors, where a matched entry is worth its own link */
const SECTIONED = new Set(['glossary', 'story', 'promises']);

/** Pagefind's excerpt is HTML with <mark> around matches; keep the text and the marks only. */
export function excerptNodes(doc: Document, html: string): Node[] {
  const holder = doc.createElement('template');
  holder.innerHTML = html;
  const out: Node[] = [];
  for (const node of holder.content.childNodes) {
    if (node.nodeName.toLowerCase() === 'mark') {
      const m = doc.createElement('mark');
      m.textContent = node.textContent;
      out.push(m);
    } else out.push(doc.createTextNode(node.textContent ?? ''));
  }
  return out;
}

const fill = (template: string, params: Record<string, string>) => template.replace(/\{(\w+)\}/gu, (_, k: string) => params[k] ?? '');

export function enableSiteSearch(doc: Document): void {
  const root = doc.getElementById('site-search');
  const form = root?.querySelector('form');
  const input = doc.getElementById('search-q') as HTMLInputElement | null;
  const status = doc.getElementById('search-status');
  const list = doc.getElementById('search-results');
  const more = doc.getElementById('search-more') as HTMLButtonElement | null;
  if (!root || !form || !input || !status || !list || !more) return;
  const bundle = root.dataset['bundle'] ?? '/pagefind/';
  const kinds = JSON.parse(root.dataset['kinds'] ?? '{}') as Record<string, string>;
  const text = JSON.parse(root.dataset['text'] ?? '{}') as Record<string, string>;

  let api: Promise<PagefindApi> | undefined;
  const load = (): Promise<PagefindApi> => {
    api ??= (async () => {
      const url = `${bundle}pagefind.js`;
      const mod = (await import(/* @vite-ignore */ url)) as PagefindApi;
      await mod.options({ baseUrl: root.dataset['base'] ?? '/', excerptLength: 30 });
      return mod;
    })();
    return api;
  };

  let results: PagefindResult[] = [];
  let shown = 0;
  let run = 0;

  const render = async (from: number) => {
    const mine = run;
    const batch = await Promise.all(results.slice(from, from + PAGE).map((r) => r.data()));
    if (mine !== run) return;
    for (const d of batch) {
      const li = doc.createElement('li');
      const kind = d.meta['kind'];
      if (kind && kinds[kind]) {
        const k = doc.createElement('span');
        k.className = 'sr-kind';
        k.textContent = kinds[kind];
        li.append(k);
      }
      const a = doc.createElement('a');
      a.className = 'sr-title';
      a.href = d.url;
      a.textContent = d.meta['title'] ?? d.url;
      li.append(a);
      const p = doc.createElement('p');
      p.className = 'sr-excerpt';
      p.append(...excerptNodes(doc, d.excerpt));
      li.append(p);
      // a page of entries: the entries where the words matched, each its own link
      const subs = (SECTIONED.has(d.meta['kind'] ?? '') ? (d.sub_results ?? []) : [])
        .filter((s) => s.url.includes('#') && s.title && s.title !== d.meta['title'])
        .slice(0, 3);
      if (subs.length > 0) {
        const ul = doc.createElement('ul');
        ul.className = 'sr-subs';
        for (const s of subs) {
          const sli = doc.createElement('li');
          const sa = doc.createElement('a');
          sa.href = s.url;
          sa.textContent = s.title;
          sli.append(sa);
          ul.append(sli);
        }
        li.append(ul);
      }
      list.append(li);
    }
    shown = from + batch.length;
    more.hidden = shown >= results.length;
  };

  const search = async (q: string) => {
    const mine = ++run;
    list.replaceChildren();
    more.hidden = true;
    const query = q.trim();
    if (!query) {
      status.textContent = '';
      return;
    }
    status.textContent = text['loading'] ?? '';
    try {
      const pf = await load();
      const found = await pf.search(query);
      if (mine !== run || !found) return;
      results = found.results;
      status.textContent =
        results.length === 0 ? fill(text['none'] ?? '', { q: query }) : fill(text['count'] ?? '', { q: query, n: String(results.length) });
      await render(0);
    } catch (e) {
      if (mine === run) status.textContent = fill(text['failed'] ?? '', { error: e instanceof Error ? e.message : String(e) });
    }
  };

  let timer: ReturnType<typeof setTimeout> | undefined;
  const setQuery = (q: string) => {
    const url = new URL(doc.location.href);
    if (q) url.searchParams.set('q', q);
    else url.searchParams.delete('q');
    history.replaceState(null, '', url);
  };
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    clearTimeout(timer);
    setQuery(input.value.trim());
    void search(input.value);
  });
  input.addEventListener('input', () => {
    clearTimeout(timer);
    timer = setTimeout(() => {
      setQuery(input.value.trim());
      void search(input.value);
    }, 250);
  });
  more.addEventListener('click', () => void render(shown));
  const initial = new URL(doc.location.href).searchParams.get('q') ?? '';
  if (initial) {
    input.value = initial;
    void search(initial);
  }
}
