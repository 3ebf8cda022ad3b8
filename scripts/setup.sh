#!/usr/bin/env bash
# What `npm start`, `npm run build` and `npm test` all need: the npm packages, which include a
# supported Node (the `node` package) for every npm script and the font the static images are
# drawn with. Needs only Node and npm; no root, no browser, no system packages (the browser
# the tests need is scripts/setup-browser.sh's business, run by `npm test` alone).
# Safe to run again: skipped while package.json, package-lock.json and patches/ are unchanged.
# npm install ends with patch-package (package.json's postinstall), which applies patches/.
set -euo pipefail
cd "$(dirname "$0")/.."

stamp=node_modules/.setup-stamp
# what decides the install: the package files and the patches applied after it
inputs() { cat package.json package-lock.json patches/* | sha256sum | cut -d' ' -f1; }
want=$(inputs)
if [ ! -f "$stamp" ] || [ "$(cat "$stamp")" != "$want" ]; then
  echo "setup: installing npm packages"
  # npm install, not npm ci: the registry here lacks Astro's compiler bindings for other
  # platforms, which the lockfile lists, and npm ci refuses to skip them. --prefer-offline: the
  # lockfile pins every version and its hash, so a package already in npm's cache is taken from
  # it without asking the registry whether it is still current (a clean clone's install took
  # 34–42 s against 36–51 s; decision 0003); anything not in the cache is still downloaded.
  npm install --no-audit --no-fund --prefer-offline
  # stamp what npm left: on a cold cache it adds a "resolved" line or two to the lockfile, and
  # the stamp of the file before that would run the install again next time
  inputs > "$stamp"
fi
node_modules/.bin/node -e 'const [a,b]=process.versions.node.split(".").map(Number); if (a<22||(a===22&&b<12)) { console.error("setup: node_modules/.bin/node is "+process.version+", Astro needs 22.12 or newer"); process.exit(1) }'
