/**
 * npm run build:release [-- --outDir DIR]
 * The build for publishing. It refuses to start without the site's public address
 * (site.config.json "address", or SITE_URL), checks the data, runs `astro build`, then fails
 * if any file it wrote names localhost, the address placeholder or a domain other than the
 * configured one (links the data cites excepted): see scripts/lib/release-scan.ts.
 */
import { spawnSync } from 'node:child_process';
import { resolve } from 'node:path';
import { LANGS, t } from '../src/i18n/index.ts';
import { publicSite, SITE_CONFIG_FILE } from '../src/lib/site/address.ts';
import { cliArgs } from './lib/cli-args.ts';
import { citedHosts, scanRelease } from './lib/release-scan.ts';

const ROOT = resolve(import.meta.dirname, '..');
const { values } = cliArgs('build:release', 'npm run build:release [-- --outDir DIR]', { outDir: { type: 'string' } }, { min: 0, max: 0 });
const outDir = resolve(ROOT, values.outDir ?? 'dist');

let site: URL | undefined;
try {
  site = publicSite();
} catch (e) {
  process.stderr.write(`build:release: ${(e as Error).message}\n`);
  process.exit(1);
}
if (!site) {
  process.stderr.write(
    `build:release: the site's public address is not set. Put it in ${SITE_CONFIG_FILE} ("address": "https://…/") or run with SITE_URL=https://…/; \`npm run build\` makes a preview without it.\n`,
  );
  process.exit(1);
}

const run = (command: string, args: string[]): void => {
  const r = spawnSync(resolve(ROOT, 'node_modules/.bin', command), args, { cwd: ROOT, stdio: 'inherit', env: process.env });
  if (r.status !== 0) {
    process.stderr.write(`build:release: ${command} ${args.join(' ')} failed (exit ${r.status ?? r.signal})\n`);
    process.exit(1);
  }
};
run('tsx', ['scripts/data-check.ts']);
run('astro', ['build', '--outDir', outDir]);

const findings = scanRelease(outDir, {
  site,
  placeholders: [...new Set(LANGS.map((l) => t(l, 'site.addressPlaceholder')))],
  citedHosts: citedHosts(resolve(ROOT, process.env['DATA_DIR'] || 'data')),
});
if (findings.length > 0) {
  for (const f of findings.slice(0, 50)) process.stderr.write(`${f.message}\n`);
  process.stderr.write(`build:release: ${findings.length} problem(s) in ${outDir}; not fit to publish\n`);
  process.exit(1);
}
process.stdout.write(`build:release: ${outDir} is a release build for ${site.href}: no localhost, no placeholder, no other domain\n`);
