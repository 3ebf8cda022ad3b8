/**
 * The normalisation rules recorded for one source in data/normalization/, in the form
 * normalize() takes them.
 */
import type { Mojibake, Splice } from './schema.ts';

export interface SourceRules {
  splices: readonly Splice[];
  mojibake: readonly Mojibake[];
}

export function rulesFor(sourceId: string, rules: SourceRules) {
  return {
    splices: rules.splices.filter((s) => s.source === sourceId).map((s) => ({ text: s.text, reason: s.reason, reasonZh: s.reason_zh })),
    mojibake: rules.mojibake.filter((m) => m.source === sourceId).map((m) => ({ span: m.span, repaired: m.repaired, note: m.note, noteZh: m.note_zh })),
  };
}
