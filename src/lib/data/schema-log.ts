/**
 * The tables that record judgements about the published figures rather than the figures
 * themselves: the corrections log (every change to a released figure) and the series
 * continuity decisions (where a series does not join across sources, and what the site shows).
 * Kept apart from schema.ts so each can grow without the other; TABLES in schema.ts lists both.
 */
import { z } from 'zod';

const slug = z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/u, 'must be a lower-case slug (a-z, 0-9, single hyphens)');
const isoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/u, 'must be an ISO date YYYY-MM-DD')
  .refine((s) => {
    const [y, m, d] = s.split('-').map(Number);
    const date = new Date(Date.UTC(y ?? 0, (m ?? 1) - 1, d ?? 0));
    return date.getUTCFullYear() === y && date.getUTCMonth() === (m ?? 0) - 1 && date.getUTCDate() === d;
  }, 'is not a real calendar date');
const idList = z.string().refine((s) => s === '' || s.split(';').every((p) => /^[a-z0-9]+(?:-[a-z0-9]+)*$/u.test(p)), 'must be slugs separated by ";"');
export const SEMVER = /^\d+\.\d+\.\d+$/u;

/** What a corrections row says changed. `removed` and `added` are whole rows. */
export const CORRECTION_FIELDS = ['value', 'qualifier', 'period_start', 'period_end', 'quote', 'unit', 'indicator', 'geo', 'status', 'breakdown', 'source', 'removed', 'added'] as const;

export const correctionSchema = z.object({
  date: isoDate.describe('day the change was made (ISO date)'),
  version: z.string().regex(SEMVER, 'must be a version number such as 1.1.0').describe('version of the dataset that first carries the change; later than the release it changes'),
  figure: slug.describe('id of the figure (figures.csv) or computed figure (derived.csv) that changed; for a removed row, the id it had'),
  field: z
    .enum(CORRECTION_FIELDS)
    .describe('what changed: a column of the figure (value, qualifier, period_start, period_end, quote, …), or removed / added for a whole row'),
  old: z.string().describe('the value or text as released before the change; empty for an added row'),
  new: z.string().describe('the value or text after the change; empty for a removed row'),
  reason: z.string().min(1, 'must not be empty').describe('why the figure was changed (English)'),
  reason_zh: z.string().min(1, 'must not be empty').describe('the same in Chinese, for the site'),
});

export const continuitySchema = z.object({
  id: slug.describe('identifier of the finding; also its anchor on /reconciliation/ (#id)'),
  indicator: slug.describe('id in indicators.csv of the series that does not join'),
  geo: slug.describe('id in places.csv of the place of the series'),
  figures: idList
    .refine((s) => s !== '', 'must name the figures that do not join')
    .describe('ids of the published or computed figures whose growth rates and totals do not fit each other, separated by ";"; every break the check finds among them must be listed here'),
  shown: z.string().describe('id of the figure the site shows for the disputed period (for example the 2022 base), or empty when it shows none of them; the reason is in note'),
  note: z.string().min(1, 'must not be empty').describe('what does not join, and why the site shows what it shows (English)'),
  note_zh: z.string().min(1, 'must not be empty').describe('the same in Chinese, for the site'),
});

export type Correction = z.infer<typeof correctionSchema>;
export type Continuity = z.infer<typeof continuitySchema>;
