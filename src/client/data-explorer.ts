/**
 * Progressive enhancement of the /data/ table: filters, Chinese search, sorting, the state in
 * the URL so a view can be linked, and the filtered rows as CSV or JSON made in the browser
 * with the same toSpreadsheetCsv() that writes the static all-rows file. That writer (and
 * papaparse inside it) is loaded only when a reader asks for a download.
 *
 * The page's HTML holds only the first rows; the script fetches every figure from the page's
 * figures file (data-figures, src/lib/explorer/explorer-file.ts) and puts in the table only the
 * rows a view shows, each drawn when first needed (src/lib/explorer/row-dom.ts).
 */
import { formatValue } from '../lib/words/format.ts';
import {
  FILTER_PARAMS,
  PAGE_SIZE,
  compareRows,
  explorerQuery,
  idFromHash,
  normaliseForSearch,
  parseExplorerQuery,
  rowMatches,
  type AllowedValues,
  type ExplorerState,
  type QueryProblem,
  type RowFacts,
  type SortDir,
  type SortFacts,
  type SortKey,
  SORT_KEYS,
} from '../lib/explorer/filter.ts';
import { decodeExplorerFile } from '../lib/explorer/explorer-file.ts';
import { rowElement, type RowLabels } from '../lib/explorer/row-dom.ts';
import type { ExplorerRow } from '../lib/explorer/rows.ts';

interface Messages {
  paramLabel: Record<string, string>;
  unknownValue: string;
  unknownParam: string;
  repeated: string;
  problemsLead: string;
  count: string;
  none: string;
  countPaged: string;
  more: string;
  sortBy: string;
  downloadFailed: string;
  filteredName: string;
  loading: string;
  loadFailed: string;
  labels: RowLabels;
}

interface FiguresJson {
  columns: string[];
  rows: Record<string, string>[];
  filter: string;
  [k: string]: unknown;
}

/** What the script knows of one figure: its filter facts, its sort keys, its place in build order, its row once drawn. */
type Row = RowFacts & { id: string; figure: ExplorerRow; tr: HTMLTableRowElement | undefined; sort: SortFacts & { index: number } };

const fill = (template: string, params: Record<string, string>) => template.replace(/\{(\w+)\}/gu, (m, k: string) => params[k] ?? m);

/** Search looks where DataTable.astro marks text with class "sq": the indicator, the place and a published figure's quote. */
function toRow(r: ExplorerRow, index: number, L: RowLabels): Row {
  const searched = [r.indicatorName, r.placeName, ...(r.type === 'published' ? [`${L.quoteOpen}${r.quote}${L.quoteClose}`] : [])];
  return {
    id: r.id,
    figure: r,
    tr: undefined,
    years: r.years,
    indicator: r.indicator,
    place: r.geo,
    sources: r.sources.map((s) => s.id),
    status: r.status,
    kind: r.sourceKind,
    type: r.type,
    text: normaliseForSearch(searched.join(' ')),
    sort: {
      index,
      indicator: r.indicatorName,
      period: r.periodSort,
      place: r.placeName,
      value: r.value,
      status: r.statusLabel,
      source: r.sources[0]?.title ?? '',
    },
  };
}

