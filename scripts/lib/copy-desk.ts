/**
 * The Chinese copy desk: what a reader of a Chinese page must not meet in the site's own
 * sentences. Outside elements marked as another language (lang="en"), quotations (<q>,
 * <blockquote>), cited titles (<cite>) and code (<code>, identifiers and file names shown as
 * such), it refuses:
 * - English unit names (billion, trillion, yuan, US dollars, per cent …) and 十亿元/十亿美元:
 *   Chinese counts money in 亿 and 万亿;
 * - a publisher named only in Latin letters where it has a Chinese name (China Daily for 中国日报);
 * - half-width punctuation beside Chinese characters (a source title as published may stay in
 *   a <select> option);
 * - words about the build or the data files (无法生成, 构建时, README, figures.csv, exact, at-least …);
 * - a title in 《》 outside <cite>;
 * - a run of English words not marked lang="en".
 * Text is what a reader sees or hears: text nodes (SVG <text> included), aria-label, alt and
 * placeholder, the page's <title> and description. A chart's tooltip may keep the value as
 * published, so title and data-tip attributes are not read.
 *
 * An English page has its own desk (scripts/lib/edition-text.ts): no Chinese outside an element
 * marked lang="zh". copyDeskFaults runs the desk of the page's edition.
 */
import { parseHTML } from 'linkedom';
import { chineseOutsideZh } from './edition-text.ts';

export type CopyRule =
  | 'english-unit'
  | 'shi-yi'
  | 'latin-publisher'
  | 'half-width'
  | 'build-words'
  | 'title-outside-cite'
  | 'unmarked-english'
  /** the English desk's one rule */
  | 'chinese-outside-zh';

export interface CopyFault {
  rule: CopyRule;
  /** where it is: a short path of tags, ids and classes */
  where: string;
  /** the offending text, around the fault */
  text: string;
}

export interface CopyDeskOptions {
  /** Latin names of publishers that have a Chinese name (China Daily), from the sources table */
  latinPublishers: readonly string[];
}

const ENGLISH_UNIT = /\b(?:billion|trillion|million|thousand|yuan|(?:US )?dollars?|per ?cent|percentage points?)\b/iu;
const SHI_YI = /十亿(?:元|美元)/u;
const HALF_WIDTH = /[\p{Script=Han}“”][,;:!?()]|[,;:!?(][\p{Script=Han}“”]|\)[\p{Script=Han}]/u;
const BUILD_WORDS =
  /无法生成|生成失败|构建失败|本站构建|构建时|生成网站|README|\b[\w-]+\.(?:csv|json|md|ts)\b|\b(?:exact|at-least|more-than|less-than|approximate)\b/u;
const BOOK_TITLE = /《[^》]*》/u;
/** three or more English words in a row (a hyphenated token such as allow-same-origin is one word) */
const ENGLISH_RUN = /\b[A-Za-z][a-z’']+(?:-[a-z]+)*(?: [A-Za-z][a-z’']+(?:-[a-z]+)*){2,}\b/u;

/** Elements whose text is not the site's own Chinese sentence. */
const QUOTED = new Set(['q', 'blockquote', 'cite', 'code', 'kbd', 'samp', 'pre', 'textarea']);
const SKIP = new Set(['script', 'style', 'noscript', 'template']);
const READ_ATTRIBUTES = ['aria-label', 'alt', 'placeholder'] as const;

type Doc = ReturnType<typeof parseHTML>['document'];
type El = Doc['body'];

function label(el: El): string {
  const id = el.getAttribute('id');
  const cls = (el.getAttribute('class') ?? '').split(/\s+/u).filter(Boolean)[0];
  return `${el.tagName.toLowerCase()}${id ? `#${id}` : cls ? `.${cls}` : ''}`;
}

function pathOf(el: El): string {
  const parts: string[] = [];
  for (let n: El | null = el; n && n.tagName && n.tagName.toLowerCase() !== 'html'; n = n.parentElement as El | null) {
    parts.unshift(label(n));
    if (parts.length >= 4) break;
  }
  return parts.join(' > ');
}

