/**
 * The Chinese copy desk over the built Chinese pages (scripts/lib/copy-desk.ts): no English
 * unit names or 十亿, no publisher named only in Latin letters, no half-width punctuation in
 * the site's own sentences, no build or data-file words, titles in <cite>, English marked
 * lang="en". The English edition's twin (no Chinese outside lang="zh") is in
 * english-edition.test.ts. Run after `npm run build`.
 *
 * The story, event, timeline, promise-ledger, corrections, reconciliation, chart and embed pages
 * must be clean. The other kinds of page still carry faults (the data explorer's rows, the data
 * dictionary's file names, the source pages' excerpts): each kind is held to the count it has
 * now, so a new fault fails the build, and the number can only go down.
 */
import { readFileSync } from 'node:fs';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { DIST_DIR, fileForUrlPath, listHtmlPages } from '../../scripts/lib/serve-dist.ts';
import { chineseCopyFaults } from '../../scripts/lib/copy-desk.ts';

const html = (p: string) => readFileSync(fileForUrlPath(DIST_DIR, p) ?? '', 'utf8');
const chinese = listHtmlPages().filter((p) => !p.startsWith('/en/') && p !== '/en' && !/^\/404(\.html|\/)$/u.test(p));

// every publisher's English name, without its parenthesis, split where the source names two
const sources = Papa.parse<Record<string, string>>(readFileSync(new URL('../../data/sources.csv', import.meta.url), 'utf8'), {
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

const kindOf = (p: string) => p.split('/')[1] || 'story';
const CLEAN = new Set(['story', 'events', 'timeline', 'promises', 'corrections', 'reconciliation', 'embed', 'charts']);
/** faults per kind of page at the time the desk was set up; lower these as pages are fixed */
const OWED: Record<string, number> = {
  // source titles as published in the explorer's rows, file names on the downloads and dictionary pages
  data: 290,
  // English terms quoted in running text, titles outside <cite>
  glossary: 4,
  // 十亿美元 as a unit of English sources' figures; English amounts in notes
  indicators: 15,
  // the source texts' own half-width punctuation shown as running text, titles outside <cite>
  sources: 185,
};

describe('the Chinese copy desk on the built pages', () => {
  it('has the publishers to look for', () => {
    expect(latinPublishers).toContain('China Daily');
    expect(latinPublishers).toContain('Qingdao Daily');
  });

  it.each(chinese.filter((p) => CLEAN.has(kindOf(p))))('%s has no fault', (p) => {
    const faults = chineseCopyFaults(html(p), { latinPublishers }).map((f) => `${f.rule} at ${f.where}: “${f.text}”`);
    expect(faults.slice(0, 20)).toEqual([]);
  });

  const others = [...new Set(chinese.map(kindOf))].filter((k) => !CLEAN.has(k)).sort();
  it.each(others)('pages under /%s/ have no more faults than they had', (kind) => {
    const faults = chinese.filter((p) => kindOf(p) === kind).flatMap((p) => chineseCopyFaults(html(p), { latinPublishers }));
    expect(
      faults.length,
      `${kind}: ${faults
        .slice(0, 5)
        .map((f) => `${f.rule} ${f.where} “${f.text}”`)
        .join('; ')}`,
    ).toBeLessThanOrEqual(OWED[kind] ?? 0);
  });
});
