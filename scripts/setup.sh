#!/usr/bin/env bash
# Installs what building, serving and testing misle-check needs, and nothing
# that is already there. Safe to run again: every step checks first.
#   scripts/setup.sh          toolchain for building and serving (wasm target, trunk,
#                             wasm-bindgen-cli, wasm-opt, the build's node packages)
#   scripts/setup.sh --test   the same plus what the tests need (Chromium and
#                             chromedriver, node packages for the browser tests,
#                             and Debian's nginx and Caddy with openssl, which
#                             tests/browser/deploy.test.mjs runs)
set -euo pipefail
cd "$(dirname "$0")/.."

TRUNK_VERSION=0.21.14
WASM_BINDGEN_VERSION=0.2.130   # must equal the wasm-bindgen pinned in Cargo.toml
BINARYEN_VERSION=132

say() { printf 'setup: %s\n' "$*"; }
export PATH="$HOME/.cargo/bin:$PATH"

if ! rustup target list --installed | grep -qx wasm32-unknown-unknown; then
  say "adding the wasm32-unknown-unknown target"
  rustup target add wasm32-unknown-unknown
fi

if ! trunk --version 2>/dev/null | grep -q "$TRUNK_VERSION"; then
  say "installing trunk $TRUNK_VERSION (a few minutes)"
  cargo install trunk --version "$TRUNK_VERSION" --locked
fi

if ! wasm-bindgen --version 2>/dev/null | grep -q "$WASM_BINDGEN_VERSION"; then
  say "installing wasm-bindgen-cli $WASM_BINDGEN_VERSION"
  # Not --locked: one of its locked dependencies is not served by the registry.
  cargo install wasm-bindgen-cli --version "$WASM_BINDGEN_VERSION" --force
fi

if ! wasm-opt --version 2>/dev/null | grep -q "version $BINARYEN_VERSION"; then
  say "installing wasm-opt (binaryen $BINARYEN_VERSION from npm)"
  npm install -g "binaryen@$BINARYEN_VERSION" >/dev/null
fi

# terser, which scripts/harden.mjs uses to minify the JS (scripts/package.json).
if [ ! -d scripts/node_modules/terser ] || [ scripts/package.json -nt scripts/node_modules ]; then
  say "installing the build's node packages"
  (cd scripts && npm ci --no-audit --no-fund >/dev/null && touch node_modules)
fi

if [ "${1:-}" = "--test" ]; then
  if ! command -v chromium >/dev/null || ! command -v chromedriver >/dev/null; then
    say "installing Chromium and chromedriver"
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq
    apt-get install -y -qq chromium chromium-driver >/dev/null
  fi
  # The servers docs/deploying.md configures (examples/deploy/), and openssl
  # for the throwaway certificate of `nginx -t` (nginx is in /usr/sbin,
  # which may not be on a user's PATH).
  have() { command -v "$1" >/dev/null || [ -x "/usr/sbin/$1" ]; }
  if ! have nginx || ! have caddy || ! have openssl; then
    say "installing nginx, Caddy and openssl"
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq
    apt-get install -y -qq nginx caddy openssl >/dev/null
    # The test starts its own servers on loopback ports; where systemd runs,
    # the packages' services would otherwise serve port 80.
    if [ -d /run/systemd/system ]; then
      systemctl disable --now nginx caddy >/dev/null 2>&1 || true
    fi
  fi
  if [ -f tests/browser/package.json ]; then
    if [ ! -d tests/browser/node_modules ] || [ tests/browser/package.json -nt tests/browser/node_modules ]; then
      say "installing the browser tests' node packages"
      (cd tests/browser && npm install --no-audit --no-fund >/dev/null && touch node_modules)
    fi
  fi
fi
say "ready"