function around(text: string, re: RegExp): string {
  const clean = text.replace(/\s+/gu, ' ').trim();
  const i = Math.max(0, clean.search(re));
  return clean.slice(Math.max(0, i - 20), i + 30);
}

/** The faults of one piece of the site's own Chinese text. */
export function textFaults(
  text: string,
  opts: CopyDeskOptions & { inOption?: boolean; attribute?: boolean },
): { rule: CopyRule; re: RegExp }[] {
  const found: { rule: CopyRule; re: RegExp }[] = [];
  // a title in 《》 is the source's own, kept as published: its punctuation is not the site's;
  // nor is an address
  const own = text.replace(/《[^》]*》/gu, '《》').replace(/\bhttps?:\/\/\S+/gu, ' ');
  const test = (rule: CopyRule, re: RegExp, what = text) => {
    if (re.test(what)) found.push({ rule, re });
  };
  test('english-unit', ENGLISH_UNIT);
  test('shi-yi', SHI_YI);
  for (const name of opts.latinPublishers) {
    const re = new RegExp(`\\b${name.replace(/[.*+?^${}()|[\]\\]/gu, '\\$&')}\\b`, 'u');
    if (re.test(own)) {
      found.push({ rule: 'latin-publisher', re });
      break;
    }
  }
  if (!opts.inOption) test('half-width', HALF_WIDTH, own);
  test('build-words', BUILD_WORDS, own);
  // an attribute cannot hold <cite>: there the 《》 marks the title
  if (!opts.inOption && !opts.attribute) test('title-outside-cite', BOOK_TITLE);
  test('unmarked-english', ENGLISH_RUN, own);
  return found;
}

/** Every fault on a Chinese page (its HTML, or the page already parsed, which is only read). */
export function chineseCopyFaults(html: string | Doc, opts: CopyDeskOptions): CopyFault[] {
  const document = typeof html === 'string' ? parseHTML(html).document : html;
  const faults: CopyFault[] = [];
  const check = (el: El, text: string, what: string, inOption = false, attribute = false) => {
    for (const f of textFaults(text, { ...opts, inOption, attribute }))
      faults.push({ rule: f.rule, where: `${pathOf(el)}${what}`, text: around(text, f.re) });
  };
  const title = document.querySelector('title');
  if (title) check(title as unknown as El, title.textContent ?? '', '', false, true);
  const description = document.querySelector('meta[name="description"]');
  if (description) check(description as unknown as El, description.getAttribute('content') ?? '', ' [content]', false, true);

  const walk = (el: El, inOption: boolean) => {
    const tag = el.tagName.toLowerCase();
    if (SKIP.has(tag) || QUOTED.has(tag)) return;
    const lang = el.getAttribute('lang');
    // marked as another language: not the Chinese desk's text
    if (lang !== null && !lang.toLowerCase().startsWith('zh')) return;
    const option = inOption || tag === 'option';
    for (const a of READ_ATTRIBUTES) {
      const v = el.getAttribute(a);
      if (v) check(el, v, ` [${a}]`, option, true);
    }
    // an SVG <title> is a mark's tooltip: like an attribute, it cannot hold <cite>
    const tooltip = tag === 'title';
    for (const c of [...el.childNodes] as unknown as El[]) {
      if (c.nodeType === 3) check(el, c.textContent ?? '', '', option, tooltip);
      else if (c.nodeType === 1) walk(c, option);
    }
  };
  walk(document.body as unknown as El, false);
  return faults;
}

/** Every fault on a page of either edition, by the desk of the page's language (<html lang>). */
export function copyDeskFaults(html: string | Doc, opts: CopyDeskOptions): CopyFault[] {
  const document = typeof html === 'string' ? parseHTML(html).document : html;
  const lang = (document.documentElement.getAttribute('lang') ?? '').toLowerCase();
  if (lang.startsWith('zh')) return chineseCopyFaults(document, opts);
  if (lang.startsWith('en')) return chineseOutsideZh(document as unknown as Document).map((f) => ({ rule: 'chinese-outside-zh', ...f }));
  throw new Error(`copy desk: a page without a language the desk reads (<html lang="${lang}">)`);
}
