import { describe, expect, it } from 'vitest';
import { pagesOfEachKind, sampleOfEachTemplate, templateOf } from '../../scripts/lib/page-kinds.ts';

const events = Array.from({ length: 10 }, (_, i) => `/events/e${i}/`);
const all = [
  '/',
  '/timeline/',
  '/data/',
  '/data/cite/',
  '/data/dictionary/',
  '/charts/',
  '/charts/a/',
  '/charts/b/',
  '/charts/c/',
  '/charts/d/',
  ...events,
];

describe('page kinds', () => {
  it('groups a folder of four or more pages as one template, and leaves small groups alone', () => {
    expect(templateOf('/events/e3/', all)).toBe('/events/[id]/');
    expect(templateOf('/charts/b/', all)).toBe('/charts/[id]/');
    expect(templateOf('/data/cite/', all)).toBe('/data/cite/');
    expect(templateOf('/', all)).toBe('/');
  });
  it('takes one page of each kind', () => {
    expect(pagesOfEachKind(all)).toEqual([
      '/',
      '/timeline/',
      '/data/',
      '/data/cite/',
      '/data/dictionary/',
      '/charts/',
      '/charts/a/',
      '/events/e0/',
    ]);
  });
  it('samples first, middle and last of a route, and every page of its own', () => {
    const sample = sampleOfEachTemplate(all, 3);
    expect(sample.filter((p) => p.startsWith('/events/'))).toEqual(['/events/e0/', '/events/e5/', '/events/e9/']);
    expect(sample).toContain('/data/cite/');
    expect(sample.filter((p) => p.startsWith('/charts/'))).toEqual(['/charts/', '/charts/a/', '/charts/c/', '/charts/d/']);
  });
});
