#!/usr/bin/env bash
# The whole test suite. A Chromium is found first (the browser tests need one; without it the
# run stops at once with one message saying how to get one); then three independent chains run
# side by side, each logging to test/.tmp/<chain>.log, printed whole when it ends so the output
# stays readable:
#   static   prettier --check, eslint, astro check (types)
#   unit     unit and golden-SVG tests
#   site     the data check, then two builds side by side: `astro build` of data/ into dist/ (the
#            real site, a preview, with its static images) and `npm run build:fixture`, the
#            release build of the fixture tables into test/.tmp/fixture-site/
#            (scripts/lib/fixture-site.ts); then the tests of the built sites, side by side: the
#            `site` project (every real page, parsed once, in Node), `site-files` (valid HTML,
#            images, the release, downloads) and `browser` (a Chromium for each worker: every
#            fixture page, one real page a template, and the interactive features)
# The site chain is the longest, so it starts its tests as soon as its builds are done rather
# than waiting for the other two. Each chain says how long it took and the CPU time it used
# (user + system, its processes and theirs); one closing line counts the tests.
set -euo pipefail
cd "$(dirname "$0")/.."
export ASTRO_TELEMETRY_DISABLED=1
# npm run puts node_modules/.bin first on PATH; so does this, for `bash scripts/test.sh`. The
# commands are called directly, not through npx (a Node process more for each), and TypeScript
# scripts as `node --import tsx` (the tsx command starts a second Node).
export PATH="$PWD/node_modules/.bin:$PATH"
ts() { node --import tsx "$@"; }
# Every process of the run gets the memory allocators' settings (TEST_RUN_ALLOCATOR,
# src/lib/site/allocator-env.ts): on a virtual machine that takes back freed memory they keep it
# for reuse, a third fewer page faults in the run (decision 0009)
settings=$(ts scripts/allocator-env.ts)
eval "$settings"
# the CPU seconds this shell's finished children used (`times`, second line), from a file
# written by `times` itself: in a $(…) subshell it would count nothing
cpu_of() { awk 'NR == 2 { for (i = 1; i <= 2; i++) { split($i, p, /[ms]/); t += p[1] * 60 + p[2] } printf "%.0f", t }' "$1"; }
start=$SECONDS

# The browser tests need a Chromium: find one up front (root on Debian may install it), or stop
# now with one message saying how to get one, not after minutes of other tests.
bash scripts/setup-browser.sh
# (found, not exported: the browser tests take the headless shell for most files and the full
# browser for some, test/browser/worker-chromium.ts)
if ! ts scripts/lib/find-chromium.ts > /dev/null; then
  exit 1
fi
mkdir -p test/.tmp
rm -f test/.tmp/unit.json test/.tmp/site.json test/.tmp/site-files.json test/.tmp/browser.json

chain_static() {
  prettier --check --log-level warn . || return 1
  eslint . || return 1
  astro check --minimumSeverity warning
}
chain_unit() {
  vitest run --project unit --reporter=default --reporter=json --outputFile.json=test/.tmp/unit.json
}
# `timed NAME COMMAND…`: runs the command in a subshell logging to test/.tmp/NAME.log, and ends
# the log with its wall time and the CPU time it and its processes used
timed() {
  local name=$1
  shift
  (
    began=$SECONDS
    status=0
    "$@" > "test/.tmp/$name.log" 2>&1 || status=$?
    times > "test/.tmp/$name.times"
    echo "($name took $((SECONDS - began)) s, $(cpu_of "test/.tmp/$name.times") s of CPU)" >> "test/.tmp/$name.log"
    exit $status
  )
}
chain_site() {
  local status=0
  # the data check first: most failures start there, and a build of bad data stops anyway
  ts scripts/data-check.ts || return 1
  # the two builds side by side, each with its own log, printed in turn (without Astro's list of
  # every page written)
  timed build astro build &
  local real=$!
  timed build-fixture ts scripts/build-fixture-site.ts &
  local fixture=$!
  wait $real || status=1
  grep -vE '^[0-9:]+ +(├|└)─' test/.tmp/build.log
  wait $fixture || status=1
  grep -vE '^[0-9:]+ +(├|└)─' test/.tmp/build-fixture.log
  [ $status -eq 0 ] || return 1
  # the tests of both builds: three commands side by side, each with its own log, printed in turn
  timed site-node vitest run --project site --reporter=default --reporter=json --outputFile.json=test/.tmp/site.json &
  local site=$!
  timed site-files vitest run --project site-files --reporter=default --reporter=json --outputFile.json=test/.tmp/site-files.json &
  local files=$!
  timed browser vitest run --project browser --reporter=default --reporter=json --outputFile.json=test/.tmp/browser.json &
  local browser=$!
  wait $site || status=1
  cat test/.tmp/site-node.log
  wait $files || status=1
  cat test/.tmp/site-files.log
  wait $browser || status=1
  cat test/.tmp/browser.log
  return $status
}

chains=(static unit site)
declare -A pids
for chain in "${chains[@]}"; do
  timed "$chain" "chain_$chain" &
  pids[$chain]=$!
done
failed=()
for chain in "${chains[@]}"; do
  if wait "${pids[$chain]}"; then status=ok; else status=FAILED; failed+=("$chain"); fi
  echo "──── $chain: $status"
  cat "test/.tmp/$chain.log"
done
if [ ${#failed[@]} -gt 0 ]; then
  echo "test: failed: ${failed[*]} (logs in test/.tmp/; $((SECONDS - start)) s)" >&2
  exit 1
fi

# one plain closing line for whoever reads the log
times > test/.tmp/all.times
node -e '
  const r = ["unit", "site", "site-files", "browser"].map((p) => require(`./test/.tmp/${p}.json`));
  const n = (k) => r.reduce((s, x) => s + x[k], 0);
  console.log(`${n("numPassedTests")} passed, ${n("numFailedTests")} failed in ${process.argv[1]} s (${process.argv[2]} s of CPU)`);
' "$((SECONDS - start))" "$(cpu_of test/.tmp/all.times)"
