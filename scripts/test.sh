#!/usr/bin/env bash
# The whole test suite, in the order a failure is cheapest to find:
# data check → type check → unit and golden tests → site build → tests on the built site
# → browser and accessibility tests.
set -euo pipefail
cd "$(dirname "$0")/.."
export ASTRO_TELEMETRY_DISABLED=1
npx tsx scripts/data-check.ts
npx astro check --minimumSeverity warning
npx vitest run --project unit
npx astro build; npx tsx scripts/static-images.ts
npx vitest run --project site
