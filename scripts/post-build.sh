#!/usr/bin/env bash
# Trunk's post_build hook (Trunk.toml), on its staging dir, in this order
# (Trunk runs the hooks of one stage concurrently, so they are one hook):
#   1. scripts/build-engine.sh   the engine alone into engine/
#   2. scripts/build-fhir.sh     the FHIR Questionnaire into fhir/ and engine/
#   3. scripts/harden.mjs        the CSP, the loader file, relative URLs,
#                                integrity checks; fails the build when
#                                Trunk's output is not what it expects
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/build-engine.sh "${TRUNK_STAGING_DIR:-dist}"
bash scripts/build-fhir.sh "${TRUNK_STAGING_DIR:-dist}"
node scripts/harden.mjs "${TRUNK_STAGING_DIR:-dist}"
