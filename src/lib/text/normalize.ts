/**
 * Raw article text (as received from the web) → clean text in simplified characters.
 *
 * Every change is recorded in the returned log, so the source viewer can show what
 * was removed or repaired and nothing disappears silently. The rules run in a fixed
 * order because later rules depend on earlier ones: spliced sentences are listed in
 * raw text, mojibake is repaired before pinyin is stripped (the repair exposes the
 * characters the pinyin belongs to), and script conversion runs last on clean text.
 */
import { Converter } from 'opencc-js';
import iconv from 'iconv-lite';

export type RuleId = 'splice' | 'mojibake' | 'pinyin' | 'placeholder-box' | 'stray-symbol' | 'traditional';

export interface NormalizationChange {
  rule: RuleId;
  /** the text as received */
  before: string;
  /** what replaced it in the clean text ('' for a removal) */
  after: string;
  /** why, in words a reader of the source viewer understands */
  reason: string;
  /** the same in Chinese, where the reason comes from the rule files in data/normalization/ */
  reasonZh?: string;
}

export interface SpliceRule {
  /** the spliced text exactly as it stands in the raw file */
  text: string;
  reason: string;
  reasonZh?: string;
}

export interface MojibakeRule {
  /** a run of mojibake exactly as it stands in the raw file */
  span: string;
  /** its replacement: rebuilt characters, and what could not be rebuilt kept inside ⟪…⟫ */
  repaired: string;
  note: string;
  noteZh?: string;
}

export interface NormalizeOptions {
  splices?: readonly SpliceRule[];
  mojibake?: readonly MojibakeRule[];
}

export interface NormalizeResult {
  text: string;
  changes: NormalizationChange[];
}

/** Placeholder boxes stand in for characters a publishing system lost; they carry no text. */
export const PLACEHOLDER_BOX = '□';
/** Symbols injected by copy-protection or aggregator sites into otherwise plain text. */
export const STRAY_SYMBOLS = ['㊣', '✅'] as const;
/** Marks a span of mojibake whose bytes did not allow a repair; the span itself is kept. */
export const UNREPAIRED_OPEN = '⟪';
export const UNREPAIRED_CLOSE = '⟫';

/** Traditional → simplified (OpenCC), shared with the site's own Chinese text (zh-text.ts). */
export const toSimplified = Converter({ from: 't', to: 'cn' });

/**
 * Pinyin in ASCII parentheses directly after a Han character (or after an unrepaired
 * mojibake span that stood for one): `設(shè)立` → `設立`. Only lower-case letters
 * with at least one tone mark count, so `(2.0版)`, `(RCEP)` and `(下同)` are untouched.
 */
const PINYIN_SYLLABLE = '[a-zü]*[āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜ][a-zü]*';
const PINYIN = new RegExp(`(?<=[\\p{Script=Han}${UNREPAIRED_CLOSE}])\\((${PINYIN_SYLLABLE})\\)`, 'gu');
/** `?(gòu)` or `?gòu)`: the character was lost in encoding, its pinyin was not (sometimes with its opening parenthesis). */
const LOST_WITH_PINYIN = new RegExp(`\\?\\(?${PINYIN_SYLLABLE}\\)`, 'gu');

export class NormalizeError extends Error {}

