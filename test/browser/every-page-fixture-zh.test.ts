/** Every Chinese page of the fixture site in Chromium at 360 px, axe on the largest of each route (crawl.ts). */
import { describe, expect, it } from 'vitest';
import { crawl, fixtureSite } from './crawl.ts';

const site = fixtureSite('zh');

describe('the crawl of the fixture site, Chinese edition', () => {
  it('has the pages to open: a hundred or more, the story among them, an audited page of each route', () => {
    expect(site.pages.length).toBeGreaterThan(100);
    expect(site.pages).toContain('/');
    expect(site.audited.size).toBeGreaterThan(10);
  });
});

crawl(site);
