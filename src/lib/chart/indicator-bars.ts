/**
 * The small chart on an indicator's page: one bar per figure on one scale from zero, so bars
 * of one indicator (one measure, one threshold, one unit) compare by length. Positions are
 * fractions of the track; the page draws them as HTML, which reads without JavaScript and
 * scales with the text.
 */
export interface BarInput {
  id: string;
  number: number;
}

export interface Bar {
  id: string;
  /** left edge and width as fractions of the track, 0–1 */
  left: number;
  width: number;
  negative: boolean;
}

export function barsOnOneScale(inputs: readonly BarInput[]): Bar[] {
  const lo = Math.min(0, ...inputs.map((i) => i.number));
  const hi = Math.max(0, ...inputs.map((i) => i.number));
  const span = hi - lo || 1;
  return inputs.map((i) => ({
    id: i.id,
    left: (Math.min(i.number, 0) - lo) / span,
    width: Math.abs(i.number) / span,
    negative: i.number < 0,
  }));
}

/** Ranks are not quantities: a longer bar for 13th than for 1st would mislead. */
export function chartableUnit(unit: string): boolean {
  return unit !== 'rank';
}
