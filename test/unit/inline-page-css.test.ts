/**
 * Inlining a page's stylesheets after the build (src/lib/site/inline-page-css.ts): the links
 * become one <style> with the files' CSS in order, where the first link was; the page's CSP
 * meta allows exactly that text by its hash and nothing else changes in the policy; and CSS
 * that would mean something else once inline is refused, naming the file.
 */
import { describe, expect, it } from 'vitest';
import { parseHTML } from 'linkedom';
import { cspHash, inlineStylesheets } from '../../src/lib/site/inline-page-css.ts';
import { parseCsp } from '../../src/lib/site/security-policy.ts';
import { metaCsp } from '../../src/lib/site/security-headers.ts';

const EMPTY = "'sha256-47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU='";
const page = (links: string) =>
  `<!DOCTYPE html><html><head><meta charset="utf-8"><meta http-equiv="content-security-policy" content="default-src 'self';img-src 'self' data:; script-src 'self' 'sha256-AAAA'; style-src 'self' ${EMPTY};">${links}<title>t</title></head><body><p>x</p></body></html>`;
const files: Record<string, string> = {
  '/_astro/a.css': 'body{color:red}\n',
  '/_astro/b.css': '.x{background:url(/_astro/i.svg)}',
};
const read = (href: string) => {
  const css = files[href];
  if (css === undefined) throw new Error(`no ${href}`);
  return css;
};

describe('inlineStylesheets', () => {
  it('puts the linked CSS, in order, into one <style> the policy allows by its hash', () => {
    const html = page(
      '<link rel="stylesheet" href="/_astro/a.css"><link rel="stylesheet" href="/_astro/b.css"><link rel="icon" href="/f.svg">',
    );
    const out = inlineStylesheets(html, read, '/');
    const { document } = parseHTML(out.html);
    const styles = [...document.querySelectorAll('style')];
    expect(styles.map((s) => s.textContent)).toEqual(['body{color:red}\n.x{background:url(/_astro/i.svg)}']);
    expect(document.querySelectorAll('link[rel="stylesheet"]').length).toBe(0);
    expect(document.querySelector('link[rel="icon"]')).not.toBeNull();
    // the style sits after the policy that governs it, before the rest of the head
    expect(out.html.indexOf('<style>')).toBeGreaterThan(out.html.indexOf('content-security-policy'));
    expect(out.html.indexOf('<style>')).toBeLessThan(out.html.indexOf('<title>'));

    const before = parseCsp(metaCsp(html) ?? '');
    const after = parseCsp(metaCsp(out.html) ?? '');
    expect(after.get('style-src')).toEqual([...(before.get('style-src') ?? []), cspHash(styles[0]?.textContent ?? '')]);
    // every other directive as it was
    for (const [name, values] of before) if (name !== 'style-src') expect(after.get(name), name).toEqual(values);
  });

  it('gives both editions of a page the same hash when they link the same CSS', () => {
    const a = inlineStylesheets(page('<link rel="stylesheet" href="/_astro/a.css">'), read, '/');
    const b = inlineStylesheets(page('<link rel="stylesheet" href="/_astro/a.css">').replace('<p>x</p>', '<p>y</p>'), read, '/en/');
    expect(parseCsp(metaCsp(a.html) ?? '').get('style-src')).toEqual(parseCsp(metaCsp(b.html) ?? '').get('style-src'));
  });

  it('refuses what it cannot inline faithfully, naming the page or the file', () => {
    const with_ = (css: string) => () =>
      inlineStylesheets(page('<link rel="stylesheet" href="/_astro/c.css">'), (h) => (h === '/_astro/c.css' ? css : read(h)), '/');
    expect(with_('a::after{content:"</style>"}')).toThrow(/c\.css.*<\/style/u);
    expect(with_('@import "x.css";')).toThrow(/c\.css.*@import/u);
    expect(with_('a{background:url(img/x.png)}')).toThrow(/c\.css.*relative url\(img\/x\.png\)/u);
    expect(with_('a{background:url("data:image/png;base64,AA")}')).not.toThrow();
    expect(() => inlineStylesheets(page(''), read, '/en/')).toThrow(/\/en\/ links no stylesheet/u);
    expect(() => inlineStylesheets(page('<link rel="stylesheet" href="a.css">'), read, '/')).toThrow(/without a site path/u);
    expect(() =>
      inlineStylesheets(page('<link rel="stylesheet" href="/_astro/a.css">').replace(/<meta http-equiv[^>]*>/u, ''), read, '/'),
    ).toThrow(/no Content-Security-Policy meta/u);
  });
});
