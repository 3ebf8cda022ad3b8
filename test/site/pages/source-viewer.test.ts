/**
 * The built source viewer and the links between it and /data/: every published figure's quote
 * is marked exactly once on its source's page (with the quote's text inside the mark), the
 * table links to that mark, the mark's reference links back to the row, and what
 * normalisation changed is listed beside the text.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { builtPage } from '../../../scripts/lib/built-site.ts';
import { DIST_DIR } from '../../../scripts/lib/serve-dist.ts';
import { getDataset } from '../../../src/lib/data/dataset.ts';
import { decodeExplorerFile, EXPLORER_FILE } from '../../../src/lib/explorer/explorer-file.ts';
import { publishedInFull } from '../../../src/lib/site/own-reports.ts';
import { routes, sharedHrefs } from '../../../src/lib/site/routes.ts';

const zhLink = routes('zh');

const data = getDataset();
const page = (path: string) => builtPage(path);
const dataPage = page('data');
/** /data/ carries its first rows in the HTML and draws the others from its figures file (test/browser/data-explorer.test.ts shows the two agree) */
const figuresFile = join(DIST_DIR, 'data', EXPLORER_FILE);
const explorerRows = new Map(decodeExplorerFile(JSON.parse(readFileSync(figuresFile, 'utf8')), figuresFile).map((r) => [r.id, r]));

describe.each([...data.sources.values()].map((s) => [s.id] as const))('/sources/%s/', (id) => {
  const doc = page(join('sources', id));
  const figures = data.figures.filter((f) => !f.derived && f.sources[0] === id);

  it('marks every figure of the source once, around its quote', () => {
    for (const f of figures) {
      const marks = doc.querySelectorAll(`[id="fig-${f.id}"]`);
      expect(marks.length, f.id).toBe(1);
      const mark = marks[0] as Element;
      expect(mark.tagName).toBe('MARK');
      // the mark holds the quote's first piece; the quote starts with it
      expect(f.quote.startsWith(mark.textContent ?? '\u0000'), f.id).toBe(true);
    }
    // the text reads as the source does once the reference numbers are taken out
    const body = doc.querySelector('.source-text')?.cloneNode(true) as Element;
    for (const sup of body.querySelectorAll('sup.q-ref')) sup.remove();
    for (const f of figures) expect(body.textContent?.includes(f.quote), f.id).toBe(true);
  });

  it('links each quote to its row on /data/, and the row back to the quote', () => {
    const refs = [...doc.querySelectorAll('.source-text sup.q-ref a')].map((a) => a.getAttribute('href') ?? '');
    expect(refs.sort()).toEqual(figures.map((f) => zhLink.data(f.id)).sort());
    for (const f of figures) {
      const row = explorerRows.get(f.id);
      expect(row?.type, f.id).toBe('published');
      expect(row?.sources[0]?.id, f.id).toBe(id);
      const inHtml = dataPage.querySelector(`#row-${f.id} .dt-quote a`);
      if (inHtml) expect(inHtml.getAttribute('href')).toBe(zhLink.source(id, f.id));
    }
  });

  it('lists what normalisation changed, and links the raw text', () => {
    const changes = data.report.clean.get(id)?.changes ?? [];
    const panel = doc.querySelector('.changes')?.textContent ?? '';
    for (const c of changes.filter((x) => x.rule === 'splice' || x.rule === 'mojibake')) expect(panel).toContain(c.before);
    if (changes.length === 0) expect(doc.querySelectorAll('.changes .chg-group')).toHaveLength(0);
    else expect(doc.querySelectorAll('.changes .chg-group').length).toBeGreaterThan(0);
    // the raw text is linked only where it is published: the site's own reports, if the setting allows
    const source = data.sources.get(id);
    expect(doc.querySelector(`a[href="${sharedHrefs.sourceText(id)}"]`) !== null, id).toBe(source !== undefined && publishedInFull(source));
  });

  it('shows only the paragraphs it quotes (and one for context), and counts those it leaves out', () => {
    const source = data.sources.get(id);
    if (!source || publishedInFull(source)) return;
    const paragraphs = (data.report.clean.get(id)?.text ?? '')
      .split('\n')
      .map((l) => l.trim())
      .filter((l) => l !== '');
    const body = doc.querySelector('.source-text')?.cloneNode(true) as Element;
    for (const sup of body.querySelectorAll('sup.q-ref')) sup.remove();
    const omitted = [...body.querySelectorAll('.sv-gap')].reduce((n, g) => n + Number(/\d+/u.exec(g.textContent ?? '')?.[0]), 0);
    const shown = paragraphs.filter((p) => body.textContent?.includes(p)).length;
    // every paragraph is either shown or counted in a "left out" note
    expect(shown + omitted, id).toBeGreaterThanOrEqual(paragraphs.length);
  });
});

describe('/sources/', () => {
  it('lists every source with its viewer page', () => {
    const doc = page('sources');
    const links = [...doc.querySelectorAll('.source-list h3 a')].map((a) => a.getAttribute('href'));
    expect(links.sort()).toEqual([...data.sources.keys()].map((id) => zhLink.source(id)).sort());
  });
});
