#!/usr/bin/env bash
# Starts the product on its embedded defaults: the demo map's exports in out/, the web app built
# (when its sources changed), then the server with the app at http://127.0.0.1:4400 and its data
# in ./.touchline (SQLite for workspaces, people and maps; a DuckDB event store per workspace). On
# first start the server makes the demo workspace: the shoe journey map and a seeded shoe shop's
# events and ad spend. Stop it with Ctrl+C; starting again keeps everything. Options after
# `npm start --` go to `touchline serve` (e.g. -- --port 8080).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
touchline() { node packages/cli/bin/touchline.js "$@"; }
touchline demo --out out
node --import tsx packages/web/src/build-cli.ts
echo
echo "Open http://127.0.0.1:4400 and sign up to own the demo workspace (the first person to sign up becomes its owner)."
exec node packages/cli/bin/touchline.js serve "$@"
