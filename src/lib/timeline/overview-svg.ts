/**
 * The overview axis of the timeline as an SVG string, drawn at build time. One column per
 * year: events with a stated month sit at their month on the axis; events whose month the
 * source leaves unsaid are counted in a band under the year instead of being placed;
 * years without any source are hatched and labelled, never interpolated.
 * Colours are CSS variables, so one drawing follows light and dark.
 */
import type { EventSourceKind, EventTier } from './placing.ts';
import { escapeHtml } from '../text/escape-html.ts';

export interface OverviewYear {
  year: number;
  label: string;
  empty: boolean;
  dated: { position: number | undefined; tier: EventTier; sourceKind: EventSourceKind }[];
  monthUnstatedCount: string;
  hasMonthUnstated: boolean;
}

export interface OverviewLabels {
  gap: string;
}

const r1 = (n: number): number => Math.round(n * 10) / 10;

export const OVERVIEW_LAYOUT = {
  margin: 6,
  axisY: 40,
  bandY: 54,
  bandH: 16,
  labelY: 92,
  height: 100,
  /** markers closer than this stack upwards instead of overlapping */
  minSpacing: 7,
} as const;

function marker(x: number, y: number, tier: EventTier, sourceKind: EventSourceKind): string {
  const secondary = sourceKind === 'secondary';
  const colour = secondary ? 'var(--chart-secondary)' : 'var(--chart-actual)';
  // shape tells major from minor, fill tells primary from secondary-only: never colour alone
  const fill = secondary ? 'var(--bg)' : colour;
  if (tier === 'major') {
    const s = 6.5;
    return `<path class="tl-mark major" d="M${r1(x)},${r1(y - s)}L${r1(x + s)},${r1(y)}L${r1(x)},${r1(y + s)}L${r1(x - s)},${r1(y)}Z" fill="${fill}" stroke="${colour}" stroke-width="1.5"/>`;
  }
  return `<circle class="tl-mark minor" cx="${r1(x)}" cy="${r1(y)}" r="3.5" fill="${fill}" stroke="${colour}" stroke-width="1.5"/>`;
}

export function overviewSvg(years: readonly OverviewYear[], width: number, labels: OverviewLabels, idPrefix: string): string {
  const L = OVERVIEW_LAYOUT;
  const colW = (width - 2 * L.margin) / Math.max(years.length, 1);
  const hatchId = `${idPrefix}-hatch`;
  // labels shrink with the column so neighbouring years never overlap
  const labelSize = r1(Math.min(13, colW / 4.4));
  const smallSize = r1(Math.min(12, colW / 4.6));
  const parts: string[] = [];
  parts.push(
    `<defs><pattern id="${hatchId}" width="6" height="6" patternUnits="userSpaceOnUse" patternTransform="rotate(45)"><line x1="0" y1="0" x2="0" y2="6" stroke="var(--chart-muted)" stroke-width="1.5"/></pattern></defs>`,
  );
  years.forEach((y, i) => {
    const x0 = L.margin + i * colW;
    const x1 = x0 + colW;
    const cx = x0 + colW / 2;
    parts.push(`<g class="tl-year${y.empty ? ' empty' : ''}" data-year="${y.year}">`);
    // year boundary tick
    parts.push(`<line x1="${r1(x0)}" x2="${r1(x0)}" y1="${L.axisY - 6}" y2="${L.axisY + 6}" stroke="var(--chart-muted)"/>`);
    if (y.empty) {
      parts.push(
        `<rect x="${r1(x0 + 3)}" y="${L.axisY - 14}" width="${r1(colW - 6)}" height="${L.bandY + L.bandH - L.axisY + 14}" fill="url(#${hatchId})" opacity="0.55"/>`,
      );
      parts.push(
        `<line x1="${r1(x0)}" x2="${r1(x1)}" y1="${L.axisY}" y2="${L.axisY}" stroke="var(--chart-muted)" stroke-dasharray="3 4"/>`,
      );
      parts.push(
        `<text x="${r1(cx)}" y="${L.bandY + 12}" text-anchor="middle" font-size="${smallSize}" font-weight="600" paint-order="stroke" stroke="var(--bg)" stroke-width="4">${escapeHtml(labels.gap)}</text>`,
      );
    } else {
      parts.push(`<line x1="${r1(x0)}" x2="${r1(x1)}" y1="${L.axisY}" y2="${L.axisY}" stroke="var(--chart-ink)" stroke-width="1.5"/>`);
      // stack markers that would overlap; majors drawn last so they stay on top
      const placed: { x: number; level: number; m: OverviewYear['dated'][number] }[] = [];
      for (const m of y.dated) {
        if (m.position === undefined) continue;
        const x = x0 + 4 + m.position * (colW - 8);
        const near = placed.filter((p) => Math.abs(p.x - x) < L.minSpacing);
        placed.push({ x, level: near.length, m });
      }
      const order = [...placed].sort((a, b) => (a.m.tier === b.m.tier ? 0 : a.m.tier === 'major' ? 1 : -1));
      // a tall stack squeezes together rather than leaving the drawing
      const maxLevel = Math.max(0, ...placed.map((p) => p.level));
      const step = maxLevel === 0 ? 0 : Math.min(11, (L.axisY - 8) / maxLevel);
      for (const p of order) parts.push(marker(p.x, L.axisY - p.level * step, p.m.tier, p.m.sourceKind));
      if (y.hasMonthUnstated) {
        parts.push(
          `<rect x="${r1(x0 + 4)}" y="${L.bandY}" width="${r1(colW - 8)}" height="${L.bandH}" rx="3" fill="var(--panel)" stroke="var(--chart-muted)" stroke-dasharray="2 2"/>`,
        );
        parts.push(
          `<text x="${r1(cx)}" y="${L.bandY + 12}" text-anchor="middle" font-size="${smallSize}">${escapeHtml(y.monthUnstatedCount)}</text>`,
        );
      }
    }
    parts.push(
      `<text x="${r1(cx)}" y="${L.labelY}" text-anchor="middle" font-size="${labelSize}" font-weight="600">${escapeHtml(y.label)}</text>`,
    );
    parts.push('</g>');
  });
  const lastX = L.margin + years.length * colW;
  parts.push(`<line x1="${r1(lastX)}" x2="${r1(lastX)}" y1="${L.axisY - 6}" y2="${L.axisY + 6}" stroke="var(--chart-muted)"/>`);
  return `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${width} ${L.height}" width="${width}" height="${L.height}" aria-hidden="true" focusable="false">${parts.join('')}</svg>`;
}
