/** Which pages the site search indexes, and as what kind (src/lib/site/search-kinds.ts). */
import { describe, expect, it } from 'vitest';
import { searchKindOf } from '../../src/lib/site/search-kinds.ts';

describe('searchKindOf', () => {
  it('names the kind of each indexed page from its path in the edition', () => {
    expect(searchKindOf('')).toBe('story');
    expect(searchKindOf('charts/fdi-actual-periods/')).toBe('chart');
    expect(searchKindOf('charts/series-fdi-actual/')).toBe('series');
    expect(searchKindOf('indicators/fdi-actual/')).toBe('series');
    expect(searchKindOf('events/e1/')).toBe('event');
    expect(searchKindOf('sources/art-1/')).toBe('source');
    expect(searchKindOf('promises/')).toBe('promises');
    expect(searchKindOf('glossary/')).toBe('glossary');
  });
  it('leaves lists, tools and the search page out', () => {
    for (const p of [
      'charts/',
      'indicators/',
      'sources/',
      'data/',
      'data/cite/',
      'search/',
      'timeline/',
      'embed/x/',
      'charts/x/y/',
      'reconciliation/',
    ])
      expect(searchKindOf(p), p).toBeUndefined();
  });
});
