/**
 * The security policy's pieces, without a build: the policy text parser, the header policy
 * made from the pages' meta policies, the `_headers` writer and reader, the removal of Plot's
 * inline CSS from a chart, and the embed's token. Each refusal names what to do.
 */
import { describe, expect, it } from 'vitest';
import { parseHTML } from 'linkedom';
import {
  CSP_DIRECTIVES,
  MAX_HEADER_LINE,
  headerPolicy,
  headersFile,
  parseCsp,
  parseHeadersFile,
} from '../../src/lib/site/security-policy.ts';
import { metaCsp } from '../../src/lib/site/security-headers.ts';
import { moveInlineStyles, PLOT_CLASS } from '../../src/lib/chart/inline-styles.ts';
import { renderPlotSvg } from '../../src/lib/chart/render-svg.ts';
import { embedToken } from '../../src/client/embed-height.ts';
import * as Plot from '@observablehq/plot';

const BASE = `${CSP_DIRECTIVES.join(';')}; script-src 'self'; style-src 'self'`;

describe('parseCsp', () => {
  it('reads directives and values, and refuses a directive named twice', () => {
    expect(parseCsp("default-src 'self'; img-src 'self' data:;").get('img-src')).toEqual(["'self'", 'data:']);
    expect(() => parseCsp("script-src 'self'; script-src *")).toThrow(/script-src twice/u);
  });
});

describe('headerPolicy', () => {
  it("joins the pages' hashes and adds frame-ancestors *", () => {
    const p = parseCsp(
      headerPolicy([
        { path: 'a.html', csp: `${BASE} 'sha256-AAAA'` },
        { path: 'b.html', csp: `${BASE} 'sha256-BBBB'` },
      ]),
    );
    expect(p.get('style-src')).toEqual(["'self'", "'sha256-AAAA'", "'sha256-BBBB'"]);
    expect(p.get('frame-ancestors')).toEqual(['*']);
  });

  it('refuses pages whose policies differ apart from hashes, naming the page', () => {
    expect(() =>
      headerPolicy([
        { path: 'a.html', csp: BASE },
        { path: 'b.html', csp: `${BASE}; worker-src *` },
      ]),
    ).toThrow(/b\.html/u);
    expect(() => headerPolicy([])).toThrow(/no built page/u);
  });
});

describe('_headers', () => {
  it('round-trips through the reader', () => {
    const rules = parseHeadersFile(headersFile(BASE));
    expect(rules.get('/*')?.get('content-security-policy')).toBe(BASE);
    expect(rules.get('/*')?.get('x-content-type-options')).toBe('nosniff');
  });

  it('refuses a policy line longer than Cloudflare Pages reads', () => {
    expect(() => headersFile(`script-src ${"'sha256-x' ".repeat(MAX_HEADER_LINE / 10)}`)).toThrow(/over the 2000/u);
  });

  it('refuses a header line outside a rule, with its line number', () => {
    expect(() => parseHeadersFile('# c\n  X-A: b\n')).toThrow(/_headers:2/u);
  });
});

describe('metaCsp', () => {
  it('finds the policy in either attribute order, and nothing in a page without one', () => {
    expect(metaCsp(`<head><meta http-equiv="content-security-policy" content="default-src &#39;self&#39;"></head>`)).toBe(
      "default-src 'self'",
    );
    expect(metaCsp(`<meta content="img-src 'self'" http-equiv="Content-Security-Policy">`)).toBe("img-src 'self'");
    expect(metaCsp('<meta name="referrer" content="same-origin">')).toBeUndefined();
  });
});

describe('moveInlineStyles', () => {
  const svgOf = (markup: string) =>
    parseHTML(`<html><body>${markup}</body></html>`).document.querySelector('svg') as unknown as Parameters<typeof moveInlineStyles>[0];

  it("a rendered chart keeps no <style> and no style attribute; Plot's style option becomes attributes", () => {
    const svg = renderPlotSvg(
      { style: { fontSize: '14px', overflow: 'visible' }, marks: [Plot.dot([{ x: 1, y: 2 }], { x: 'x', y: 'y', title: () => 'one' })] },
      { ariaLabel: 'test', ariaDescription: 'a dot' },
    );
    expect(svg).not.toMatch(/<style|style="/u);
    expect(svg).toMatch(/font-size="14px"/u);
    expect(svg).toMatch(/overflow="visible"/u);
    expect(svg).toContain(`class="${PLOT_CLASS}"`);
  });

  it("refuses a <style> that is not Plot's stylesheet, and a property SVG has no attribute for", () => {
    expect(() => moveInlineStyles(svgOf('<svg><style>text { fill: red }</style></svg>'), 'c1')).toThrow(
      /chart "c1".*not Plot's stylesheet/u,
    );
    expect(() => moveInlineStyles(svgOf('<svg><g style="max-width: 10px"></g></svg>'), 'c2')).toThrow(/chart "c2".*max-width/u);
    expect(() => moveInlineStyles(svgOf('<svg><g style="fill: red !important"></g></svg>'), 'c3')).toThrow(/c3/u);
  });
});

describe('embedToken', () => {
  it('reads the token the parent script puts in the fragment, and nothing else', () => {
    expect(embedToken('#qd-embed=0123456789abcdef0123456789abcdef')).toBe('0123456789abcdef0123456789abcdef');
    expect(embedToken('#x=1&qd-embed=0123456789abcdef')).toBe('0123456789abcdef');
    expect(embedToken('#qd-embed=short')).toBeUndefined();
    expect(embedToken('')).toBeUndefined();
  });
});
