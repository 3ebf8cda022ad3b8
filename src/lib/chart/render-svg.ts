/**
 * Renders a chart specification to SVG markup at build time, so charts read without
 * JavaScript. Plot draws into a linkedom document instead of a browser's.
 */
import { createHash } from 'node:crypto';
import * as Plot from '@observablehq/plot';
import { parseHTML } from 'linkedom';
import { moveInlineStyles } from './inline-styles.ts';

export interface RenderOptions {
  /** accessible name of the chart */
  ariaLabel: string;
  /** text description stating the main finding */
  ariaDescription: string;
}

export function renderPlotSvg(options: Plot.PlotOptions, render: RenderOptions): string {
  const { document } = parseHTML('<!doctype html><html><body></body></html>');
  const node = Plot.plot({
    ...options,
    ariaLabel: render.ariaLabel,
    ariaDescription: render.ariaDescription,
    document: document as unknown as Document,
  }) as unknown as Element;
  const svg = node.tagName.toLowerCase() === 'svg' ? node : node.querySelector('svg');
  if (!svg) throw new Error('render-svg: Plot produced no <svg>');
  // Marks that carry a <title> hold the figure a reader may want to inspect: make them
  // reachable by keyboard and findable by the tooltip script.
  for (const title of [...svg.querySelectorAll('title')]) {
    const mark = title.parentElement;
    if (!mark || mark === svg) continue;
    mark.setAttribute('tabindex', '0');
    mark.setAttribute('role', 'img');
    mark.setAttribute('aria-label', title.textContent ?? '');
    mark.setAttribute('data-tip', title.textContent ?? '');
    mark.classList.add('tip-target');
    // the accessible name and the tooltip script carry the text; an element less per mark
    title.remove();
  }
  // the pages' Content-Security-Policy allows no inline CSS
  moveInlineStyles(node, render.ariaLabel);
  svg.setAttribute('role', 'img');
  svg.removeAttribute('width');
  svg.removeAttribute('height');
  svg.setAttribute('preserveAspectRatio', 'xMinYMin meet');
  return stableIds(node);
}

/**
 * Plot numbers its markers, clip paths and patterns from one counter per process
 * (`plot-marker-17`), so a chart's markup would depend on what was drawn before it: a golden
 * test then passes or fails with the order of the files. The ids become a hash of the chart's own
 * markup and a local count: the same chart gives the same bytes, two charts on one page (or one
 * chart's phone and desktop drawings) still differ.
 */
function stableIds(node: Element): string {
  const ids = [...node.querySelectorAll('[id]')].map((el) => el.getAttribute('id') ?? '').filter((id) => /^plot-[a-z]+-\d+$/u.test(id));
  const html = node.outerHTML;
  if (ids.length === 0) return html;
  const pattern = new RegExp(`\\b(${ids.join('|')})\\b`, 'gu');
  const local = (id: string) => `${id.replace(/-\d+$/u, '')}-${ids.indexOf(id) + 1}`;
  const hash = createHash('sha256').update(html.replace(pattern, local)).digest('hex').slice(0, 8);
  return html.replace(pattern, (id) => local(id).replace(/^plot-/u, `c${hash}-`));
}
