#!/usr/bin/env bash
# Runs the product on its embedded defaults with the demo workspace: the shoe journey map and
# its exports in out/, and a seeded shoe shop's events and ad spend in the embedded store
# (./.touchline), measured against the map. Running it again changes nothing: event ids repeat.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
touchline() { node packages/cli/bin/touchline.js "$@"; }
touchline demo --out out "$@"
touchline demo-data --users 10000 --seed 1 --out out/demo/events.csv.gz --costs out/demo/costs.csv
touchline import out/demo/events.csv.gz
touchline import-costs out/demo/costs.csv
touchline funnel --map out/shoes-en.yaml --steps landing-page,product-page,cart,thank-you-page
touchline attribution --conversion order_completed --model markov
touchline report out/shoes-en.yaml --render out/shoes-en.measured.png
echo
echo "Try: touchline paths --map out/shoes-en.yaml | touchline discover out/shoes-en.yaml | touchline touches --conversion order_completed"
