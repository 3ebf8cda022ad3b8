/** Of the real build, the largest page of each template in each language in Chromium at 360 px (crawl.ts; axe audits the fixture site's). */
import { describe, expect, it } from 'vitest';
import { crawl, realBuild } from './crawl.ts';

const site = realBuild();

describe('the crawl of the real build', () => {
  it('has the pages to open: one a template in each language', () => {
    expect(site.pages.length).toBeGreaterThan(30);
    if (process.env['CRAWL_ALL'] !== '1') expect(site.pages.length).toBeLessThan(60);
    expect(site.pages).toContain('/');
    expect(site.pages).toContain('/en/');
  });
});

crawl(site);
