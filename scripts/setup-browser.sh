#!/usr/bin/env bash
# Optional, for the browser tests only (`npm test` runs it): on Debian as root, installs
# Debian's Chromium and a CJK font for the pages when no Chromium is found. Anywhere else it
# changes nothing; scripts/test.sh then stops with a message saying how to get a Chromium.
# Never fails: whether a Chromium is there is scripts/lib/find-chromium.ts's to say.
set -uo pipefail
cd "$(dirname "$0")/.."

if node_modules/.bin/tsx scripts/lib/find-chromium.ts >/dev/null 2>&1; then exit 0; fi
if [ -n "${CHROME_PATH:-}" ]; then exit 0; fi  # a chosen browser that is missing: say so, do not install another
if [ "$(id -u)" -eq 0 ] && command -v apt-get >/dev/null 2>&1 && [ -f /etc/debian_version ]; then
  need=(chromium)
  command -v fc-list >/dev/null 2>&1 && fc-list 2>/dev/null | grep -qi 'Noto Sans CJK' || need+=(fonts-noto-cjk)
  echo "setup-browser: no Chromium found; installing ${need[*]} from Debian (running as root)"
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${need[@]}" >/dev/null \
    || echo "setup-browser: apt-get install ${need[*]} failed" >&2
fi
exit 0
