/**
 * Takes the inline CSS out of a chart Plot has drawn, so the pages need no 'unsafe-inline'
 * or 'unsafe-hashes' in their Content-Security-Policy (docs/decisions/0006):
 * - Plot's own `<style>` block is removed; its rules live in src/styles/global.css, keyed to
 *   the class Plot gives every chart. Any other `<style>` is refused: its rules belong there too.
 * - `style="…"` attributes (a spec's `style` option) become SVG presentation attributes,
 *   which CSP does not govern. A presentation attribute ranks below every stylesheet rule,
 *   where a style attribute ranked above them: a rule in the site's CSS that targets the same
 *   element and property now wins. A property with no presentation attribute is refused.
 */

/** SVG presentation attributes whose CSS value is also valid as the attribute's value. */
const PRESENTATION = new Set([
  'alignment-baseline',
  'baseline-shift',
  'clip-path',
  'clip-rule',
  'color',
  'color-interpolation',
  'color-interpolation-filters',
  'cursor',
  'direction',
  'display',
  'dominant-baseline',
  'fill',
  'fill-opacity',
  'fill-rule',
  'filter',
  'flood-color',
  'flood-opacity',
  'font-family',
  'font-size',
  'font-size-adjust',
  'font-stretch',
  'font-style',
  'font-variant',
  'font-weight',
  'image-rendering',
  'letter-spacing',
  'lighting-color',
  'marker-end',
  'marker-mid',
  'marker-start',
  'mask',
  'opacity',
  'overflow',
  'paint-order',
  'pointer-events',
  'shape-rendering',
  'stop-color',
  'stop-opacity',
  'stroke',
  'stroke-dasharray',
  'stroke-dashoffset',
  'stroke-linecap',
  'stroke-linejoin',
  'stroke-miterlimit',
  'stroke-opacity',
  'stroke-width',
  'text-anchor',
  'text-decoration',
  'text-rendering',
  'unicode-bidi',
  'vector-effect',
  'visibility',
  'white-space',
  'word-spacing',
  'writing-mode',
]);

/** Plot 0.6's stylesheet (src/plot.js), with its class name as CLASS. */
const PLOT_STYLESHEET = `:where(.CLASS) {
  --plot-background: white;
  display: block;
  height: auto;
  height: intrinsic;
  max-width: 100%;
}
:where(.CLASS text),
:where(.CLASS tspan) {
  white-space: pre;
}`;

/** The class global.css styles charts by; Plot's default when a spec sets no className. */
export const PLOT_CLASS = 'plot-d6a7b5';

interface El {
  tagName: string;
  textContent: string | null;
  getAttribute(name: string): string | null;
  setAttribute(name: string, value: string): void;
  removeAttribute(name: string): void;
  remove(): void;
  querySelectorAll(selector: string): Iterable<El>;
}

/** "a: b; c: d" → [[a, b], [c, d]]; property names lower-cased. */
export function declarations(style: string): [string, string][] {
  return style
    .split(';')
    .map((d) => d.trim())
    .filter(Boolean)
    .map((d) => {
      const colon = d.indexOf(':');
      if (colon < 1) throw new Error(`chart SVG: cannot read the style declaration "${d}"`);
      return [d.slice(0, colon).trim().toLowerCase(), d.slice(colon + 1).trim()];
    });
}

/** Strips the chart's inline CSS in place (see above); throws, saying what to do, on CSS it cannot move. */
export function moveInlineStyles(root: El, chart: string): void {
  for (const style of [...root.querySelectorAll('style')]) {
    const text = (style.textContent ?? '').trim();
    if (text !== PLOT_STYLESHEET.replaceAll('CLASS', PLOT_CLASS)) {
      throw new Error(
        `chart "${chart}": an inline <style> that is not Plot's stylesheet for class ${PLOT_CLASS}, which the Content-Security-Policy would block:\n${text.slice(0, 300)}\n` +
          `Put its rules in src/styles/global.css (and leave the spec's className unset), or, if Plot's own stylesheet changed, update PLOT_STYLESHEET in src/lib/chart/inline-styles.ts and the matching rules in global.css.`,
      );
    }
    style.remove();
  }
  const styled = [...(root.getAttribute('style') !== null ? [root] : []), ...root.querySelectorAll('[style]')];
  for (const el of styled) {
    const tag = el.tagName.toLowerCase();
    for (const [prop, value] of declarations(el.getAttribute('style') ?? '')) {
      if (!PRESENTATION.has(prop) || /!important|[<>"]/u.test(value)) {
        throw new Error(
          `chart "${chart}": <${tag} style="${prop}: ${value}"> cannot become an SVG presentation attribute, and the Content-Security-Policy blocks style attributes. ` +
            `Give the element a class and style it in src/styles/global.css, or use a property SVG has an attribute for.`,
        );
      }
      el.setAttribute(prop, value);
    }
    el.removeAttribute('style');
  }
}
