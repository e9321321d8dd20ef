#!/usr/bin/env bash
# Runs the product on its defaults: renders the demo map (the shoe journey) to out/.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
node packages/cli/bin/touchline.js demo --out out "$@"
