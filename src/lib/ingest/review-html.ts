/**
 * The review page of a draft: one self-contained HTML file (inline CSS, no script, no request
 * to anywhere) listing every candidate in the order of the article, with its sentence, the
 * quote and the number highlighted, what was inferred and why, and the rows it would add. An
 * editor reads it beside the draft's CSV files and deletes the rows that are wrong.
 */
import { escapeHtml } from '../text/escape-html.ts';
import type { Candidate, Passed } from './pipeline.ts';
import type { DraftTables, DraftRow } from './draft.ts';

export interface ReviewInput {
  file: string;
  sourceId: string;
  outDir: string;
  candidates: readonly Candidate[];
  passed: readonly Passed[];
  tables: DraftTables;
  notes: readonly string[];
}

const CSS = `
:root{color-scheme:light dark;--bg:#fff;--fg:#1a1a1a;--muted:#5c5c5c;--line:#d8d8d8;--quote:#fff3b0;--num:#c8102e;--card:#f7f7f5}
@media (prefers-color-scheme:dark){:root{--bg:#161616;--fg:#ececec;--muted:#a8a8a8;--line:#3a3a3a;--quote:#5a4a00;--num:#ff7b8a;--card:#202020}}
*{box-sizing:border-box}
body{margin:0 auto;max-width:60rem;padding:1rem;background:var(--bg);color:var(--fg);font:16px/1.6 system-ui,"Noto Sans CJK SC","PingFang SC","Microsoft YaHei",sans-serif}
h1{font-size:1.4rem;line-height:1.3;margin:.5rem 0}
h2{font-size:1.1rem;margin:2rem 0 .5rem}
.meta,.why,.muted{color:var(--muted);font-size:.9rem}
ol.cands{list-style:none;padding:0;margin:0}
li.cand{border:1px solid var(--line);border-radius:6px;background:var(--card);padding:.75rem;margin:0 0 1rem}
li.repeat{opacity:.75}
.sentence{font-size:1.05rem;overflow-wrap:anywhere}
mark{background:var(--quote);color:inherit;padding:0 .1em}
mark strong{color:var(--num)}
table{border-collapse:collapse;width:100%;margin:.5rem 0;font-size:.9rem}
th,td{border-top:1px solid var(--line);padding:.25rem .4rem;text-align:left;vertical-align:top;overflow-wrap:anywhere}
th{width:1%;white-space:nowrap;font-weight:600}
td ul{margin:0;padding-left:1.1rem}
@media (max-width:30rem){body{padding:.75rem}th,td{padding:.25rem .3rem}}
pre{white-space:pre-wrap;overflow-wrap:anywhere;font-size:.8rem;background:var(--bg);border:1px solid var(--line);padding:.5rem;margin:.5rem 0 0}
details{margin:.5rem 0}
summary{cursor:pointer}
.n{font-weight:700;margin-right:.4rem}
`;

const zh = (s: string) => `<span lang="zh-CN">${escapeHtml(s)}</span>`;

function sentenceHtml(c: Candidate): string {
  const s = c.sentence;
  const rel = (n: number) => n - s.start;
  const [qs, qe, ns, ne] = [rel(c.quote.start), rel(c.quote.end), rel(c.number.start), rel(c.number.end)];
  const t = s.text;
  return `${escapeHtml(t.slice(0, qs))}<mark>${escapeHtml(t.slice(qs, ns))}<strong>${escapeHtml(t.slice(ns, ne))}</strong>${escapeHtml(t.slice(ne, qe))}</mark>${escapeHtml(t.slice(qe))}`;
}

