/**
 * One explorer row as DOM, the same markup DataTable.astro writes at build time (the browser
 * test compares the two): the explorer script draws the rows it shows from the figures file.
 * Text goes in as text, never as HTML.
 */
import type { ExplorerRow } from './rows.ts';
import type { Lang } from '../../i18n/index.ts';
import { routes } from '../site/routes.ts';
import { bookTitles } from '../text/book-titles.ts';

/** the words DataTable.astro takes from the dictionary, as the page gives them to the script */
export interface RowLabels {
  /** the edition the links lead to */
  lang: Lang;
  col: Record<'indicator' | 'period' | 'place' | 'value' | 'status' | 'source' | 'quote' | 'formula', string>;
  breakdown: string;
  derived: string;
  derivedNote: string;
  continuityNote: string;
  secondary: string;
  secondaryNote: string;
  /** the quote marks search text carries around a quote (the row shows it in <q>) */
  quoteOpen: string;
  quoteClose: string;
  note: string;
  listSep: string;
  arithmeticLead: string;
  arithmeticInputs: string;
}

type Child = Node | string;

export function rowElement(doc: Document, r: ExplorerRow, L: RowLabels): HTMLTableRowElement {
  const el = <K extends keyof HTMLElementTagNameMap>(tag: K, attrs: Record<string, string> = {}, ...children: Child[]) => {
    const e = doc.createElement(tag);
    for (const [k, v] of Object.entries(attrs)) e.setAttribute(k, v);
    e.append(...children);
    return e;
  };
  const link = routes(L.lang);
  const badge = (cls: string, title: string, text: string) => el('span', { class: `badge ${cls}`, title }, text);

  const tr = el('tr', {
    id: `row-${r.id}`,
    'data-id': r.id,
    'data-y0': String(r.years[0]),
    'data-y1': String(r.years[1]),
    'data-indicator': r.indicator,
    'data-place': r.geo,
    'data-source': r.sources.map((s) => s.id).join(';'),
    'data-status': r.status,
    'data-kind': r.sourceKind,
    'data-type': r.type,
  });

  const indicator = el(
    'td',
    { 'data-label': L.col.indicator, 'data-sort': r.indicatorName },
    el('a', { class: 'sq dt-ind', href: link.indicator(r.indicator) }, r.indicatorName),
  );
  if (r.breakdown) {
    const pieces = bookTitles(r.breakdown).map((p): Child => (p.title ? el('cite', {}, p.text) : p.text));
    indicator.append(el('span', { class: 'dt-breakdown' }, L.breakdown, ...pieces));
  }

  const value = el(
    'td',
    { 'data-label': L.col.value, class: 'num', 'data-sort': String(r.value) },
    el('span', { class: 'dt-value' }, r.valueText),
  );
  if (r.type === 'derived') value.append(badge('derived', L.derivedNote, L.derived));
  if (r.continuityNote) value.append(el('a', { class: 'dt-continuity', href: link.reconciliation(r.continuityNote) }, L.continuityNote));

  const status = el(
    'td',
    { 'data-label': L.col.status, 'data-sort': r.statusLabel },
    r.status === 'actual' ? r.statusLabel : el('span', { class: 'badge target' }, r.statusLabel),
  );

  const source = el('td', { 'data-label': L.col.source, 'data-sort': r.sources[0]?.title ?? '' });
  r.sources.forEach((s, i) => {
    if (i > 0) source.append(L.listSep);
    source.append(el('a', { href: link.source(s.id) }, el('cite', {}, s.title)));
  });
  if (r.sourceKind === 'secondary') source.append(' ', badge('secondary', L.secondaryNote, L.secondary));

  const quote = el('td', { 'data-label': r.type === 'published' ? L.col.quote : L.col.formula, class: 'dt-quote' });
  if (r.type === 'published') {
    quote.append(el('a', { class: 'sq', lang: r.quoteLang, href: link.source(r.sources[0]?.id ?? '', r.id) }, el('q', {}, r.quote)));
  } else if (r.arithmetic) {
    const a = r.arithmetic;
    const line = el('span', { class: 'arith-line' }, L.arithmeticLead);
    for (const p of a.parts) line.append(p.ref ? el('a', { href: p.href ?? '', title: p.label ?? '' }, p.text) : p.text);
    line.append(' ', a.result);
    const inputs = el('span', { class: 'arith-inputs', role: 'list', 'aria-label': L.arithmeticInputs });
    for (const i of a.inputs) inputs.append(el('span', { role: 'listitem', class: 'arith-input' }, el('a', { href: i.href }, i.label)));
    quote.append(el('span', { class: 'arith' }, line, inputs));
  }
  if (r.noteRuns.length > 0) {
    const p = el('p');
    for (const piece of r.noteRuns) {
      const runs = piece.runs.map((run): Child =>
        run.zh
          ? el('span', { lang: 'zh-CN' }, run.text)
          : run.mark === 'cite'
            ? el('cite', {}, run.text)
            : run.mark === 'en'
              ? el('span', { lang: 'en' }, run.text)
              : run.text,
      );
      if (piece.href) p.append(el('a', { href: piece.href, title: piece.id ?? '' }, ...runs));
      else p.append(...runs);
    }
    quote.append(el('details', { class: 'dt-note' }, el('summary', {}, L.note), p));
  }

  tr.append(
    indicator,
    el('td', { 'data-label': L.col.period, 'data-sort': r.periodSort }, r.period),
    el('td', { 'data-label': L.col.place, 'data-sort': r.placeName }, el('span', { class: 'sq' }, r.placeName)),
    value,
    status,
    source,
    quote,
  );
  return tr;
}
