#!/usr/bin/env bash
# The whole test suite. A Chromium is found first (the browser tests need one; without it the
# run stops at once with one message saying how to get one), then the data check (quick, and most
# failures start there); then three independent chains run side by side, each logging to
# test/.tmp/<chain>.log, printed whole when it ends so the output stays readable:
#   static   prettier --check, eslint, astro check (types)
#   unit     unit and golden-SVG tests
#   build    astro build, then the static images
# and last, on the built dist/, the site and browser tests. One closing line counts them.
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
rm -f test/.tmp/unit.json test/.tmp/site.json

npx tsx scripts/data-check.ts

chain_static() {
  npx prettier --check --log-level warn . && npx eslint . && npx astro check --minimumSeverity warning
}
chain_unit() {
  npx vitest run --project unit --reporter=default --reporter=json --outputFile.json=test/.tmp/unit.json
}
chain_build() {
  # two commands, not one joined by &&: under set -e a failing left side of && would not stop
  # a script; here the function's status is that of the first command that fails
  npx astro build || return 1
  npx tsx scripts/static-images.ts
}

declare -A pids
for chain in static unit build; do
  ( set -o pipefail; "chain_$chain" > "test/.tmp/$chain.log" 2>&1 ) &
  pids[$chain]=$!
done
failed=()
for chain in static unit build; do
  if wait "${pids[$chain]}"; then status=ok; else status=FAILED; failed+=("$chain"); fi
  echo "──── $chain: $status"
  cat "test/.tmp/$chain.log"
done
if [ ${#failed[@]} -gt 0 ]; then
  echo "test: failed: ${failed[*]} (logs in test/.tmp/)" >&2
  exit 1
fi

npx vitest run --project site --reporter=default --reporter=json --outputFile.json=test/.tmp/site.json

# one plain closing line for whoever reads the log
node_modules/.bin/node -e '
  const r = ["unit", "site"].map((p) => require(`./test/.tmp/${p}.json`));
  const n = (k) => r.reduce((s, x) => s + x[k], 0);
  console.log(`${n("numPassedTests")} passed, ${n("numFailedTests")} failed`);
'
