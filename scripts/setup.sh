#!/usr/bin/env bash
# Brings a fresh machine to the point where the site builds and every test runs:
# Debian's Chromium and a CJK font (browser tests, screenshots, PNG export), then the npm
# packages, which include a supported Node (the `node` package) for every npm script.
# Safe to run again: each step is skipped when already done.
set -euo pipefail
cd "$(dirname "$0")/.."

need_apt=()
command -v chromium >/dev/null 2>&1 || need_apt+=(chromium)
fc-list 2>/dev/null | grep -qi 'Noto Sans CJK' || need_apt+=(fonts-noto-cjk)
if [ ${#need_apt[@]} -gt 0 ]; then
  if [ "$(id -u)" -ne 0 ]; then
    echo "setup: need Debian packages: ${need_apt[*]} (run as root, or: sudo apt-get install -y ${need_apt[*]})" >&2
    exit 1
  fi
  echo "setup: installing ${need_apt[*]} from Debian"
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${need_apt[@]}" >/dev/null
fi

stamp=node_modules/.setup-stamp
want=$(cat package.json package-lock.json | sha256sum | cut -d' ' -f1)
if [ ! -f "$stamp" ] || [ "$(cat "$stamp")" != "$want" ]; then
  echo "setup: installing npm packages"
  # npm install, not npm ci: the registry here lacks Astro's compiler bindings for other
  # platforms, which the lockfile lists, and npm ci refuses to skip them.
  npm install --no-audit --no-fund
  echo "$want" > "$stamp"
fi
node_modules/.bin/node -e 'const [a,b]=process.versions.node.split(".").map(Number); if (a<22||(a===22&&b<12)) { console.error("setup: node_modules/.bin/node is "+process.version+", Astro needs 22.12 or newer"); process.exit(1) }'
