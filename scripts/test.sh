#!/usr/bin/env bash
# The whole test suite: type check, lint, every test. Ends with "N passed, N failed".
set -uo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh || exit 1

status=0
echo "== type check (tsc --noEmit)"
npx tsc -p tsconfig.json || status=1
echo "== lint and format (biome)"
npx biome ci --reporter=summary . || status=1
echo "== web app (vite build, when its sources changed)"
node --import tsx packages/web/src/build-cli.ts || status=1
echo "== tests (vitest)"
report="$(mktemp -d)/vitest.json"
npx vitest run --reporter=default --reporter=json --outputFile.json="$report" || status=1
node scripts/test-summary.mjs "$report" || status=1
exit $status
