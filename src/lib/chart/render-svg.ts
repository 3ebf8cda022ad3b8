/**
 * Renders a chart specification to SVG markup at build time, so charts read without
 * JavaScript. Plot draws into a linkedom document instead of a browser's.
 */
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
  if (!svg) throw new Error('render-chart: Plot produced no <svg>');
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
  }
  // the pages' Content-Security-Policy allows no inline CSS
  moveInlineStyles(node, render.ariaLabel);
  svg.setAttribute('role', 'img');
  svg.removeAttribute('width');
  svg.removeAttribute('height');
  svg.setAttribute('preserveAspectRatio', 'xMinYMin meet');
  return node.outerHTML;
}
