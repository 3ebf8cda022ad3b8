#!/usr/bin/env bash
# Optional, for the browser tests and the benchmark only (`npm test` runs it): on Debian as root,
# installs what is missing of Debian's Chromium headless shell (the tests), its full browser (the
# benchmark's Lighthouse) and a CJK font for the pages. Anywhere else it changes nothing;
# scripts/test.sh then stops with a message saying how to get a Chromium.
# Never fails: whether a Chromium is there is scripts/lib/find-chromium.ts's to say.
set -uo pipefail
cd "$(dirname "$0")/.."

if [ -n "${CHROME_PATH:-}" ]; then exit 0; fi  # a chosen browser, there or not: find-chromium says which
if [ "$(id -u)" -eq 0 ] && command -v apt-get >/dev/null 2>&1 && [ -f /etc/debian_version ]; then
  # the headless shell runs the browser tests (find-chromium.ts says why); the full browser the
  # Lighthouse benchmark of `npm run bench`
  need=()
  [ -x /usr/bin/chromium-headless-shell ] || need+=(chromium-headless-shell)
  [ -x /usr/bin/chromium ] || need+=(chromium)
  # grep reads to the end (no -q): under pipefail, fc-list cut off by an early exit fails the test
  command -v fc-list >/dev/null 2>&1 && fc-list 2>/dev/null | grep -i 'Noto Sans CJK' >/dev/null || need+=(fonts-noto-cjk)
  if [ ${#need[@]} -gt 0 ]; then
    echo "setup-browser: installing ${need[*]} from Debian (running as root)"
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${need[@]}" >/dev/null \
      || echo "setup-browser: apt-get install ${need[*]} failed" >&2
  fi
fi
exit 0
