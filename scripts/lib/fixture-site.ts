/**
 * The fixture site: the site built from test/fixtures/site-data/ (small tables holding the
 * extreme rows of data/, test/unit/fixture-site-data.test.ts) as a release build for a reserved
 * test address, into test/.tmp/fixture-site/. The browser crawl opens every page of it; the real
 * build is checked in Node on every page and in the browser on one page per template. Built by
 * `npm run build:fixture` (scripts/build-fixture-site.ts), which scripts/test.sh runs beside
 * `astro build`.
 */
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));

/** the fixture tables, passed to the data check and the build as DATA_DIR */
export const FIXTURE_DATA_DIR = `${ROOT}test/fixtures/site-data`;
/** where the fixture site is built */
export const FIXTURE_DIST = `${ROOT}test/.tmp/fixture-site`;
/** its public address: a reserved test domain (RFC 6761), so the release scan has one to hold it to */
export const FIXTURE_SITE_URL = 'https://figures.test/';
