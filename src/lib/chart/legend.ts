/**
 * The legend's swatches as SVG, drawn the same way the chart draws each mark, so the page,
 * the embed and the static images show one legend. Colours are CSS variables (the static
 * images resolve them to the light palette).
 */
import { COLORS, type LegendEntry, type Swatch } from './types.ts';

/** Width and height of a swatch, in CSS px. */
export const SWATCH = { width: 22, height: 14 } as const;

/** The inner markup of one swatch, drawn in a 22 × 14 box. */
export function swatchMarkup(swatch: Swatch): string {
  const bar = (fill: string, opacity: number, stroke: string, width: number, dash?: string) =>
    `<rect x="1" y="1" width="20" height="12" fill="${fill}" fill-opacity="${opacity}" stroke="${stroke}" stroke-width="${width}"${dash ? ` stroke-dasharray="${dash}"` : ''}/>`;
  switch (swatch) {
    case 'primary':
      return bar(COLORS.actual, 1, COLORS.actual, 0);
    case 'secondary':
      return bar(COLORS.secondary, 0.35, COLORS.secondary, 1.5);
    case 'derived':
      return bar(COLORS.derived, 0.12, COLORS.derived, 1.5, '4 3');
    case 'target':
      return bar(COLORS.target, 0.06, COLORS.target, 2, '2 3');
    case 'part':
      return `<line x1="2" x2="17" y1="7" y2="7" stroke="${COLORS.ink}" stroke-width="3"/><circle cx="17" cy="7" r="4" fill="${COLORS.ink}"/>`;
    case 'track':
      return bar(COLORS.grid, 1, COLORS.grid, 0);
    case 'gap':
      return `<rect x="1" y="1" width="20" height="12" fill="none" stroke="${COLORS.muted}" stroke-width="1" stroke-dasharray="2 2"/>`;
    case 'event':
      return `<path d="M11 2L17 12H5Z" fill="${COLORS.ink}"/>`;
    case 'event-year':
      return `<path d="M2 3V11M2 7H20M20 3V11" fill="none" stroke="${COLORS.ink}" stroke-width="1.5"/>`;
    case 'circle':
      return `<circle cx="11" cy="7" r="5" fill="${COLORS.ink}"/>`;
    case 'square':
      return `<rect x="6" y="2" width="10" height="10" fill="${COLORS.ink}"/>`;
    case 'diamond':
      return `<path d="M11 1L17 7L11 13L5 7Z" fill="${COLORS.ink}"/>`;
  }
}

/** A whole swatch as a small inline SVG, for the HTML legend. */
export function swatchSvg(swatch: Swatch): string {
  return `<svg class="legend-swatch" width="${SWATCH.width}" height="${SWATCH.height}" viewBox="0 0 ${SWATCH.width} ${SWATCH.height}" aria-hidden="true" focusable="false">${swatchMarkup(swatch)}</svg>`;
}

/** The entries in the order readers meet them: what a mark is, then its period, then the annotations. */
const ORDER: Swatch[] = [
  'circle',
  'square',
  'diamond',
  'primary',
  'secondary',
  'derived',
  'part',
  'target',
  'track',
  'gap',
  'event',
  'event-year',
];

export function sortLegend(entries: readonly LegendEntry[]): LegendEntry[] {
  const seen = new Set<string>();
  return [...entries]
    .filter((e) => {
      const k = `${e.swatch}/${e.label}`;
      if (seen.has(k)) return false;
      seen.add(k);
      return true;
    })
    .sort((a, b) => ORDER.indexOf(a.swatch) - ORDER.indexOf(b.swatch));
}
