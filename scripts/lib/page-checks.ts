/**
 * What the browser tests look for on a page, each returning readable problem lines so a
 * failure names the page, the request, the rule or the element: network and console
 * trouble, content wider than the screen, table cells too narrow to read, and axe-core
 * accessibility violations.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Page, Request } from 'playwright-core';

export const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

export interface PageWatch {
  /** every URL the page requested */
  requests: string[];
  /** every problem recorded since the watch began */
  problems(): string[];
  /**
   * The problems recorded since the last take(), for a tab that loads one page after another
   * (browser-tabs.ts); anything recorded later counts on the next page. A request of a page the
   * tab has left, cut off by leaving it (net::ERR_ABORTED), is no problem of either page, as it
   * would not be had the tab been closed instead; any other late trouble counts on the next page.
   */
  take(): string[];
}

/**
 * Records from before navigation on: console errors, uncaught exceptions, requests that
 * failed or answered with an error status, and requests to any origin but `origin`.
 */
export function watchPage(page: Page, origin: string): PageWatch {
  const requests: string[] = [];
  const found: string[] = [];
  let taken = 0;
  // the page a request was made for, to tell a left page's cut-off requests from the current page's
  const withoutHash = (url: string) => url.replace(/#.*$/su, '');
  const documentOf = new WeakMap<Request, string>();
  let current = '';
  page.on('request', (req) => {
    const url = req.url();
    // the page's own request starts a new page; any other request is made for the page shown,
    // which until the new one arrives is still the old one
    const own = req.isNavigationRequest() && req.frame() === page.mainFrame();
    if (own) current = withoutHash(url);
    documentOf.set(req, own ? current : withoutHash(page.mainFrame().url()));
    requests.push(url);
    if (/^(data|blob|about):/u.test(url)) return;
    if (new URL(url).origin !== origin) found.push(`request to another host: ${req.method()} ${url}`);
  });
  page.on('requestfailed', (req) => {
    const error = req.failure()?.errorText ?? 'unknown error';
    if (error === 'net::ERR_ABORTED' && documentOf.get(req) !== current) return;
    found.push(`request failed: ${req.url()} (${error})`);
  });
  page.on('response', (res) => {
    if (res.status() >= 400) found.push(`HTTP ${res.status()} for ${res.url()}`);
  });
  page.on('console', (msg) => {
    if (msg.type() === 'error') {
      const where = msg.location();
      found.push(`console error: ${msg.text()}${where.url ? ` (${where.url}:${where.lineNumber})` : ''}`);
    }
  });
  page.on('pageerror', (err) => found.push(`uncaught exception: ${err.message}`));
  return {
    requests,
    problems: () => [...found],
    take: () => {
      const since = found.slice(taken);
      taken = found.length;
      return since;
    },
  };
}

/**
 * Makes every Content-Security-Policy violation on the page (and in its frames) a console
 * error that watchPage() records, naming the directive and what was blocked. Chromium logs
 * most violations itself, but not all (a policy in report-only mode, some blocked styles);
 * the `securitypolicyviolation` event fires for each. Call before navigating.
 */
export async function reportCspViolations(page: Page): Promise<void> {
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (e) => {
      const what = e.blockedURI || (e.sample ? `"${e.sample}"` : 'inline');
      console.error(`CSP violation: ${e.effectiveDirective} blocked ${what} at ${e.sourceFile || e.documentURI}:${e.lineNumber}`);
    });
  });
}

/**
 * When the document is wider than the viewport, names the elements responsible: those that
 * reach past the right edge while their parent does not, and that no scrolling or clipping
 * ancestor contains.
 */
export async function horizontalOverflow(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const doc = document.documentElement;
    const limit = doc.clientWidth;
    if (doc.scrollWidth <= limit) return [];
    const clipped = (el: Element) => {
      for (let a = el.parentElement; a && a !== document.body && a !== doc; a = a.parentElement) {
        if (getComputedStyle(a).overflowX !== 'visible') return true;
      }
      return false;
    };
    const sticksOut = (el: Element | null) => !!el && el.getBoundingClientRect().right > limit + 0.5;
    const describe = (el: Element) => {
      const r = el.getBoundingClientRect();
      const id = el.id ? `#${el.id}` : '';
      const cls = typeof el.className === 'string' && el.className.trim() ? `.${el.className.trim().split(/\s+/u).join('.')}` : '';
      const text = (el.textContent ?? '').replace(/\s+/gu, ' ').trim().slice(0, 40);
      return `<${el.tagName.toLowerCase()}${id}${cls}> spans x=${Math.round(r.left)}..${Math.round(r.right)}${text ? ` "${text}"` : ''}`;
    };
    const culprits = [...document.body.querySelectorAll('*')].filter(
      (el) => sticksOut(el) && el.getBoundingClientRect().width > 0 && !sticksOut(el.parentElement) && !clipped(el),
    );
    return [`document is ${doc.scrollWidth}px wide in a ${limit}px viewport`, ...culprits.slice(0, 8).map(describe)];
  });
}

