/**
 * What a reader of one edition reads that is not in its language: Chinese characters and
 * Chinese (full-width) punctuation on an English page outside an element marked lang="zh".
 * Text is what a reader sees or hears: text nodes (SVG <text> included) and the attributes a
 * screen reader or a browser shows (aria-label, aria-description, title, alt, placeholder),
 * plus the page's <title> and description. Shared by the English-edition test (test/site/pages/english-edition.test.ts).
 */
import { parseHTML } from 'linkedom';

/** Han characters, and the CJK and full-width punctuation that belongs with them. */
export const CHINESE_TEXT = /[\p{Script=Han}\u3000-\u303f\uff01-\uff0f\uff1a-\uff20\uff3b-\uff40\uff5b-\uff65]/u;

const READ_ATTRIBUTES = ['aria-label', 'aria-description', 'aria-roledescription', 'title', 'alt', 'placeholder'] as const;
const SKIP = new Set(['script', 'style', 'noscript']);

export interface ForeignText {
  /** where it is: a short path of tags, ids and classes */
  where: string;
  /** the offending text, around its first Chinese character */
  text: string;
}

type Doc = ReturnType<typeof parseHTML>['document'];
type Node = Doc['body'];

function label(el: Node): string {
  const id = el.getAttribute('id');
  const cls = (el.getAttribute('class') ?? '').split(/\s+/u).filter(Boolean)[0];
  return `${el.tagName.toLowerCase()}${id ? `#${id}` : cls ? `.${cls}` : ''}`;
}

function pathOf(el: Node): string {
  const parts: string[] = [];
  for (let n: Node | null = el; n && n.tagName && n.tagName.toLowerCase() !== 'html'; n = n.parentElement as Node | null) {
    parts.unshift(label(n));
    if (parts.length >= 4) break;
  }
  return parts.join(' > ');
}

function around(text: string): string {
  const clean = text.replace(/\s+/gu, ' ').trim();
  const i = clean.search(CHINESE_TEXT);
  return clean.slice(Math.max(0, i - 30), i + 40);
}

/** The language an element is in: its own lang attribute or its nearest ancestor's. */
function langOf(el: Node | null): string {
  for (let n = el; n; n = n.parentElement as Node | null) {
    const l = n.getAttribute?.('lang');
    if (l !== null && l !== undefined) return l.toLowerCase();
  }
  return '';
}

/** Every piece of text on an English page that is Chinese and not marked as such. */
export function chineseOutsideZh(html: string | Document): ForeignText[] {
  // a page already parsed (scripts/lib/built-site.ts) is read as it is
  const document = typeof html === 'string' ? parseHTML(html).document : html;
  const found: ForeignText[] = [];
  const check = (el: Node, text: string, what: string) => {
    if (CHINESE_TEXT.test(text) && !langOf(el).startsWith('zh')) found.push({ where: `${pathOf(el)}${what}`, text: around(text) });
  };
  const title = document.querySelector('title');
  if (title) check(title as unknown as Node, title.textContent ?? '', '');
  for (const meta of document.querySelectorAll('meta[name="description"], meta[property^="og:"], meta[name^="twitter:"]')) {
    check(meta as unknown as Node, meta.getAttribute('content') ?? '', ` [content]`);
  }
  const walk = (el: Node) => {
    const tag = el.tagName.toLowerCase();
    if (SKIP.has(tag)) return;
    for (const a of READ_ATTRIBUTES) {
      const v = el.getAttribute(a);
      if (v) check(el, v, ` [${a}]`);
    }
    // a <template>'s content is shown when a script clones it
    const kids =
      tag === 'template' ? [...((el as unknown as { content: { childNodes: Node[] } }).content?.childNodes ?? [])] : [...el.childNodes];
    for (const c of kids as unknown as Node[]) {
      if (c.nodeType === 3) check(el, c.textContent ?? '', '');
      else if (c.nodeType === 1) walk(c);
    }
  };
  walk(document.body as unknown as Node);
  return found;
}
