#!/usr/bin/env bash
# Builds the front end into web/dist when its sources changed since the last build (a hash
# of every input is kept in web/dist/.inputs.sha256). Run by `scripts/build` through the
# CMake target `web`. Without node_modules (scripts/setup not run) it says so and stops.
set -euo pipefail
cd "$(dirname "$0")/.."
if [ ! -x node_modules/.bin/vite ]; then
  echo "web: node_modules missing: run scripts/setup to build the front end" >&2
  exit 0
fi
hash=$( (find src scripts -type f -not -name '*.test.*' | LC_ALL=C sort | xargs cat;
         cat index.html vite.config.js package-lock.json ../docs/record.md ../data/code_lists.csv) |
       sha256sum | cut -d' ' -f1)
if [ -f dist/index.html ] && [ "$(cat dist/.inputs.sha256 2>/dev/null)" = "$hash" ]; then
  exit 0
fi
echo "web: building the front end into web/dist"
node_modules/.bin/vite build --logLevel warn
echo "$hash" > dist/.inputs.sha256
