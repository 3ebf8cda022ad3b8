import { chromium } from 'playwright-core';
import { readFileSync, readdirSync } from 'node:fs';
import { startStaticServer, listHtmlPages } from './lib/serve-dist.ts';
import { horizontalOverflow, narrowTableCells, brokenWords, axeViolations } from './lib/page-checks.ts';
const dir = '/work/main/test/.tmp/fixture-site';
const server = await startStaticServer(dir, {}, { sendHeaders: true });
const exe = process.env.EXE ?? '/usr/bin/chromium';
const chromeCpu = () => { let t = 0; for (const p of readdirSync('/proc')) { if (!/^\d+$/.test(p)) continue; try { const cmd = readFileSync(`/proc/${p}/cmdline`, 'utf8'); if (!cmd.includes('chromium')) continue; const f = readFileSync(`/proc/${p}/stat`, 'utf8').split(') ')[1]!.split(' '); t += (+f[11]! + +f[12]! + +f[13]! + +f[14]!) / 100; } catch {} } return t; };
const b = await chromium.launch({ executablePath: exe, args: ['--headless','--no-sandbox','--disable-gpu','--disable-background-networking','--disable-component-update','--no-first-run'] });
const ctx = await b.newContext({ viewport: { width: 360, height: 740 } });
await ctx.addInitScript('window.__name = (f) => f');
const p = await ctx.newPage();
const pages = listHtmlPages(dir).filter((_, i) => i % 4 === 0);
const c0 = chromeCpu(); const n0 = process.cpuUsage(); const w0 = performance.now();
let axeN = 0;
for (const path of pages) {
  await p.goto(server.origin + path, { waitUntil: 'load' });
  await horizontalOverflow(p); await narrowTableCells(p); await brokenWords(p);
  if (process.env.AXE && axeN++ < 10) await axeViolations(p);
}
const n = process.cpuUsage(n0);
console.log(exe, pages.length, 'pages; chromium CPU', (chromeCpu() - c0).toFixed(1), 's; node CPU', ((n.user + n.system) / 1e6).toFixed(1), 's; wall', ((performance.now() - w0) / 1000).toFixed(1));
const shot = await p.screenshot(); console.log('screenshot bytes', shot.length);
await b.close(); await server.close();