function csvLine(row: DraftRow): string {
  return Object.values(row)
    .map((v) => (/[",\n]/u.test(v) ? `"${v.replaceAll('"', '""')}"` : v))
    .join(',');
}

export function reviewHtml(input: ReviewInput): string {
  const byQuote = new Map<string, DraftRow[]>();
  for (const f of input.tables.figures) byQuote.set(`${f.quote}|${f.value}`, [...(byQuote.get(`${f.quote}|${f.value}`) ?? []), f]);
  const figureRows = input.tables.figures;
  let k = 0;
  const items = input.candidates.map((c, i) => {
    if (c.repeatOf !== undefined) {
      const first = input.candidates[c.repeatOf] as Candidate;
      return `<li class="cand repeat" id="c${i + 1}"><div class="sentence" lang="zh-CN">${sentenceHtml(c)}</div><p class="why">Repeats candidate <a href="#c${c.repeatOf + 1}">${c.repeatOf + 1}</a> (${zh(first.quote.text)}): no row of its own.</p></li>`;
    }
    const row = figureRows[k++] as DraftRow;
    const extra: string[] = [];
    const ind = input.tables.indicators.find((r) => r.id === row.indicator);
    if (ind) extra.push(`indicators.csv: ${csvLine(ind)}`);
    const unit = input.tables.units.find((r) => r.id === row.unit);
    if (unit) extra.push(`units.csv: ${csvLine(unit)}`);
    const place = input.tables.places.find((r) => r.id === row.geo);
    if (place) extra.push(`places.csv: ${csvLine(place)}`);
    const promise = input.tables.promises.find((r) => r.target === row.id);
    if (promise) extra.push(`promises.csv: ${csvLine(promise)}`);
    const field = (name: string, value: string) => `<tr><th>${name}</th><td>${value}</td></tr>`;
    return `<li class="cand" id="c${i + 1}">
<div class="sentence" lang="zh-CN"><span class="n">${i + 1}</span>${sentenceHtml(c)}</div>
<table>
${field('value', `${escapeHtml(row.value ?? '')} <span class="muted">(published as ${zh(c.number.raw)})</span>`)}
${field('unit', escapeHtml(row.unit ?? '') + (unit ? ' <span class="muted">(new unit, proposed)</span>' : ''))}
${field('qualifier', escapeHtml(row.qualifier ?? ''))}
${field('period', `${escapeHtml(row.period_start ?? '')} – ${escapeHtml(row.period_end ?? '')}${(row.period_start ?? '').startsWith('XXXX') ? ' <strong>year to fill in</strong>' : ''}`)}
${field('place', escapeHtml(row.geo ?? '') + (place ? ' <span class="muted">(new place, proposed)</span>' : ''))}
${field('status', escapeHtml(row.status ?? ''))}
${field('indicator', escapeHtml(row.indicator ?? '') + (ind ? ` <span class="muted">(new indicator, proposed: ${zh(ind.name_zh ?? '')})</span>` : ''))}
${field('quote', zh(row.quote ?? ''))}
${field('why', `<ul>${c.why.map((w, j) => `<li>${escapeHtml(w)} · ${zh(c.whyZh[j] ?? '')}</li>`).join('')}</ul>`)}
</table>
<details><summary>Rows it adds (${1 + extra.length})</summary><pre>figures.csv: ${escapeHtml(csvLine(row))}${extra.map((e) => `\n${escapeHtml(e)}`).join('')}</pre></details>
</li>`;
  });
  const passed = input.passed.map(
    (p) =>
      `<li><span lang="zh-CN">${escapeHtml(p.sentence.text.slice(Math.max(0, p.start - p.sentence.start - 12), p.start - p.sentence.start))}<strong>${escapeHtml(p.raw)}</strong>${escapeHtml(p.sentence.text.slice(p.end - p.sentence.start, p.end - p.sentence.start + 12))}</span> — ${escapeHtml(p.reason)}</li>`,
  );
  const t = input.tables;
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">
<title>Review: ${escapeHtml(input.sourceId)} (${input.candidates.filter((c) => c.repeatOf === undefined).length} candidate figures)</title>
<style>${CSS}</style>
</head>
<body>
<h1>Review the draft of ${escapeHtml(input.sourceId)}</h1>
<p class="meta">Article: ${escapeHtml(input.file)} · draft folder: ${escapeHtml(input.outDir)}<br>
${t.figures.length} figure rows, ${t.indicators.length} proposed indicators, ${t.units.length} proposed units, ${t.places.length} proposed places, ${t.promises.length} promise-ledger rows${t.sources.length ? ', 1 source row' : ''}.
Each candidate shows its sentence with the quote <mark>highlighted</mark> and the number in <mark><strong>bold</strong></mark>. Delete the rows that are wrong from the draft’s CSV files, fix the rest, then run <code>npm run data:check -- --with ${escapeHtml(input.outDir)}</code>.</p>
${input.notes.length ? `<ul class="meta">${input.notes.map((n) => `<li>${escapeHtml(n)}</li>`).join('')}</ul>` : ''}
<h2>Candidates, in the order of the article</h2>
<ol class="cands">
${items.join('\n')}
</ol>
<h2>Numbers passed over (${passed.length})</h2>
<details><summary>Numbers the rules did not read as figures, and why</summary><ul>${passed.join('\n')}</ul></details>
</body>
</html>
`;
}