/**
 * Words broken across lines, as when a column is squeezed narrower than a word: the site lets
 * words break anywhere rather than overflow a phone's screen, so a squeezed column shows as
 * "peo / ple", not as overflow. Counted: a Latin word of four or more letters on more than one
 * line, and two or more Chinese characters stacked one a line (Chinese may otherwise break
 * between any two). Not counted: hyphenated words, a word inside an address or file name
 * (example.com/a_b.html), and text a page hides visually (inside an element clipped to nothing,
 * such as a table head kept for screen readers). Run it with every <details> open.
 */
export async function brokenWords(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const hiddenByClip = (el: Element) => {
      for (let a: Element | null = el; a && a !== document.body; a = a.parentElement) {
        const style = getComputedStyle(a);
        if (style.clipPath !== 'none' || style.clip !== 'auto') return true;
      }
      return false;
    };
    /** the lines a run of text sits on, and the width of the box around all of it */
    const layoutOf = (node: Text, start: number, length: number) => {
      const range = document.createRange();
      range.setStart(node, start);
      range.setEnd(node, start + length);
      const lines = new Set([...range.getClientRects()].filter((r) => r.width > 0).map((r) => Math.round(r.top))).size;
      return { lines, width: range.getBoundingClientRect().width };
    };
    const out: string[] = [];
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode() as Text | null; n; n = walker.nextNode() as Text | null) {
      const el = n.parentElement;
      const text = n.data;
      if (!el || el.closest('svg, script, style, code, [hidden]')) continue;
      const where = () => `<${el.tagName.toLowerCase()}>, ${Math.round(el.getBoundingClientRect().width)} px wide`;
      for (const m of text.matchAll(/\p{Script=Latin}{4,}/gu)) {
        if (text[m.index + m[0].length] === '-' || text[m.index - 1] === '-') continue;
        // the run of non-space text the word is in, without closing punctuation
        const token = (/\S*$/u.exec(text.slice(0, m.index))?.[0] ?? '') + (/^\S*/u.exec(text.slice(m.index))?.[0] ?? '');
        if (/[/._@:=?&#]/u.test(token.replace(/[.,;:)\]）。，]+$/u, ''))) continue;
        const { lines } = layoutOf(n, m.index, m[0].length);
        if (lines > 1 && !hiddenByClip(el)) out.push(`"${m[0]}" breaks across ${lines} lines in ${where()}`);
      }
      // a stack: one line per character, the whole no wider than one character (two characters
      // on two lines at the end and start of lines are an ordinary line break, and wide)
      const em = parseFloat(getComputedStyle(el).fontSize);
      for (const m of text.matchAll(/\p{Script=Han}{2,}/gu)) {
        const { lines, width } = layoutOf(n, m.index, m[0].length);
        if (lines >= m[0].length && width < 1.5 * em && !hiddenByClip(el)) out.push(`"${m[0]}" stands one character a line in ${where()}`);
      }
    }
    return out;
  });
}

/**
 * Tables a phone can read: every visible table cell's content box is at least two characters
 * of its own font wide (a CJK character is 1em). Unfolds every <details> first, so run it last
 * on a page. `cells` counts the cells measured, so a caller can tell "none narrow" from "none seen".
 */
export async function narrowTableCells(page: Page): Promise<{ cells: number; narrow: string[] }> {
  return page.evaluate(() => {
    for (const d of document.querySelectorAll('details')) d.open = true;
    const narrow: string[] = [];
    let cells = 0;
    for (const cell of document.querySelectorAll<HTMLElement>('td, th')) {
      const r = cell.getBoundingClientRect();
      if (r.width === 0 && r.height === 0) continue; // hidden (a filtered row, a visually hidden header)
      if (cell.closest('[hidden], .visually-hidden')) continue;
      // a header row hidden the accessible way (1 px, clipped) when the table is shown as cards
      // (a loop, not a recursive helper: tsx would wrap a named helper in a function the page lacks)
      let clipped = false;
      for (let el: Element | null = cell; el && !clipped; el = el.parentElement) clipped = getComputedStyle(el).clipPath !== 'none';
      if (clipped) continue;
      cells++;
      const s = getComputedStyle(cell);
      const content = cell.clientWidth - parseFloat(s.paddingLeft) - parseFloat(s.paddingRight);
      const two = 2 * parseFloat(s.fontSize);
      if (content + 0.5 < two)
        narrow.push(
          `${cell.tagName.toLowerCase()} "${(cell.textContent ?? '').trim().slice(0, 20)}" is ${Math.round(content)}px, two characters are ${Math.round(two)}px`,
        );
    }
    return { cells, narrow };
  });
}

interface AxeResult {
  violations: { id: string; impact: string | null; help: string; nodes: { target: unknown[]; failureSummary?: string }[] }[];
}

