/**
 * Prints how tall each event page is at 360 px with every group folded, tallest first (issue
 * 21: at most 6,000 px). A measurement, not a test: run after `npm run build`.
 *
 *   npx tsx scripts/event-page-heights.ts
 */
import { launchChromium } from './lib/launch-chromium.ts';
import { listHtmlPages, startStaticServer } from './lib/serve-dist.ts';

const LIMIT = 6000;
const pages = listHtmlPages().filter((p) => p.includes('/events/'));
const server = await startStaticServer();
const browser = await launchChromium();
try {
  const context = await browser.newContext({ viewport: { width: 360, height: 780 } });
  const page = await context.newPage();
  const rows: [number, string][] = [];
  for (const p of pages) {
    await page.goto(`${server.origin}${p}`);
    rows.push([await page.evaluate(() => document.documentElement.scrollHeight), p]);
  }
  rows.sort((a, b) => b[0] - a[0]);
  console.log(`${pages.length} event pages at 360 px, every group folded; tallest first:`);
  for (const [h, p] of rows.slice(0, 5)) console.log(`  ${h} px  ${p}`);
  console.log(`over ${LIMIT} px: ${rows.filter(([h]) => h > LIMIT).length}`);
} finally {
  await browser.close();
  await server.close();
}
