/**
 * npm run build:fixture
 * Builds the fixture site (scripts/lib/fixture-site.ts): `npm run build:release` with DATA_DIR
 * set to the fixture tables, the reserved test address and test/.tmp/fixture-site/ as output. The
 * release build checks the fixture tables with the data check first and scans what it wrote, so
 * one build serves the browser crawl of every fixture page and the release checks
 * (test/site/release-build.test.ts).
 */
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { FIXTURE_DATA_DIR, FIXTURE_DIST, FIXTURE_SITE_URL } from './lib/fixture-site.ts';
import { cliArgs } from './lib/cli-args.ts';

cliArgs('build:fixture', 'npm run build:fixture', {}, { min: 0, max: 0 });
const ROOT = fileURLToPath(new URL('../', import.meta.url));
const r = spawnSync(process.execPath, ['--import', 'tsx', 'scripts/build-release.ts', '--outDir', FIXTURE_DIST], {
  cwd: ROOT,
  stdio: 'inherit',
  env: { ...process.env, DATA_DIR: FIXTURE_DATA_DIR, SITE_URL: FIXTURE_SITE_URL },
});
process.exit(r.status ?? 1);
