#!/usr/bin/env bash
# The whole test suite, in the order a failure is cheapest to find:
# a Chromium for the browser tests → data check → type check → unit and golden tests → site build (+ static images)
# → tests on the built site → browser and accessibility tests.
set -euo pipefail
cd "$(dirname "$0")/.."
export ASTRO_TELEMETRY_DISABLED=1
# The browser tests need a Chromium: find one up front (root on Debian may install it), or stop
# now with one message saying how to get one, not after minutes of other tests.
bash scripts/setup-browser.sh
if ! CHROME_PATH=$(npx tsx scripts/lib/find-chromium.ts); then
  exit 1
fi
export CHROME_PATH
mkdir -p test/.tmp
npx tsx scripts/data-check.ts
npx astro check --minimumSeverity warning
npx vitest run --project unit --reporter=default --reporter=json --outputFile.json=test/.tmp/unit.json
# Two commands, not one joined by &&: under set -e a failing left side of && would not stop
# the script, and the site tests would run against an old dist/.
npx astro build
npx tsx scripts/static-images.ts
npx vitest run --project site --reporter=default --reporter=json --outputFile.json=test/.tmp/site.json
# one plain closing line for whoever reads the log
node_modules/.bin/node -e '
  const r = ["unit", "site"].map((p) => require(`./test/.tmp/${p}.json`));
  const n = (k) => r.reduce((s, x) => s + x[k], 0);
  console.log(`${n("numPassedTests")} passed, ${n("numFailedTests")} failed`);
'
