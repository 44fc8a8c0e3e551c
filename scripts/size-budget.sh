#!/usr/bin/env bash
# Fails when the built page is over its gzip budget. Sizes are deterministic
# for a given build, so this is a check, not a benchmark.
#   scripts/size-budget.sh DIST [BUDGET_KB]
set -euo pipefail
dist=${1:-dist}
budget_kb=${2:-150}
total=0
for f in "$dist"/*.html "$dist"/*.js "$dist"/*.wasm "$dist"/*.css; do
  [ -f "$f" ] || continue
  size=$(gzip -9 -c "$f" | wc -c)
  printf '%8d B gzip  %s\n' "$size" "$(basename "$f")"
  total=$((total + size))
done
printf '%8d B gzip  total (budget %d KB)\n' "$total" "$budget_kb"
if [ "$total" -gt $((budget_kb * 1024)) ]; then
  echo "size budget exceeded" >&2
  exit 1
fi
