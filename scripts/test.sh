#!/usr/bin/env bash
# Every test of misle-check, from a fresh machine: installs what is missing,
# then checks formatting, lints, runs the native tests, builds the release
# page, checks its size budget and runs the browser tests against it.
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$HOME/.cargo/bin:$PATH"

step() { printf '\n==> %s\n' "$*"; }

step "setup"
scripts/setup.sh --test

step "cargo fmt --check"
cargo fmt --all -- --check

step "cargo clippy (native, all targets; the wasm page; the engine module)"
cargo clippy --all-targets -- -D warnings
cargo clippy --target wasm32-unknown-unknown --bin misle-check -- -D warnings
CARGO_TARGET_DIR=target/engine cargo clippy --target wasm32-unknown-unknown --lib --no-default-features --features js -- -D warnings

step "the page is rendered by Leptos (no markup built as text in src/ui)"
if grep -rnE 'inner_html|outer_html|insert_adjacent_html|innerHTML' src/ui; then
  echo "src/ui builds markup as text: render it with view! instead" >&2
  exit 1
fi

step "native tests"
# The engine tables' cases also go to target/engine-cases, for the browser
# test that holds the engine module to the same reports.
rm -rf target/engine-cases
MISLE_ENGINE_CASES="$PWD/target/engine-cases" cargo test --all-targets

step "release build (trunk, offline)"
trunk build --release --offline

step "size budget"
# Ceilings a little above the measured sizes (KB = 1024 B gzip), so that
# growth is a decision, not an accident. They are NOT the targets of issues
# #11/#13 (page 200 KB, engine module 100 KB): with serde (serde_json,
# serde_path_to_error, serde-wasm-bindgen), Leptos and, since issue #15, the
# FHIR conversions in both files, the build measures page 383.5 KB and
# engine module 229.0 KB (2026-12-02). Meeting the targets would take
# hand-written parsers and a hand-made renderer, which the guide rules out;
# the figures are in docs/bench.md.
scripts/size-budget.sh dist 385
scripts/size-budget.sh dist/engine 235

if [ -x tests/browser/run.sh ]; then
  step "browser tests (Chromium)"
  tests/browser/run.sh dist
fi

printf '\nall checks passed\n'
