#!/usr/bin/env bash
# Runs the browser tests against a built page:  tests/browser/run.sh DIST
# (DIST = trunk's output directory, e.g. dist). Installs nothing: the node
# packages and Chromium come from scripts/setup.sh --test.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
dist="${1:-${DIST:-}}"
if [ -z "$dist" ]; then
  echo "usage: $0 DIST" >&2
  exit 2
fi
dist="$(cd "$dist" && pwd)"
if [ ! -f "$dist/index.html" ]; then
  echo "run.sh: no index.html in $dist (build the page first)" >&2
  exit 2
fi
if [ ! -d "$here/node_modules/playwright-core" ] || [ ! -d "$here/node_modules/axe-core" ]; then
  echo "run.sh: node packages missing in $here/node_modules (run scripts/setup.sh --test)" >&2
  exit 2
fi
chromium="${CHROMIUM:-/usr/bin/chromium}"
if [ ! -x "$chromium" ]; then
  echo "run.sh: no Chromium at $chromium (run scripts/setup.sh --test)" >&2
  exit 2
fi
# The native engine tables' cases, which engine.test.mjs runs through the
# engine module (scripts/test.sh writes them with the native tests).
cases="${MISLE_ENGINE_CASES:-$here/../../target/engine-cases}"
if [ ! -d "$cases" ]; then
  echo "run.sh: writing the engine tables' cases into $cases"
  (cd "$here/../.." && MISLE_ENGINE_CASES="$cases" cargo test --quiet --test engine >/dev/null)
fi
export DIST="$dist" CHROMIUM="$chromium" MISLE_ENGINE_CASES="$cases"
cd "$here"
exec node --test --test-concurrency=1 ./*.test.mjs
