#!/usr/bin/env bash
# Writes the FHIR Questionnaire generated from the question table
# (examples/questionnaire.rs) to OUT/fhir/questionnaire.json and, beside the
# engine module, OUT/engine/questionnaire.json. Never written by hand.
#   scripts/build-fhir.sh [OUT]
# Run by Trunk after every build (scripts/post-build.sh).
set -euo pipefail
cd "$(dirname "$0")/.."
out=${1:-${TRUNK_STAGING_DIR:-dist}}
# Natively, engine only, in its own target dir (the page and the tests build
# other features).
CARGO_TARGET_DIR=${CARGO_TARGET_DIR:-target}/fhir cargo run --quiet --release --example questionnaire \
  --no-default-features -- "$out/fhir/questionnaire.json" "$out/engine/questionnaire.json"
