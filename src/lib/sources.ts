/**
 * Clean text of a source: its raw file run through normalize() with the rules recorded
 * for it in data/normalization/.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { normalize, type NormalizeResult } from './normalize.ts';
import type { Mojibake, Splice } from './data/schema.ts';

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

export function cleanSourceFile(dataDir: string, file: string, sourceId: string, rules: SourceRules): NormalizeResult {
  const raw = readFileSync(join(dataDir, 'sources', file), 'utf8');
  return normalize(raw, rulesFor(sourceId, rules));
}
