/**
 * The copy desks over every built page of both editions (scripts/lib/copy-desk.ts). A Chinese
 * page: no English unit names or 十亿, no publisher named only in Latin letters, no half-width
 * punctuation in the site's own sentences, no build or data-file words, titles in <cite>,
 * English marked lang="en". An English page: no Chinese outside lang="zh". Every page must be
 * clean: a fault is fixed where it is written (the page, the dictionary, the data's notes), never
 * allowed here. test/unit/copy-desk.test.ts shows each rule failing on an invented page. Run
 * after `npm run build`.
 */
import { readFileSync } from 'node:fs';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { listHtmlPages } from '../../../scripts/lib/serve-dist.ts';
import { copyDeskFaults } from '../../../scripts/lib/copy-desk.ts';
import { langOfPathname, routes } from '../../../src/lib/site/routes.ts';
import { decodeExplorerFile, EXPLORER_FILE } from '../../../src/lib/explorer/explorer-file.ts';
import { rowElement, type RowLabels } from '../../../src/lib/explorer/row-dom.ts';
import { parseHTML } from 'linkedom';
import { builtAsset, builtPage } from '../../../scripts/lib/built-site.ts';

const pages = listHtmlPages().filter((p) => !/^(?:\/en)?\/404(\.html|\/)$/u.test(p));
const chinese = pages.filter((p) => langOfPathname(p) === 'zh');
const english = pages.filter((p) => langOfPathname(p) === 'en');

// every publisher's English name, without its parenthesis, split where the source names two
const sources = Papa.parse<Record<string, string>>(readFileSync(new URL('../../../data/sources.csv', import.meta.url), 'utf8'), {
  header: true,
  skipEmptyLines: true,
}).data;
const latinPublishers = [
  ...new Set(
    sources
      .flatMap((s) => (s['publisher_en'] ?? '').split(' / '))
      .map((n) => n.replace(/\s*\(.*\)\s*$/u, '').trim())
      .filter((n) => n.length > 3 && !/^Unsigned/u.test(n)),
  ),
];

describe('the copy desks on the built pages', () => {
  it('has pages of both editions and the publishers to look for', () => {
    expect(chinese.length).toBeGreaterThan(100);
    expect(english.length).toBe(chinese.length);
    expect(latinPublishers).toContain('China Daily');
    expect(latinPublishers).toContain('Qingdao Daily');
  });

  // the explorer's HTML holds its first rows; the script draws the rest from data/figures.json
  // with the same labels, so every row a reader can bring up is read as the page would show it
  it.each(['zh', 'en'] as const)('every row the %s explorer can draw has no fault', (lang) => {
    const dataPage = routes(lang).data();
    const labels = (JSON.parse(builtPage(dataPage).getElementById('explorer-messages')?.textContent ?? '{}') as { labels: RowLabels })
      .labels;
    const file = `${dataPage}${EXPLORER_FILE}`.replace(/^\//u, '');
    const rows = decodeExplorerFile(JSON.parse(builtAsset(file)), file);
    expect(rows.length).toBeGreaterThan(300);
    const { document } = parseHTML(`<html lang="${lang === 'zh' ? 'zh-CN' : 'en'}"><body><table><tbody></tbody></table></body></html>`);
    const tbody = document.querySelector('tbody');
    for (const r of rows) tbody?.append(rowElement(document as unknown as Document, r, labels));
    const faults = copyDeskFaults(document, { latinPublishers }).map((f) => `${f.rule} at ${f.where}: “${f.text}”`);
    expect(faults.slice(0, 20)).toEqual([]);
  });

  // one test a page, so a failure names its page
  it.each(pages)('%s has no fault', (p) => {
    const faults = copyDeskFaults(builtPage(p), { latinPublishers }).map((f) => `${f.rule} at ${f.where}: “${f.text}”`);
    expect(faults.slice(0, 20)).toEqual([]);
  });
});
