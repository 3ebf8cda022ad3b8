/**
 * The crawl's accessibility audit (scripts/lib/page-checks.ts) can fail: in the dark colour
 * scheme it runs only the rules that read colours, so this shows those rules still catch text
 * that is readable in the light and not in the dark, and that a rule name axe does not know is
 * an error rather than an audit of nothing; and the check for words squeezed onto several lines
 * finds the one a squeezed column breaks, not those a page hides or that break at a hyphen.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { closeContexts, workerChromium } from './worker-chromium.ts';
import { axeViolations, brokenWords, COLOUR_RULES } from '../../scripts/lib/page-checks.ts';

// dark grey text: plain on white, nearly invisible once the dark scheme turns the page near-black
const PAGE = `<!doctype html><html lang="en"><head><title>contrast</title>
<style>
  body { background: #fff; color: #111; }
  @media (prefers-color-scheme: dark) { body { background: #111; } p { color: #333; } }
</style></head><body><main><h1>Heading</h1><p>Text that only the dark scheme makes hard to read.</p></main></body></html>`;

let browser: Browser;
let page: Page;

beforeAll(async () => {
  browser = await workerChromium();
  page = await (await browser.newContext({ colorScheme: 'light' })).newPage();
  await page.setContent(PAGE);
});

afterAll(async () => {
  await closeContexts(browser);
});

it('finds no contrast problem in the light scheme, and finds one with the colour rules alone in the dark', async () => {
  expect(await axeViolations(page)).toEqual([]);
  await page.emulateMedia({ colorScheme: 'dark' });
  const dark = await axeViolations(page, COLOUR_RULES);
  expect(dark.length).toBeGreaterThan(0);
  expect(dark[0]).toMatch(/^color-contrast /u);
  await page.emulateMedia({ colorScheme: 'light' });
});

it('refuses a rule name that is not among the WCAG A/AA rules', async () => {
  await expect(axeViolations(page, ['color-contrast', 'no-such-rule'])).rejects.toThrow(/no rule no-such-rule/u);
});

it('finds a word squeezed onto several lines by a narrow column, and not a hidden or hyphenated one', async () => {
  const squeezed = await browser.newPage({ viewport: { width: 360, height: 780 } });
  await squeezed.setContent(`<!doctype html><html lang="en"><body style="overflow-wrap: anywhere; margin: 16px">
    <dl style="display: grid; grid-template-columns: max-content 1fr; gap: 0 16px">
      <dt>Terms the sources do not define at all</dt><dd>people</dd>
    </dl>
    <p style="width: 1.2em">海内外专家</p>
    <p><a style="display: inline-block; width: 1.2em">中文</a></p>
    <p style="width: 3em">well-known</p>
    <p style="width: 6em">see www.qingdaonews.com/content/2021-07/19/content_22790.htm.</p>
    <div style="position: absolute; width: 1px; height: 1px; overflow: hidden; clip-path: inset(50%)"><p style="width: 1em">Indicator</p></div>
  </body></html>`);
  const found = await brokenWords(squeezed);
  expect(found).toHaveLength(3);
  expect(found[0]).toMatch(/^"people" breaks across \d lines in <dd>/u);
  expect(found[1]).toMatch(/^"海内外专家" stands one character a line in <p>/u);
  expect(found[2]).toMatch(/^"中文" stands one character a line in <a>/u);
  // the same list with its labels held to 45%, and the Chinese given two characters' room: nothing breaks
  await squeezed.evaluate(() => {
    document
      .querySelector('dl')
      ?.setAttribute('style', 'display: grid; grid-template-columns: fit-content(45%) minmax(0, 1fr); gap: 0 16px');
    document.querySelector('p')?.setAttribute('style', 'width: 2.2em');
    document.querySelector('a')?.setAttribute('style', 'white-space: nowrap');
  });
  expect(await brokenWords(squeezed)).toEqual([]);
  await squeezed.close();
});
