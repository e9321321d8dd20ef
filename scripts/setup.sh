#!/usr/bin/env bash
# Makes a fresh machine ready: system packages the tests need (installed with apt-get as root when
# missing) and the npm dependencies (when node_modules is missing or older than the lock file).
set -euo pipefail
cd "$(dirname "$0")/.."

# System packages, as "command:debian-package". Chromium runs the snippet's browser tests.
SYSTEM_PACKAGES=("chromium:chromium")

missing=()
for entry in "${SYSTEM_PACKAGES[@]+"${SYSTEM_PACKAGES[@]}"}"; do
  command -v "${entry%%:*}" >/dev/null 2>&1 || missing+=("${entry#*:}")
done
if [ ${#missing[@]} -gt 0 ]; then
  if [ "$(id -u)" -ne 0 ]; then
    echo "setup: missing system packages (${missing[*]}); run as root or install them with apt-get" >&2
    exit 1
  fi
  echo "setup: installing ${missing[*]}"
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
fi

if [ ! -f node_modules/.package-lock.json ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  # npm install rather than npm ci: the lock file holds only this platform's optional binaries
  # (biome, esbuild), which npm ci refuses as out of sync; install still takes the locked versions.
  echo "setup: installing npm dependencies"
  npm install --no-audit --no-fund --loglevel=error
fi