/**
 * The axe rules whose outcome depends on the colours: text against its background, and links
 * told from the text around them. A second colour scheme changes nothing else axe looks at (the
 * markup, names, roles and sizes are the same), so it is audited with these alone.
 */
export const COLOUR_RULES = ['color-contrast', 'link-in-text-block'] as const;

/**
 * axe-core's WCAG 2.0–2.2 A/AA rules on the page as it is now displayed, or only the rules
 * named (each of which must be one of those).
 */
export async function axeViolations(page: Page, onlyRules?: readonly string[]): Promise<string[]> {
  // evaluated by the debugger, not added as a <script>: the page's Content-Security-Policy
  // blocks inline scripts, as it should, and the audit must not need a hole in it
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(axeSource);
  const result = (await page.evaluate(
    ({ tags, rules }) => {
      const axe = (
        window as unknown as { axe: { run(ctx: Document, o: object): Promise<unknown>; getRules(tags: string[]): { ruleId: string }[] } }
      ).axe;
      if (rules) {
        const known = new Set(axe.getRules(tags).map((r) => r.ruleId));
        const unknown = rules.filter((r) => !known.has(r));
        if (unknown.length > 0) throw new Error(`axe: no rule ${unknown.join(', ')} among the WCAG A/AA rules`);
      }
      return axe.run(document, {
        runOnly: rules ? { type: 'rule', values: rules } : { type: 'tag', values: tags },
        resultTypes: ['violations'],
      });
    },
    { tags: AXE_TAGS, rules: onlyRules ? [...onlyRules] : undefined },
  )) as AxeResult;
  return result.violations.flatMap((v) =>
    v.nodes
      .slice(0, 5)
      .map(
        (n) =>
          `${v.id} (${v.impact ?? 'n/a'}): ${v.help} — ${JSON.stringify(n.target)}${n.failureSummary ? ` — ${n.failureSummary.replace(/\s+/gu, ' ').slice(0, 200)}` : ''}`,
      )
      .concat(v.nodes.length > 5 ? [`${v.id}: … and ${v.nodes.length - 5} more elements`] : []),
  );
}

/**
 * Asks for every picture the page would load lazily, and waits until each has loaded or failed:
 * a missing picture is then a failed request of this page, wherever it stands on it, and not
 * one that arrives while the next page is checked, or never (a browser asks for a lazy picture
 * only when a frame finds it near the screen).
 */
export async function loadLazyPictures(page: Page): Promise<void> {
  await page.evaluate(async () => {
    const lazy = [...document.querySelectorAll<HTMLImageElement>('img[loading="lazy"]')];
    const waits = lazy.map((img) => {
      img.loading = 'eager';
      return img.complete
        ? undefined
        : new Promise((ok) => {
            img.addEventListener('load', ok, { once: true });
            img.addEventListener('error', ok, { once: true });
          });
    });
    await Promise.all(waits);
  });
}

/**
 * Everything the crawl (test/browser/crawl.ts) checks on one page, loaded in a tab of
 * browser-tabs.ts at `url`, then given one frame and its lazy pictures: the page answers 200,
 * fits the screen, passes axe (when `axe`) in the light scheme and with the colour rules in the
 * dark, has no table cell narrower than two characters and no word broken across lines (with
 * every <details> open: last), and the tab's watch saw no console error, failed request or
 * request to another host. `prepare`, when given, runs once the page has loaded and before the
 * checks (the failing demonstrations of test/browser/crawl-checks-fail.test.ts break a page
 * with it).
 */
export async function crawlProblems(
  tab: { page: Page; watch: PageWatch; drawFrame(): Promise<void> },
  url: string,
  options: { axe: boolean; prepare?: (page: Page) => Promise<void> },
): Promise<string[]> {
  const { page, watch } = tab;
  const found: string[] = [];
  const response = await page.goto(url, { waitUntil: 'load' });
  if (response?.status() !== 200) found.push(`HTTP ${response?.status()} for the page itself`);
  await tab.drawFrame();
  await loadLazyPictures(page);
  await options.prepare?.(page);
  found.push(...(await horizontalOverflow(page)).map((p) => `overflow at 360 px: ${p}`));
  if (options.axe) {
    found.push(...(await axeViolations(page)).map((v) => `axe, light: ${v}`));
    await page.emulateMedia({ colorScheme: 'dark' });
    found.push(...(await axeViolations(page, COLOUR_RULES)).map((v) => `axe, dark: ${v}`));
    await page.emulateMedia({ colorScheme: 'light' });
  }
  const tables = await narrowTableCells(page);
  found.push(...tables.narrow.slice(0, 10).map((n) => `table cell too narrow at 360 px: ${n}`));
  if (tables.narrow.length > 10) found.push(`… and ${tables.narrow.length - 10} more narrow table cells`);
  const broken = await brokenWords(page);
  found.push(...broken.slice(0, 10).map((b) => `word broken at 360 px: ${b}`));
  if (broken.length > 10) found.push(`… and ${broken.length - 10} more broken words`);
  return [...found, ...watch.take()];
}
