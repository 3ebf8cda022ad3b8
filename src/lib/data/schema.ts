/**
 * The single description of every table in data/. Column order here is the column order
 * the CSV must have; each field says what it holds. Closed lists live here too, so the
 * checker, the site and the data dictionary (datapackage.json) all read one definition.
 */
import { z } from 'zod';

/**
 * A spreadsheet runs a cell that starts with = + - @ (or a tab or carriage return, which some
 * programs skip before looking) as a formula. data/ files are served as they are (the
 * per-table downloads), so such a cell is refused here rather than neutralised later.
 */
const FORMULA_START = /^[=+\-@\t\r]/u;
/** A plain number such as -3.2 is data, not a formula: a spreadsheet reads it as a number. */
const PLAIN_NUMBER = /^-?\d+(?:\.\d+)?$/u;
export function startsFormula(s: string): boolean {
  return FORMULA_START.test(s) && !PLAIN_NUMBER.test(s);
}
const FORMULA_MESSAGE =
  'starts with a character a spreadsheet runs as a formula (= + - @, tab or carriage return): start the text with a word, or put it in quotes “…”, for example “-3.2 on the year” as “down 3.2 on the year”';
/** Every text cell: any string a spreadsheet will not run. */
const cell = () => z.string().refine((s) => !startsFormula(s), { message: FORMULA_MESSAGE, abort: true });

/**
 * The Table Schema type of a column (datapackage.json), declared beside its zod type as
 * metadata, which z.toJSONSchema carries through .refine() and .describe() to the data
 * package; a column without it is a string with its pattern.
 */
export interface TableSchemaType {
  type: 'date' | 'number' | 'integer' | 'year';
  constraints?: { required?: boolean; minimum?: number; maximum?: number };
}
function tableSchemaType(t: TableSchemaType): { tableSchema: TableSchemaType } {
  return { tableSchema: t };
}

const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/u;
const slug = cell().regex(SLUG, 'must be a lower-case slug (a-z, 0-9, single hyphens)');
const optionalSlug = cell().refine((s) => /^(|[a-z0-9]+(?:-[a-z0-9]+)*)$/u.test(s), 'must be a lower-case slug (a-z, 0-9, single hyphens) or empty');
const nonEmpty = cell().min(1, 'must not be empty');
const optionalText = cell();
const isoDate = cell()
  .regex(/^\d{4}-\d{2}-\d{2}$/u, 'must be an ISO date YYYY-MM-DD')
  .refine((s) => isRealDate(s), 'is not a real calendar date')
  .meta(tableSchemaType({ type: 'date', constraints: { required: true } }));
/**
 * A list in one cell, separated by ";" in the CSV, read as an array here so nothing else
 * splits it; the CSV writers join it again. Each item is checked by `item`.
 */
// refine rather than regex: a pattern would be published as a constraint in datapackage.json,
// whose bytes researchers' scripts rely on
const list = (pattern: RegExp, message: string) =>
  cell()
    .refine((s) => pattern.test(s), message)
    .transform((s) => (s === '' ? [] : s.split(';')));
const SLUG_LIST = /^(|[a-z0-9]+(?:-[a-z0-9]+)*(?:;[a-z0-9]+(?:-[a-z0-9]+)*)*)$/u;
const idList = list(SLUG_LIST, 'must be slugs separated by ";"');
const yearField = cell()
  .regex(/^(|\d{4})$/u, 'must be a four-digit year or empty (not stated)')
  .meta(tableSchemaType({ type: 'year' }));
const monthField = cell()
  .regex(/^(|0?[1-9]|1[0-2])$/u, 'must be a month 1–12 or empty (not stated)')
  .meta(tableSchemaType({ type: 'integer', constraints: { minimum: 1, maximum: 12 } }));
const dayField = cell()
  .regex(/^(|0?[1-9]|[12]\d|3[01])$/u, 'must be a day 1–31 or empty (not stated)')
  .meta(tableSchemaType({ type: 'integer', constraints: { minimum: 1, maximum: 31 } }));
const plainDecimal = cell()
  .regex(/^-?\d+(?:\.\d+)?$/u, 'must be a plain decimal number as published (no commas, units or signs other than -)')
  .meta(tableSchemaType({ type: 'number', constraints: { required: true } }));
