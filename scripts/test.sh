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
scripts/size-budget.sh dist 200
scripts/size-budget.sh dist/engine 100

if [ -x tests/browser/run.sh ]; then
  step "browser tests (Chromium)"
  tests/browser/run.sh dist
fi

printf '\nall checks passed\n'
