/**
 * A source's clean text with every extracted figure's quote marked. Quotes overlap (one
 * sentence often states several figures), so the text is cut at every quote boundary and
 * each piece knows which quotes cover it: a piece covered by several is marked as such,
 * each quote's first piece carries its anchor (id="fig-<figure-id>"), and a numbered
 * reference after its last piece links to the figure's row on /data/.
 */
import { UNREPAIRED_CLOSE, UNREPAIRED_OPEN } from './normalize.ts';
import { escapeHtml } from './escape-html.ts';

export interface QuoteSpan {
  id: string;
  start: number;
  end: number;
}

/** Finds each quote at its first occurrence (where the data check finds it too). */
export function locateQuotes(text: string, figures: readonly { id: string; quote: string }[]): { spans: QuoteSpan[]; missing: string[] } {
  const spans: QuoteSpan[] = [];
  const missing: string[] = [];
  for (const f of figures) {
    const start = f.quote === '' ? -1 : text.indexOf(f.quote);
    if (start < 0) missing.push(f.id);
    else spans.push({ id: f.id, start, end: start + f.quote.length });
  }
  spans.sort((a, b) => a.start - b.start || b.end - a.end || (a.id < b.id ? -1 : 1));
  return { spans, missing };
}

export interface Segment {
  start: number;
  end: number;
  /** ids of the quotes covering this piece, in span order */
  covering: string[];
  /** quotes whose first piece this is */
  starting: string[];
  /** quotes whose last piece this is */
  ending: string[];
}

/** Cuts [from, to) at every quote boundary. Pieces are contiguous and cover the range exactly. */
export function segmentText(from: number, to: number, spans: readonly QuoteSpan[]): Segment[] {
  const cuts = new Set<number>([from, to]);
  for (const s of spans) {
    cuts.add(Math.min(Math.max(s.start, from), to));
    cuts.add(Math.min(Math.max(s.end, from), to));
  }
  const points = [...cuts].sort((a, b) => a - b);
  const segments: Segment[] = [];
  for (let i = 0; i + 1 < points.length; i++) {
    const start = points[i] as number;
    const end = points[i + 1] as number;
    const covering = spans.filter((s) => s.start <= start && s.end >= end).map((s) => s.id);
    segments.push({
      start,
      end,
      covering,
      starting: spans.filter((s) => s.start === start && s.end >= end).map((s) => s.id),
      ending: spans.filter((s) => s.end === end && s.start <= start).map((s) => s.id),
    });
  }
  return segments;
}

export interface RenderOptions {
  /** reference number of each quote, shown after it */
  number: (id: string) => number;
  /** where the reference after a quote leads: the figure's row on /data/ */
  refHref: (id: string) => string;
  /** accessible name of that reference */
  refLabel: (id: string, n: number) => string;
  /** where a ⟪…⟫ span's explanation is, if it has one */
  unrepairedHref: (span: string) => string | undefined;
  unrepairedLabel: string;
}

const UNREPAIRED = new RegExp(`(${UNREPAIRED_OPEN}[^${UNREPAIRED_CLOSE}]*${UNREPAIRED_CLOSE})`, 'u');

function renderPlain(s: string, o: RenderOptions, squeeze: boolean): string {
  // blank runs left where normalisation removed photo captions and boxes: one empty line is enough
  const text = squeeze ? s.replace(/\n[ \t\u3000]*(?:\n[ \t\u3000]*){2,}/gu, '\n\n') : s;
  return text
    .split(UNREPAIRED)
    .map((part) => {
      if (!part.startsWith(UNREPAIRED_OPEN) || !part.endsWith(UNREPAIRED_CLOSE)) return escapeHtml(part);
      const href = o.unrepairedHref(part);
      const inner = escapeHtml(part);
      return href
        ? `<a class="unrepaired" href="${escapeHtml(href)}" title="${escapeHtml(o.unrepairedLabel)}">${inner}</a>`
        : `<span class="unrepaired" title="${escapeHtml(o.unrepairedLabel)}">${inner}</span>`;
    })
    .join('');
}

/** HTML for the whole text (leading and trailing blank lines dropped), to be shown with white-space: pre-line. */
export function renderSourceHtml(text: string, spans: readonly QuoteSpan[], o: RenderOptions): string {
  const from = text.length - text.trimStart().length;
  const to = text.trimEnd().length;
  let html = '';
  for (const seg of segmentText(from, Math.max(from, to), spans)) {
    const body = renderPlain(text.slice(seg.start, seg.end), o, seg.covering.length === 0);
    if (seg.covering.length === 0) {
      html += body;
      continue;
    }
    const cls = seg.covering.length > 1 ? 'q q-multi' : 'q';
    const ids = seg.covering.join(' ');
    if (seg.starting.length === 0) {
      html += `<mark class="${cls}" data-figs="${escapeHtml(ids)}">${body}</mark>`;
    } else {
      // one element per starting quote, nested, so each quote has its own id="fig-…" anchor
      let inner = body;
      const [outer, ...rest] = seg.starting;
      for (const id of rest.reverse()) inner = `<mark class="q q-inner" id="fig-${escapeHtml(id)}">${inner}</mark>`;
      html += `<mark class="${cls}" id="fig-${escapeHtml(outer as string)}" data-figs="${escapeHtml(ids)}">${inner}</mark>`;
    }
    for (const id of seg.ending) {
      const n = o.number(id);
      html += `<sup class="q-ref"><a href="${escapeHtml(o.refHref(id))}" aria-label="${escapeHtml(o.refLabel(id, n))}">${n}</a></sup>`;
    }
  }
  return html;
}