/** Only web addresses: javascript:, data: and the like would run or show something else when clicked. */
const WEB_ADDRESS_MESSAGE = 'must be an https:// or http:// address (or empty when the copy received gives none)';
const webAddress = z.union([z.literal(''), z.url({ protocol: /^https?$/u, error: WEB_ADDRESS_MESSAGE })], { error: WEB_ADDRESS_MESSAGE });
/**
 * A path below data/sources/: relative, forward slashes, no "." or ".." segment, so the build
 * can never publish a file outside that folder as a source's text. That the file exists (and
 * is not a link out of the folder) is checked by check.ts, which knows where data/ is.
 */
const sourcePath = cell().min(1, 'must not be empty').refine(
  (s) => /^(?!.*(?:^|\/)\.{1,2}(?:\/|$))[A-Za-z0-9._-]+(?:\/[A-Za-z0-9._-]+)*\.txt$/u.test(s),
  'must be a path relative to data/sources/ such as raw/001_name.txt: letters, digits, . _ - and /, ending in .txt, without "..", a leading "/" or "\\"',
);

export function isRealDate(s: string): boolean {
  const [y, m, d] = s.split('-').map(Number);
  if (y === undefined || m === undefined || d === undefined) return false;
  const date = new Date(Date.UTC(y, m - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
}

export const SOURCE_KINDS = ['primary', 'secondary'] as const;
export const SCRIPTS = ['simplified', 'traditional', 'english'] as const;
export const NOISE_KINDS = ['pinyin', 'traditional', 'mojibake', 'placeholder-boxes', 'stray-symbols', 'spliced-sentences', 'header-block'] as const;
export const DATE_BASIS = ['stated', 'inferred'] as const;
export const QUALIFIERS = ['exact', 'approximate', 'at-least', 'more-than', 'less-than'] as const;
export const STATUSES = ['actual', 'target', 'plan'] as const;
export const EVENT_KINDS = ['conference', 'meeting', 'forum', 'report', 'signing', 'summit', 'release', 'milestone'] as const;
export const PLACE_KINDS = ['country', 'province', 'region', 'city', 'district', 'county-city', 'zone'] as const;
export const UNIT_KINDS = ['money', 'ratio', 'count', 'area', 'rank'] as const;
export const ARITHMETIC_EXPECT = ['holds', 'discrepancy'] as const;
export const VERDICTS = ['met', 'not-met', 'not-reported', 'not-comparable'] as const;
export const PROMISE_KINDS = ['outcome', 'list', 'structure', 'method'] as const;

const id = slug.describe('identifier of the row: a lower-case slug, unique in the table');
const nameZh = nonEmpty.describe('name in Chinese (simplified characters)');
const nameEn = nonEmpty.describe('name in English');
const noteField = optionalText.describe('remarks of the compilers (English)');
const noteZhField = optionalText.describe('the same remarks in Chinese, for the site; present exactly when the English is');
const geoRef = slug.describe('id in places.csv of the place the figure is about');
const unitRef = slug.describe('id in units.csv');
const indicatorRef = slug.describe('id in indicators.csv of the series the figure belongs to');
const periodStart = isoDate.describe('first day of the period the figure covers');
const periodEnd = isoDate.describe('last day of the period the figure covers');
const statusField = z
  .enum(STATUSES)
  .describe("actual: an outcome reported as achieved (a signed project's 计划总投资 is an actual report of what was signed); target: a goal set for a period (力争, 目标, 确保); plan: an announced programme that is not a target");

const BREAKDOWN = '[a-z0-9]+(?:-[a-z0-9]+)*(?::[a-z0-9]+(?:-[a-z0-9]+)*)?';
const breakdownList = list(new RegExp(`^(|${BREAKDOWN}(?:;${BREAKDOWN})*)$`, 'u'), 'must be codes of breakdowns.csv separated by ";"');

const semicolonEnum = <T extends readonly [string, ...string[]]>(values: T) =>
  list(new RegExp(`^(|(?:${values.join('|')})(?:;(?:${values.join('|')}))*)$`, 'u'), `must be values from [${values.join(', ')}] separated by ";"`) as unknown as z.ZodType<T[number][], string>;

export const sourceSchema = z.object({
  id,
  file: sourcePath.describe('path of the raw text, relative to data/sources/'),
  kind: z.enum(SOURCE_KINDS).describe('primary: one of the five original articles; secondary: a passage from another published report'),
  title_zh: nonEmpty.describe('title in Chinese; descriptive when the text has no headline (see note)'),
  title_en: nonEmpty.describe('title in English'),
  publisher: nonEmpty.describe('who published the text, as the text or its page names them'),
  publisher_en: nonEmpty.describe("the publisher's name in English: its own English name where it has one, otherwise a translation"),
  url: webAddress.describe('address the text was published at; empty when the copy received gives none'),
  published_year: yearField.describe('year of publication as stated; empty when not stated (see date_note)'),
  published_month: monthField.describe('month of publication as stated; empty when not stated (see date_note)'),
  published_day: dayField.describe('day of publication as stated; empty when not stated (see date_note)'),
  date_basis: z.enum(DATE_BASIS).describe('stated: the date parts given are printed in the text; inferred: the year is deduced, see date_note'),
  date_note: optionalText.describe('what the text says of its date, and what it leaves unsaid'),
  date_note_zh: optionalText.describe('the same in Chinese, for the site; present exactly when date_note is'),
  event: idList.describe('id(s) in events.csv of the event(s) the article reports'),
  script: z.enum(SCRIPTS).describe('script of the text as received'),
  noise: semicolonEnum(NOISE_KINDS).describe('kinds of damage the text carries, separated by ";"'),
  note: noteField,
  note_zh: noteZhField,
});

export const unitSchema = z.object({
  id,
  symbol_zh: nonEmpty.describe('how the unit is written in Chinese text'),
  name_en: nameEn,
  kind: z.enum(UNIT_KINDS).describe('what the unit measures'),
  definition: nonEmpty.describe('what the unit means'),
});

export const placeSchema = z.object({
  id,
  name_zh: nameZh,
  name_en: nameEn,
  kind: z.enum(PLACE_KINDS).describe('level of the place'),
  parent: optionalSlug.describe('id of the place this one belongs to; empty for the top'),
});

export const breakdownSchema = z.object({
  id: cell()
    .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*(?::[a-z0-9]+(?:-[a-z0-9]+)*)?$/u, 'must be a slug, optionally prefixed by its kind and a colon (industry:emerging-industries)')
    .describe('code used in the breakdown column of figures.csv and derived.csv: kind:part'),
  name_zh: nameZh,
  name_en: nameEn,
});

export const indicatorSchema = z.object({
  id,
  name_zh: nameZh,
  name_en: nameEn,
  unit: slug.describe('id in units.csv; every figure of the indicator has this unit'),
  topic: slug.describe('group on the site: fdi, trade, projects, talent, platforms, economy, …'),
  definition: nonEmpty.describe('what is counted, with the threshold; what the sources leave undefined is said here'),
  definition_zh: nonEmpty.describe('the definition in Chinese, for the Chinese edition: the same facts and caveats, no more'),
  undefined_terms: optionalText.describe('terms the articles use without defining them'),
});

export const figureSchema = z.object({
  id,
  indicator: indicatorRef,
  value: plainDecimal.describe('the number as published, with the decimals it has there'),
  unit: unitRef,
  qualifier: z.enum(QUALIFIERS).describe('how the text qualifies the number: exact; approximate (约, 近); at-least (以上); more-than (超, 突破, 余, 多, 过); less-than (不足)'),
  period_start: periodStart,
  period_end: periodEnd,
  geo: geoRef,
  status: statusField,
  breakdown: breakdownList.describe('the part of a whole this figure is: code(s) in breakdowns.csv separated by ";" (industry group, origin of investment, …); empty for a total'),
  source: slug.describe('id in sources.csv'),
  quote: nonEmpty.describe('exact fragment of the clean text of the source that states the figure'),
  note: noteField,
  note_zh: noteZhField,
});

export const eventSchema = z.object({
  id,
  year: yearField.describe('year of the event as stated or inferred (see date_basis); empty when unknown'),
  month: monthField.describe('month of the event; empty when the source does not state it'),
  day: dayField.describe('day of the event; empty when the source does not state it'),
  date_basis: z.enum(DATE_BASIS).describe('stated: the date parts are printed in the source; inferred: the year is deduced, see date_note'),
  date_note: optionalText.describe('what the source says of the date, and what it leaves unsaid'),
  date_note_zh: optionalText.describe('the same in Chinese, for the site; present exactly when date_note is'),
  kind: z.enum(EVENT_KINDS).describe('what sort of event'),
  name_zh: nameZh,
  name_en: nameEn,
  geo: slug.describe('id in places.csv of where the event took place'),
  source: list(SLUG_LIST, 'must be slugs separated by ";"').refine((s) => s.length > 0, 'must name at least one source').describe('id(s) in sources.csv separated by ";"; the quote is from the first'),
  quote: nonEmpty.describe('fragment of the clean text of the first source naming the event and its date'),
  documents: list(/^(|[^;]+(?:;[^;]+)*)$/u, 'must be titles separated by ";", none of them empty').describe('documents released, titles in 《》, separated by ";"'),
  targets: idList.describe('ids of figures with status target or plan that the event set'),
  summary_zh: nonEmpty.describe('what happened, in Chinese'),
  summary_en: nonEmpty.describe('what happened, in English'),
});

export const derivedSchema = z.object({
  id,
  indicator: indicatorRef,
  value: plainDecimal.describe('the computed number, rounded to `decimals` places'),
  unit: unitRef,
  decimals: cell()
    .regex(/^\d$/u, 'must be the number of decimals the value is rounded to')
    .meta(tableSchemaType({ type: 'integer', constraints: { required: true, minimum: 0, maximum: 9 } }))
    .describe('number of decimals the computed value is rounded to'),
  period_start: periodStart,
  period_end: periodEnd,
  geo: geoRef,
  status: statusField,
  breakdown: breakdownList.describe('the part of a whole the computed figure is; empty for a total'),
  formula: nonEmpty.describe('arithmetic over figure ids in braces, e.g. {a} / {b} * 100'),
  note: nonEmpty.describe('what the computed figure means and why it is computed (English)'),
  note_zh: nonEmpty.describe('the same in Chinese, for the site'),
});

export const arithmeticSchema = z.object({
  id,
  formula: nonEmpty.describe('arithmetic over figure or derived ids in braces'),
  equals: slug.describe('id of the published figure the formula should reproduce'),
  expect: z.enum(ARITHMETIC_EXPECT).describe('holds: must agree within the rounding of the published value; discrepancy: the sources do not add up, explained in note'),
  note: nonEmpty.describe('what the arithmetic shows; for a discrepancy, what does not add up and how to read it'),
  note_zh: nonEmpty.describe('the same in Chinese, for the site'),
});

export const spliceSchema = z.object({
  source: slug.describe('id in sources.csv of the text the splice is removed from'),
  text: nonEmpty.describe('the spliced text exactly as in the raw file'),
  reason: nonEmpty.describe('why the fragment does not belong to the article'),
  reason_zh: nonEmpty.describe('the same in Chinese, for the site'),
});

export const mojibakeSchema = z.object({
  source: slug.describe('id in sources.csv of the text the span is repaired in'),
  span: nonEmpty.describe('the mojibake run exactly as in the raw file'),
  repaired: nonEmpty.describe('what replaces it: characters rebuilt from the bytes, and what could not be rebuilt kept inside ⟪…⟫'),
  note: nonEmpty.describe('how the repair was made, and what could not be rebuilt'),
  note_zh: nonEmpty.describe('the same in Chinese, for the site'),
});

export const promiseSchema = z.object({
  id,
  target: slug.describe('id in figures.csv (or derived.csv) of a figure with status target or plan: what was promised'),
  kind: z
    .enum(PROMISE_KINDS)
    .describe('outcome: a number a later published figure could meet (counted as a target); list: a list of projects, buildings or tasks and its size or total; structure: how the drive is divided (six strands, four battles); method: how the work is done or whom it courts'),
  event: cell().describe('id in events.csv of the conference, meeting or report that set it; empty when no event in the data set it (the source then says where)'),
  outcome: cell().describe('id in figures.csv or derived.csv of the figure later reported for it (status actual); empty when none was found. With verdict not-reported it may be an interim figure for a period that ends before the target\'s'),
  verdict: z
    .enum(VERDICTS)
    .describe('met / not-met: the outcome measures what the target measures and the numbers decide it; not-reported: no later figure for the whole period; not-comparable: the figure reported later counts something else (signed, not landed; all projects, not one chain)'),
  reason: optionalText.describe('why, in one line (English); required unless the outcome is the same series (indicator, place, breakdown, period, unit) and the numbers decide the verdict'),
  reason_zh: optionalText.describe('the same line in Chinese, for the site; present exactly when reason is'),
});

export type Source = z.infer<typeof sourceSchema>;
export type Unit = z.infer<typeof unitSchema>;
export type Place = z.infer<typeof placeSchema>;
export type Breakdown = z.infer<typeof breakdownSchema>;
export type Indicator = z.infer<typeof indicatorSchema>;
export type Figure = z.infer<typeof figureSchema>;
export type Event = z.infer<typeof eventSchema>;
export type Derived = z.infer<typeof derivedSchema>;
export type Arithmetic = z.infer<typeof arithmeticSchema>;
export type Splice = z.infer<typeof spliceSchema>;
export type Mojibake = z.infer<typeof mojibakeSchema>;
export type PromiseRow = z.infer<typeof promiseSchema>;
export type Verdict = (typeof VERDICTS)[number];
export type PromiseKind = (typeof PROMISE_KINDS)[number];

/* The tables that record judgements about the figures: the corrections log (every change to a
 * released figure) and the series continuity decisions (what the site shows where a series does
 * not join across sources). */
export const SEMVER = /^\d+\.\d+\.\d+$/u;

/** What a corrections row says changed. `removed` and `added` are whole rows. */
export const CORRECTION_FIELDS = ['value', 'qualifier', 'period_start', 'period_end', 'quote', 'unit', 'indicator', 'geo', 'status', 'breakdown', 'source', 'removed', 'added'] as const;

export const correctionSchema = z.object({
  date: isoDate.describe('day the change was made (ISO date)'),
  version: cell().regex(SEMVER, 'must be a version number such as 1.1.0').describe('version of the dataset that first carries the change; later than the release it changes'),
  figure: slug.describe('id of the figure (figures.csv) or computed figure (derived.csv) that changed; for a removed row, the id it had'),
  field: z
    .enum(CORRECTION_FIELDS)
    .describe('what changed: a column of the figure (value, qualifier, period_start, period_end, quote, …), or removed / added for a whole row'),
  old: optionalText.describe('the value or text as released before the change; empty for an added row'),
  new: optionalText.describe('the value or text after the change; empty for a removed row'),
  reason: nonEmpty.describe('why the figure was changed (English)'),
  reason_zh: nonEmpty.describe('the same in Chinese, for the site'),
});

export const continuitySchema = z.object({
  id: slug.describe('identifier of the finding; also its anchor on /reconciliation/ (#id)'),
  indicator: slug.describe('id in indicators.csv of the series that does not join'),
  geo: slug.describe('id in places.csv of the place of the series'),
  figures: idList
    .refine((ids) => ids.length > 0, 'must name the figures that do not join')
    .describe('ids of the published or computed figures whose growth rates and totals do not fit each other, separated by ";"; every break the check finds among them must be listed here'),
  shown: optionalSlug.describe('id of the figure the site shows for the disputed period (for example the 2022 base), or empty when it shows none of them; the reason is in note'),
  note: nonEmpty.describe('what does not join, and why the site shows what it shows (English)'),
  note_zh: nonEmpty.describe('the same in Chinese, for the site'),
});

/* The glossary of the Chinese policy terms the site keeps: for each, an English rendering, what
 * the sources say of it (with a quote the check finds in the clean text), what they leave
 * undefined, and renderings that would narrow or widen it. Shown at /glossary/ and /en/glossary/. */
export const DEFINED = ['yes', 'partly', 'no'] as const;

const PINYIN = /^[a-zāáǎàēéěèīíǐìōóǒòūúǔùüǖǘǚǜ' -]+$/u;
const textList = list(/^(|[^;]+(?:;[^;]+)*)$/u, 'must be items separated by ";", none of them empty');

export const glossarySchema = z.object({
  id: slug.describe('identifier of the term: a lower-case English slug, unique in the table; also its anchor on /glossary/ (#id)'),
  term_zh: nonEmpty.describe('the term in Chinese (simplified), as the sources print it'),
  variants_zh: textList.describe('other forms of the term in the sources (链主企业 for 链主), separated by ";"; empty when none'),
  pinyin: cell()
    .refine((s) => PINYIN.test(s), 'must be Hanyu Pinyin in lower case with tone marks (a–z, ā á ǎ à …, spaces, hyphens, apostrophes)')
    .describe('the term in Hanyu Pinyin with tone marks, words joined as in a dictionary'),
  term_en: nonEmpty.describe('the English rendering the site uses'),
  defined: z
    .enum(DEFINED)
    .describe('whether the sources define the term: yes (a source states what it means); partly (they say what it covers or give an example, not enough to count with); no (they only use it)'),
  said_en: nonEmpty.describe('what the sources say of the term, in English, without going beyond them'),
  said_zh: nonEmpty.describe('the same in Chinese, for the site'),
  undefined_en: optionalText.describe('what the sources leave undefined, in English ("The sources do not define …"); required unless defined is yes'),
  undefined_zh: optionalText.describe('the same in Chinese, for the site; present exactly when undefined_en is'),
  avoid_en: textList.describe('English renderings not to use, separated by ";"; empty when none'),
  avoid_why_en: optionalText.describe('why those renderings narrow or widen the term (English); present exactly when avoid_en is'),
  avoid_why_zh: optionalText.describe('the same in Chinese, for the site; present exactly when avoid_en is'),
  sources: list(SLUG_LIST, 'must be slugs separated by ";"')
    .refine((s) => s.length > 0, 'must name at least one source')
    .describe('ids in sources.csv of sources that use the term (or one of its variants), separated by ";"; the quote is from the first'),
  quote: nonEmpty.describe('exact fragment of the clean text of the first source that uses the term'),
  quote_en: nonEmpty.describe("the quote in English: this project's gloss, not a published translation"),
  see_also: idList.describe('ids of related terms in this table, separated by ";"'),
  indicators: idList.describe('ids in indicators.csv of series that count by this term (each has figures, so a page), separated by ";"'),
});

export type GlossaryTerm = z.infer<typeof glossarySchema>;

export type Correction = z.infer<typeof correctionSchema>;
export type Continuity = z.infer<typeof continuitySchema>;


/** Every table: file name in data/, its schema, and what one row is. */
export const TABLES = {
  sources: { file: 'sources.csv', schema: sourceSchema, title: 'Sources: one row per article or passage' },
  units: { file: 'units.csv', schema: unitSchema, title: 'Units: the closed list of units a value may have' },
  places: { file: 'places.csv', schema: placeSchema, title: 'Places: the city, its districts and zones' },
  breakdowns: { file: 'breakdowns.csv', schema: breakdownSchema, title: 'Breakdowns: the parts of a whole a figure can be' },
  indicators: { file: 'indicators.csv', schema: indicatorSchema, title: 'Indicators: what each series measures' },
  figures: { file: 'figures.csv', schema: figureSchema, title: 'Figures: one row per published figure' },
  events: { file: 'events.csv', schema: eventSchema, title: 'Events: conferences, reports and dated milestones' },
  derived: { file: 'derived.csv', schema: derivedSchema, title: 'Derived figures: computed by this project, with formula' },
  arithmetic: { file: 'arithmetic.csv', schema: arithmeticSchema, title: 'Arithmetic the articles imply, and where it fails' },
  promises: { file: 'promises.csv', schema: promiseSchema, title: 'Promise ledger: each target or plan, the figure later reported for it and the verdict' },
  splices: { file: 'normalization/splices.csv', schema: spliceSchema, title: 'Sentences spliced in from elsewhere, removed by normalisation' },
  mojibake: { file: 'normalization/mojibake.csv', schema: mojibakeSchema, title: 'Mojibake spans repaired by normalisation' },
  continuity: { file: 'continuity.csv', schema: continuitySchema, title: 'Series that do not join across sources, and what the site shows' },
  corrections: { file: 'corrections.csv', schema: correctionSchema, title: 'Corrections: every change to a released figure' },
  glossary: { file: 'glossary.csv', schema: glossarySchema, title: 'Glossary: the Chinese policy terms the site keeps, what the sources say of them and what they leave undefined' },
} as const;

export type TableName = keyof typeof TABLES;
