#!/usr/bin/env bash
# Runs one of the front end's test suites for CTest: `unit` (Vitest) or `browser`
# (e2e/run.mjs against the real server). Exits 77 (CTest's "skipped") when scripts/setup has
# not installed the npm packages, so a checkout without them still runs the C++ tests.
set -euo pipefail
cd "$(dirname "$0")/.."
if [ ! -x node_modules/.bin/vitest ]; then
  echo "web: node_modules missing: run scripts/setup (npm ci in web/) to run these tests"
  exit 77
fi
suite="$1"; shift
case "$suite" in
  unit) exec node_modules/.bin/vitest run --reporter=dot ;;
  browser) exec node e2e/run.mjs "$@" ;;
  *) echo "usage: ctest.sh unit|browser [args]" >&2; exit 2 ;;
esac
