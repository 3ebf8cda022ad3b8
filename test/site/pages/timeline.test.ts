/**
 * The built timeline and event pages (run after `astro build`): every event of
 * data/events.csv is where it belongs, with a working link, and dates and gaps say what
 * the sources leave unsaid.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { builtPage } from '../../../scripts/lib/built-site.ts';
import { parseCsv } from '../../../src/lib/data/csv.ts';
import { t } from '../../../src/i18n/index.ts';
import { getDataset } from '../../../src/lib/data/dataset.ts';
import { routes, sitePaths } from '../../../src/lib/site/routes.ts';

const zhLink = routes('zh');

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const DIST = join(ROOT, 'dist');
const FIRST = 2020;
const LAST = 2025;

const table = (file: string) => parseCsv(readFileSync(join(ROOT, 'data', file), 'utf8'), file).rows.map((r) => r.row);
const events = table('events.csv');
const sources = new Map(table('sources.csv').map((s) => [s.id, s]));
const figures = table('figures.csv');
const inSpan = (e: Record<string, string>) => e.year !== '' && Number(e.year) >= FIRST && Number(e.year) <= LAST;
const list = (s: string | undefined) => (s ?? '').split(';').filter((x) => x !== '');
// the name as the site writes it: simplified, full-width punctuation (the dataset applies that once)
const siteNames = new Map(getDataset().events.map((e) => [e.id, e.name_zh]));
const siteName = (id: string) => {
  const name = siteNames.get(id);
  if (name === undefined) throw new Error(`event ${id} is not in the dataset`);
  return name;
};
const page = (path: string) => builtPage(path);

let doc: Document;
beforeAll(() => {
  if (!existsSync(join(DIST, 'timeline', 'index.html')))
    throw new Error('dist/timeline/index.html is missing: run `npx astro build` first');
  doc = page('timeline');
});

describe('timeline page', () => {
  it('has events to check', () => {
    expect(events.filter(inSpan).length).toBeGreaterThan(0);
  });

  it('shows every 2020–2025 event in its year, linking to an event page that exists', () => {
    for (const e of events.filter(inSpan)) {
      const item = doc.getElementById(e.id as string);
      expect(item, `${e.id} is on the timeline`).toBeTruthy();
      expect(item?.closest('section')?.id, `${e.id} is in its year`).toBe(`y${e.year}`);
      const href = zhLink.event(e.id as string);
      expect(item?.querySelector(`a[href="${href}"]`)?.textContent?.trim(), `${e.id} links to its page`).toBe(siteName(e.id as string));
      expect(existsSync(join(DIST, 'events', e.id as string, 'index.html')), `dist${href}index.html exists`).toBe(true);
    }
  });

  it('marks years without events as empty, and only those', () => {
    for (let y = FIRST; y <= LAST; y++) {
      const section = doc.getElementById(`y${y}`);
      expect(section, `section for ${y}`).toBeTruthy();
      const hasEvents = events.some((e) => e.year === String(y));
      const emptyText = t('zh', 'timeline.emptyYear', { year: `${y}年` });
      expect(section?.getAttribute('data-empty'), `${y} data-empty`).toBe(hasEvents ? 'false' : 'true');
      expect(section?.textContent?.includes(emptyText), `${y} says "${emptyText}"`).toBe(!hasEvents);
      if (!hasEvents) expect(section?.querySelectorAll('li').length, `${y} has no events`).toBe(0);
    }
  });

  it('says that the month of ev-2025-meeting is not stated and does not invent one', () => {
    const e = events.find((x) => x.id === 'ev-2025-meeting');
    expect(e?.month, 'fixture: events.csv gives no month for ev-2025-meeting').toBe('');
    const date = doc.getElementById('ev-2025-meeting')?.querySelector('.tl-date')?.textContent ?? '';
    expect(date).toContain('月份未说明');
    expect(date).toContain('26日');
    expect(date).not.toMatch(/\d+月/u);
    expect(doc.getElementById('ev-2025-meeting')?.querySelector('time')?.getAttribute('datetime')).toBe('2025');
    const eventDate = page('events/ev-2025-meeting').querySelector('.ev-date')?.textContent ?? '';
    expect(eventDate).toContain('月份未说明');
  });

  it('says once, above the list, how many years are inferred, and marks each on its event page only', () => {
    const inferred = events.filter((e) => e.date_basis === 'inferred').length;
    expect(doc.querySelector('.tl-year-note')?.textContent).toContain(`${inferred}个的年份原文没有写明`);
    expect(doc.querySelectorAll('.tl-date .inferred')).toHaveLength(0);
    for (const e of events.filter(inSpan)) {
      const badge = page(sitePaths('zh').event(e.id as string)).querySelector('.ev-facts .inferred');
      expect(Boolean(badge), `${e.id} inferred badge`).toBe(e.date_basis === 'inferred');
    }
  });

  it('puts events outside 2020–2025 in the background list, not on the axis', () => {
    const outside = events.filter((e) => e.year !== '' && !inSpan(e));
    for (const e of outside) {
      const item = doc.getElementById(e.id as string);
      expect(item?.closest('section')?.id, `${e.id} is background`).toBe('background');
      expect(item?.querySelector(`a[href="${zhLink.event(e.id as string)}"]`)).toBeTruthy();
    }
  });

  it('marks events known only from secondary sources', () => {
    for (const e of events.filter(inSpan)) {
      const secondaryOnly = list(e.source).every((s) => sources.get(s)?.kind === 'secondary');
      const text = doc.getElementById(e.id as string)?.querySelector('.tl-kind')?.textContent ?? '';
      expect(text.includes(t('zh', 'event.secondaryOnly')), `${e.id} secondary badge`).toBe(secondaryOnly);
    }
  });

  it('lists the documents and targets each event set, targets with their status', () => {
    for (const e of events.filter(inSpan)) {
      const item = doc.getElementById(e.id as string);
      const docs = [...(item?.querySelectorAll('.tl-docs li') ?? [])].map((li) => li.textContent?.trim());
      expect(docs, `${e.id} documents`).toEqual(list(e.documents));
      const targets = item?.querySelectorAll('.tl-targets li') ?? [];
      expect(targets.length, `${e.id} targets`).toBe(list(e.targets).length);
      for (const li of targets)
        expect(li.querySelector('.badge')?.textContent).toMatch(
          new RegExp(`^(${t('zh', 'status.target')}|${t('zh', 'status.plan')})$`, 'u'),
        );
    }
  });
});

describe('event pages', () => {
  it('exist for every event, with date, quote, sources and a link back', () => {
    for (const e of events) {
      const d = page(sitePaths('zh').event(e.id as string));
      expect(d.querySelector('h1')?.textContent?.trim(), e.id as string).toBe(siteName(e.id as string));
      expect(d.querySelector('.ev-quote blockquote')?.textContent?.trim()).toBe(e.quote);
      for (const s of list(e.source))
        expect(d.querySelector(`.ev-sources a[href="${zhLink.source(s)}"]`), `${e.id} links source ${s}`).toBeTruthy();
      expect(d.querySelector(`a[href="${zhLink.timeline(e.id as string)}"]`), `${e.id} links back`).toBeTruthy();
    }
  });

  it('list every figure of the event sources with its quote', () => {
    for (const e of events) {
      const d = page(sitePaths('zh').event(e.id as string));
      const own = figures.filter((f) => list(e.source).includes(f.source as string));
      for (const f of own) {
        const item = d.getElementById(`fig-${f.id}`);
        expect(item, `${e.id} shows figure ${f.id}`).toBeTruthy();
        expect(item?.querySelector('blockquote')?.textContent).toBe(f.quote);
      }
    }
  });
});