export async function enableDataExplorer(doc: Document): Promise<void> {
  const form = doc.querySelector<HTMLFormElement>('#explorer');
  const table = doc.querySelector<HTMLTableElement>('#explorer-table');
  const tbody = table?.tBodies[0];
  const problemsBox = doc.querySelector<HTMLElement>('#explorer-problems');
  const countBox = doc.querySelector<HTMLElement>('#explorer-count');
  const messagesEl = doc.querySelector('#explorer-messages');
  if (!form || !table || !tbody || !problemsBox || !countBox || !messagesEl) return;
  const msg = JSON.parse(messagesEl.textContent ?? '{}') as Messages;

  const figuresUrl = form.dataset['figures'] ?? '';
  countBox.textContent = msg.loading;
  let rows: Row[];
  try {
    const response = await fetch(figuresUrl);
    if (!response.ok) throw new Error(`${figuresUrl}: ${response.status} ${response.statusText}`);
    rows = decodeExplorerFile(await response.json(), figuresUrl).map((r, i) => toRow(r, i, msg.labels));
  } catch (e) {
    // the rows in the HTML and the downloads stay; the explorer does not start
    problemsBox.hidden = false;
    problemsBox.textContent = fill(msg.loadFailed, { reason: e instanceof Error ? e.message : String(e) });
    countBox.textContent = '';
    return;
  }
  const byId = new Map(rows.map((r) => [`row-${r.id}`, r]));
  const trOf = (r: Row) => (r.tr ??= rowElement(doc, r.figure, msg.labels));

  // the values a URL may name are the options the page was built with
  const optionsOf = (p: string): ReadonlySet<string> => {
    const select = form.elements.namedItem(p) as HTMLSelectElement | null;
    return new Set([...(select?.options ?? [])].map((o) => o.value).filter((v) => v !== ''));
  };
  const allowed: AllowedValues = {
    year: optionsOf('year'),
    indicator: optionsOf('indicator'),
    place: optionsOf('place'),
    source: optionsOf('source'),
    status: optionsOf('status'),
    kind: optionsOf('kind'),
    type: optionsOf('type'),
  };

  const field = (name: string) => form.elements.namedItem(name) as HTMLInputElement | HTMLSelectElement | null;

  const readForm = (): ExplorerState => {
    const filters: ExplorerState['filters'] = {};
    for (const p of FILTER_PARAMS) {
      const v = field(p)?.value ?? '';
      if (v) filters[p] = v;
    }
    const sort = (field('sort')?.value ?? '') as SortKey | '';
    const dir = (field('dir')?.value ?? 'asc') as SortDir;
    return { filters, q: field('q')?.value ?? '', sort, dir };
  };

  const writeForm = (s: ExplorerState) => {
    for (const p of FILTER_PARAMS) {
      const el = field(p);
      if (el) el.value = s.filters[p] ?? '';
    }
    const q = field('q');
    if (q) q.value = s.q;
    const sort = field('sort');
    if (sort) sort.value = s.sort;
    const dir = field('dir');
    if (dir) dir.value = s.dir;
  };

  const showProblems = (problems: QueryProblem[]) => {
    problemsBox.replaceChildren();
    problemsBox.hidden = problems.length === 0;
    if (problems.length === 0) return;
    const lead = doc.createElement('p');
    lead.textContent = msg.problemsLead;
    const list = doc.createElement('ul');
    for (const p of problems) {
      const li = doc.createElement('li');
      const what = msg.paramLabel[p.param] ?? p.param;
      li.textContent =
        p.kind === 'unknown-value'
          ? fill(msg.unknownValue, { what, value: p.value })
          : p.kind === 'unknown-param'
            ? fill(msg.unknownParam, { param: p.param })
            : fill(msg.repeated, { param: p.param });
      list.append(li);
    }
    problemsBox.append(lead, list);
  };

  // sortable column headers: buttons only exist when the script does
  const headers = [...table.tHead!.rows[0]!.cells].filter((th) => th.dataset['sortKey']);
  for (const th of headers) {
    const button = doc.createElement('button');
    button.type = 'button';
    button.className = 'dt-sort';
    button.textContent = th.textContent ?? '';
    button.setAttribute('aria-label', fill(msg.sortBy, { column: th.textContent ?? '' }));
    th.replaceChildren(button);
    button.addEventListener('click', () => {
      const key = th.dataset['sortKey'] as SortKey;
      const s = readForm();
      const dir: SortDir = s.sort === key && s.dir === 'asc' ? 'desc' : 'asc';
      writeForm({ ...s, sort: key, dir });
      update();
    });
  }

  // the first PAGE_SIZE matching rows are shown; "show more" adds as many again (?n= in the URL)
  const moreButton = doc.querySelector<HTMLButtonElement>('#explorer-more-rows');
  let limit = PAGE_SIZE;
  let visible: Row[] = rows;
  const apply = (s: ExplorerState) => {
    limit = Math.max(PAGE_SIZE, s.n ?? PAGE_SIZE);
    const matching = rows.filter((r) => rowMatches(r, s));
    visible =
      s.sort && (SORT_KEYS as readonly string[]).includes(s.sort)
        ? matching.sort((a, b) => compareRows(a.sort, b.sort, s.sort as SortKey, s.dir))
        : matching;
    const shown = visible.slice(0, limit);
    tbody.replaceChildren(...shown.map(trOf));
    if (moreButton) {
      const rest = visible.length - shown.length;
      moreButton.hidden = rest <= 0;
      moreButton.textContent = fill(msg.more, { step: formatValue(Math.min(PAGE_SIZE, rest)), rest: formatValue(rest) });
    }
    for (const th of headers) {
      if (th.dataset['sortKey'] === s.sort) th.setAttribute('aria-sort', s.dir === 'asc' ? 'ascending' : 'descending');
      else th.removeAttribute('aria-sort');
    }
    countBox.textContent =
      visible.length === 0
        ? msg.none
        : visible.length > limit
          ? fill(msg.countPaged, { shown: formatValue(limit), matched: formatValue(visible.length), total: formatValue(rows.length) })
          : fill(msg.count, { shown: formatValue(visible.length), total: formatValue(rows.length) });
  };

  /** a changed filter or sort starts again from the first page; "show more" keeps it */
  const update = (n?: number) => {
    const s = { ...readForm(), ...(n === undefined ? {} : { n }) };
    apply(s);
    const url = new URL(doc.location.href);
    url.search = explorerQuery(s);
    history.replaceState(null, '', url);
  };

  let json: Promise<FiguresJson> | undefined;
  const loadJson = () => {
    json ??= fetch(form.dataset['json'] ?? '').then((r) => {
      if (!r.ok) throw new Error(`${r.status} ${r.statusText}`);
      return r.json() as Promise<FiguresJson>;
    });
    return json;
  };

  const download = async (format: 'csv' | 'json') => {
    try {
      const [all, { toSpreadsheetCsv }] = await Promise.all([loadJson(), import('../lib/data/csv.ts')]);
      const byId = new Map(all.rows.map((r) => [r['id'], r]));
      const picked = visible.map((r) => {
        const rec = byId.get(r.id);
        if (!rec) throw new Error(`row ${r.id} is not in ${form.dataset['json']}`);
        return rec;
      });
      const filter = explorerQuery(readForm());
      const body = format === 'csv' ? toSpreadsheetCsv(picked, all.columns) : JSON.stringify({ ...all, filter, rows: picked }, null, 1);
      const blob = new Blob([body], { type: format === 'csv' ? 'text/csv;charset=utf-8' : 'application/json' });
      const a = doc.createElement('a');
      a.href = URL.createObjectURL(blob);
      a.download = fill(msg.filteredName, { format });
      doc.body.append(a);
      a.click();
      a.remove();
      setTimeout(() => URL.revokeObjectURL(a.href), 10_000);
    } catch (e) {
      showProblems([]);
      problemsBox.hidden = false;
      problemsBox.textContent = fill(msg.downloadFailed, { reason: e instanceof Error ? e.message : String(e) });
    }
  };

  let typing: ReturnType<typeof setTimeout> | undefined;
  form.addEventListener('input', (e) => {
    if ((e.target as HTMLElement).getAttribute('name') === 'q') {
      clearTimeout(typing);
      typing = setTimeout(() => update(), 150);
    } else update();
  });
  form.addEventListener('change', () => update());
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    update();
  });
  form.addEventListener('reset', () => setTimeout(() => update(), 0));
  moreButton?.addEventListener('click', () => {
    const first = visible[limit];
    update(limit + PAGE_SIZE);
    // keep the reader's place: focus moves to the first of the newly shown rows
    if (first) {
      const tr = trOf(first);
      tr.tabIndex = -1;
      tr.focus();
    }
  });
  for (const b of form.querySelectorAll<HTMLButtonElement>('[data-download]')) {
    b.addEventListener('click', () => void download(b.dataset['download'] === 'json' ? 'json' : 'csv'));
  }

  const { state, problems } = parseExplorerQuery(doc.location.search, allowed);
  writeForm(state);
  showProblems(problems);
  form.hidden = false;
  // on a phone the filters fold away under the search box unless the link already sets some
  const more = doc.querySelector<HTMLDetailsElement>('#explorer-more');
  if (more) more.open = window.matchMedia('(min-width: 48rem)').matches || Object.keys(state.filters).length > 0 || state.sort !== '';
  apply(state);
  // a linked row (#row-…) may have moved when the query sorted the table, or be filtered out:
  // following a link to a row (a formula's input) clears the filters so the row can be seen
  const reveal = () => {
    const id = idFromHash(doc.location.hash);
    if (id === undefined && doc.location.hash.length > 1)
      console.warn(
        `data explorer: the address ends in ${doc.location.hash}, which is not a valid link to a row; showing the table as it is`,
      );
    const row = id === undefined ? undefined : byId.get(id);
    if (!row) {
      if (id !== undefined) doc.getElementById(id)?.scrollIntoView();
      return;
    }
    if (!visible.includes(row)) {
      writeForm({ ...readForm(), filters: {}, q: '' });
      update();
    }
    const at = visible.indexOf(row);
    if (at >= limit) update(Math.ceil((at + 1) / PAGE_SIZE) * PAGE_SIZE);
    trOf(row).scrollIntoView();
  };
  window.addEventListener('hashchange', reveal);
  reveal();
}
