#!/usr/bin/env bash
# Builds the engine alone (no UI) as an ES module for the web into
# OUT/engine/: misle_engine.js, misle_engine_bg.wasm, misle_engine.d.ts.
#   scripts/build-engine.sh [OUT]
# Run by Trunk after every build (scripts/post-build.sh, the Trunk.toml hook,
# OUT = its staging dir), so the normal release build produces it; usable on
# its own too.
set -euo pipefail
cd "$(dirname "$0")/.."
out=${1:-${TRUNK_STAGING_DIR:-dist}}/engine
# Its own target dir: other features than the page, so the two builds do not
# invalidate each other's cache.
target=${CARGO_TARGET_DIR:-target}/engine
CARGO_TARGET_DIR=$target cargo build --release --target wasm32-unknown-unknown --lib \
  --no-default-features --features js --quiet
mkdir -p "$out"
wasm-bindgen --target web --out-dir "$out" --out-name misle_engine \
  "$target/wasm32-unknown-unknown/release/misle_check.wasm"
# -O2 -Os: of the wasm-opt settings tried, the smallest gzip (-Oz alone is
# ~2 KB larger here), which the module's 100 KB budget needs.
wasm-opt -O2 -Os --enable-bulk-memory --enable-nontrapping-float-to-int --enable-sign-ext \
  --enable-mutable-globals -o "$out/misle_engine_bg.wasm" "$out/misle_engine_bg.wasm"
rm -f "$out/misle_engine_bg.wasm.d.ts"