export function normalize(raw: string, options: NormalizeOptions = {}): NormalizeResult {
  const changes: NormalizationChange[] = [];
  let text = raw;

  for (const splice of options.splices ?? []) {
    const count = text.split(splice.text).length - 1;
    if (count !== 1) {
      throw new NormalizeError(`spliced text ${JSON.stringify(splice.text)} occurs ${count} times, expected exactly once`);
    }
    text = text.replace(splice.text, '');
    changes.push({
      rule: 'splice',
      before: splice.text,
      after: '',
      reason: splice.reason,
      ...(splice.reasonZh ? { reasonZh: splice.reasonZh } : {}),
    });
  }

  for (const rule of options.mojibake ?? []) {
    const count = text.split(rule.span).length - 1;
    if (count !== 1) {
      throw new NormalizeError(`mojibake span ${JSON.stringify(rule.span)} occurs ${count} times, expected exactly once`);
    }
    text = text.replace(rule.span, rule.repaired);
    changes.push({
      rule: 'mojibake',
      before: rule.span,
      after: rule.repaired,
      reason: rule.note,
      ...(rule.noteZh ? { reasonZh: rule.noteZh } : {}),
    });
  }

  text = outsideMarks(text, (part) =>
    part.replace(LOST_WITH_PINYIN, (match) => {
      const kept = mark(match);
      changes.push({
        rule: 'mojibake',
        before: match,
        after: kept,
        reason: 'character lost in encoding (shown as ?); only its pinyin survives, so both are kept and marked',
      });
      return kept;
    }),
  );

  text = text.replace(PINYIN, (match) => {
    changes.push({ rule: 'pinyin', before: match, after: '', reason: 'pinyin annotation after a character' });
    return '';
  });

  text = removeAll(text, PLACEHOLDER_BOX, 'placeholder-box', 'placeholder box standing for characters the publishing system lost', changes);
  for (const symbol of STRAY_SYMBOLS) {
    text = removeAll(text, symbol, 'stray-symbol', 'symbol inserted into the text by a copying site', changes);
  }

  const simplified = toSimplified(text);
  recordConversions(text, simplified, changes);
  return { text: simplified, changes };
}

function removeAll(text: string, needle: string, rule: RuleId, reason: string, changes: NormalizationChange[]): string {
  // Runs of the needle are logged as one change each, so "□□□□" is one removal of four boxes.
  return text.replace(new RegExp(`${escapeRegExp(needle)}+`, 'gu'), (run) => {
    changes.push({ rule, before: run, after: '', reason });
    return '';
  });
}

function recordConversions(before: string, after: string, changes: NormalizationChange[]): void {
  // t→s conversion maps character to character in these texts; compare position by position
  // and log one change per distinct pair so the viewer can list them.
  const a = [...before];
  const b = [...after];
  if (a.length !== b.length) {
    throw new NormalizeError(
      `traditional→simplified conversion changed the text length (${a.length} → ${b.length}); the change log would be wrong`,
    );
  }
  const seen = new Map<string, number>();
  for (let i = 0; i < a.length; i++) {
    if (a[i] !== b[i]) {
      const key = `${a[i]}\u0000${b[i]}`;
      seen.set(key, (seen.get(key) ?? 0) + 1);
    }
  }
  for (const [key, count] of seen) {
    const [from = '', to = ''] = key.split('\u0000');
    changes.push({ rule: 'traditional', before: from, after: to, reason: `traditional character converted to simplified (${count}×)` });
  }
}

/**
 * Checks a recorded mojibake repair against the bytes. The texts were GBK-encoded and then
 * decoded starting one byte late, so re-encoding the shown characters gives the original
 * bytes shifted by one. A repair is supported when every character it claims to rebuild
 * (everything outside ⟪…⟫) encodes to bytes found, in order, in the span's bytes. The page
 * also turned full-width commas into ASCII ones, so an ASCII comma in a span is read as the
 * full-width comma it was. Returns the rebuilt runs that the bytes do not support.
 */
export function unsupportedRepairs(span: string, repaired: string): string[] {
  const spanBytes = iconv.encode(span.replaceAll(',', '，'), 'gbk');
  const rebuilt = repaired.split(new RegExp(`${UNREPAIRED_OPEN}[^${UNREPAIRED_CLOSE}]*${UNREPAIRED_CLOSE}`, 'u')).filter((r) => r !== '');
  const bad: string[] = [];
  let from = 0;
  for (const run of rebuilt) {
    const at = spanBytes.indexOf(iconv.encode(run, 'gbk'), from);
    if (at < 0) bad.push(run);
    else from = at + 1;
  }
  return bad;
}

const MARKED = new RegExp(`(${UNREPAIRED_OPEN}[^${UNREPAIRED_CLOSE}]*${UNREPAIRED_CLOSE})`, 'u');

/** Applies fn to the text outside ⟪…⟫ marks, so a kept span is never rewritten. */
function outsideMarks(text: string, fn: (part: string) => string): string {
  return text
    .split(MARKED)
    .map((part) => (part.startsWith(UNREPAIRED_OPEN) ? part : fn(part)))
    .join('');
}

function mark(s: string): string {
  return `${UNREPAIRED_OPEN}${s}${UNREPAIRED_CLOSE}`;
}

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/gu, '\\$&');
}
