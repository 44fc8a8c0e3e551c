#!/usr/bin/env bash
# Serves the questionnaire on http://127.0.0.1:8080/ (release build), after
# installing whatever is missing. Stop with Ctrl-C.
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$HOME/.cargo/bin:$PATH"
scripts/setup.sh
# No auto-reload: its websocket would be a request the page itself never makes.
exec trunk serve --release --offline --no-autoreload --address 127.0.0.1 --port "${PORT:-8080}"
