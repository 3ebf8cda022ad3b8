/**
 * The release check on small invented folders: each thing a release may not name is found
 * with its file and line, and what it may name passes.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { citedHosts, hostsIn, scanRelease, scanText } from '../../scripts/lib/release-scan.ts';
import { configuredAddress, publicSite } from '../../src/lib/site/address.ts';

const rule = {
  site: new URL('https://figures.test/'),
  placeholders: ['【本站网址】', '[site address]'],
  citedHosts: new Set(['news.e23.cn']),
};
const dirs: string[] = [];
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

describe('the release scan', () => {
  it('passes the site, cited hosts, namespaces and hosts that are no domain', () => {
    const text = [
      '<a href="https://figures.test/charts/x/">x</a>',
      '<a href="http://news.e23.cn/a.html">source</a>',
      '<svg xmlns="http://www.w3.org/2000/svg"></svg>',
      'new URL(p, `http://x.invalid/`)',
      '<iframe src="https://SITE/embed/CHART/">',
    ].join('\n');
    expect(scanText('dist/a.html', text, rule)).toEqual([]);
  });

  it('names localhost, each placeholder and other domains with file and line', () => {
    const text = [
      'ok',
      '<link rel="canonical" href="http://localhost:4321/">',
      '【本站网址】/embed/x/',
      'see [site address]/data/',
      "xdomain: '^https://figures\\\\.other\\\\.cn$'",
    ].join('\n');
    expect(scanText('dist/a.html', text, rule).map((f) => f.message)).toEqual([
      'dist/a.html:2: names the local preview address (localhost:4321/)',
      'dist/a.html:3: holds the address placeholder 【本站网址】',
      'dist/a.html:4: holds the address placeholder [site address]',
      'dist/a.html:5: names figures.other.cn, which is neither the site (figures.test) nor a host the data cites',
    ]);
  });

  it("lets Pagefind's parse-only URL base pass in its bundle alone, and nothing else there", () => {
    const js = 'let u=new URL(`https://example.com${path}`);\nfetch("https://cdn.other.com/x.js")';
    expect(scanText('dist/pagefind/pagefind.js', js, rule).map((f) => f.message)).toEqual([
      'dist/pagefind/pagefind.js:2: names cdn.other.com, which is neither the site (figures.test) nor a host the data cites',
    ]);
    expect(scanText('dist/client.js', js, rule).map((f) => f.message)).toEqual([
      'dist/client.js:1: names example.com, which is neither the site (figures.test) nor a host the data cites',
      'dist/client.js:2: names cdn.other.com, which is neither the site (figures.test) nor a host the data cites',
    ]);
  });

  it('reads every text file of a folder and skips binary ones', () => {
    const dir = mkdtempSync(join(tmpdir(), 'release-scan-'));
    dirs.push(dir);
    mkdirSync(join(dir, 'sub'));
    writeFileSync(join(dir, 'sub', 'feed.xml'), '<link href="http://localhost:4321/"/>');
    writeFileSync(join(dir, '_headers'), '/*\n  Link: <https://cdn.other.com/x>');
    writeFileSync(join(dir, 'a.png'), 'localhost');
    expect(scanRelease(dir, rule).map((f) => f.message)).toEqual([
      'dist/_headers:2: names cdn.other.com, which is neither the site (figures.test) nor a host the data cites',
      'dist/sub/feed.xml:1: names the local preview address (localhost:4321/)',
    ]);
  });

  it('collects the hosts the data cites from its tables', () => {
    const dir = mkdtempSync(join(tmpdir(), 'release-scan-data-'));
    dirs.push(dir);
    writeFileSync(join(dir, 'sources.csv'), 'id,url\na,http://News.E23.cn/x\nb,https://guanhai.com.cn:443/y\n');
    expect([...citedHosts(dir)].sort()).toEqual(['guanhai.com.cn', 'news.e23.cn']);
    expect(hostsIn('x https://a.b.cn/ y')).toEqual(['a.b.cn']);
  });
});

describe('the address setting', () => {
  it('SITE_URL overrides site.config.json; an empty setting is a preview', () => {
    expect(publicSite({}, { address: '' })).toBeUndefined();
    expect(publicSite({}, { address: 'https://figures.test' })?.href).toBe('https://figures.test/');
    expect(publicSite({ SITE_URL: 'https://other.test/x' }, { address: 'https://figures.test/' })?.href).toBe('https://other.test/x/');
  });

  it('a malformed setting names where it came from', () => {
    expect(() => publicSite({}, { address: 'figures.test' })).toThrow(
      'site.config.json: address: "figures.test" is not an absolute address',
    );
    expect(() => publicSite({ SITE_URL: 'ftp://a.test/' }, { address: '' })).toThrow(
      'SITE_URL: "ftp://a.test/" must start with https:// or http://',
    );
    expect(() => configuredAddress({})).toThrow('site.config.json: address: must be a string');
  });

  it('the committed setting names no address (the newsroom has not chosen one)', () => {
    expect(configuredAddress()).toBe('');
  });
});
