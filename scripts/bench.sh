#!/usr/bin/env bash
# The bench, in one command: builds the release page and prints its sizes,
# the engine's native `evaluate` time (criterion) and the page's figures in
# headless Chromium next to the floor page's (tests/bench/floor.html), each
# with its target. See docs/bench.md for what each figure means.
#   scripts/bench.sh
# Environment:
#   BENCH_DIST=DIR        where the page is built (default $CARGO_TARGET_DIR/bench-dist,
#                         else target/bench-dist; never dist/)
#   BENCH_SKIP_BUILD=1    use the page already built in BENCH_DIST
#   BENCH_SKIP_NATIVE=1   no criterion run (the slowest part, for quick runs)
#   BENCH_SKIP_BROWSER=1  no browser loads
#   BENCH_LOADS=N         cold loads of each page (default 15); BENCH_WARMUP=N discarded first (1)
#   BENCH_JSON=DIR        also write sizes.json, native.json, browser.json (raw samples) there
#   BENCH_STRICT=1        exit 3 when a target is missed (default: print it, exit 0)
# Timings depend on the machine and its load (printed first): run it on a
# quiet machine. Nothing here is a test.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)

scripts/setup.sh --test
export PATH="$HOME/.cargo/bin:$PATH"

target=${CARGO_TARGET_DIR:-target}
dist=${BENCH_DIST:-$target/bench-dist}
json=${BENCH_JSON:-}
missed=()

section() { printf '\n== %s ==\n\n' "$*"; }
json_arg() { if [ -n "$json" ]; then mkdir -p "$json" && printf -- '--json\n%s/%s\n' "$json" "$1"; fi; }
# Runs a report; exit 3 = a target missed (noted), anything else non-zero = broken.
report() {
  local name=$1
  shift
  local rc=0
  "$@" || rc=$?
  if [ "$rc" -eq 3 ]; then
    missed+=("$name")
  elif [ "$rc" -ne 0 ]; then
    echo "bench: $name failed (exit $rc)" >&2
    exit "$rc"
  fi
}

printf 'misle-check bench, %s, commit %s%s\n' "$(date -u +%Y-%m-%dT%H:%MZ)" \
  "$(git rev-parse --short HEAD 2>/dev/null || echo '?')" \
  "$(git diff --quiet HEAD -- src Cargo.toml Cargo.lock index.html style Trunk.toml 2>/dev/null || echo ' (working tree differs)')"
printf 'machine: %s cores, load average %s (1, 5, 15 min)\n' "$(nproc)" "$(cut -d' ' -f1-3 /proc/loadavg)"

if [ -z "${BENCH_SKIP_BUILD:-}" ]; then
  section "build: trunk build --release --offline --dist $dist"
  case "$(cd "$(dirname "$dist")" 2>/dev/null && pwd)/$(basename "$dist")" in
    "$root/dist") echo "bench: BENCH_DIST must not be dist/" >&2; exit 2 ;;
  esac
  mkdir -p "$target"
  if ! trunk build --release --offline --dist "$dist" >"$target/bench-trunk.log" 2>&1; then
    cat "$target/bench-trunk.log" >&2
    exit 1
  fi
  grep -E 'success|finished' "$target/bench-trunk.log" | tail -n 2 || true
fi
if [ ! -f "$dist/index.html" ]; then
  echo "bench: no built page in $dist" >&2
  exit 2
fi

section "sizes: $dist (KB = 1024 B)"
mapfile -t extra < <(json_arg sizes.json)
report sizes node tests/bench/sizes.mjs "$dist" "${extra[@]}"

if [ -z "${BENCH_SKIP_NATIVE:-}" ]; then
  section "native evaluate: cargo bench --no-default-features --bench evaluate (criterion)"
  since=$(($(date +%s) * 1000 - 1000))
  cargo bench --no-default-features --bench evaluate >"$target/bench-criterion.log" 2>&1 || {
    cat "$target/bench-criterion.log" >&2
    exit 1
  }
  mapfile -t extra < <(json_arg native.json)
  report native node tests/bench/criterion.mjs "$target" "$since" "${extra[@]}"
fi

if [ -z "${BENCH_SKIP_BROWSER:-}" ]; then
  section "browser: our page vs the floor page (tests/bench/floor.html)"
  mapfile -t extra < <(json_arg browser.json)
  report browser node tests/bench/browser-bench.mjs "$dist" "${extra[@]}"
fi

echo
if [ "${#missed[@]}" -eq 0 ]; then
  echo "bench: every target met"
else
  echo "bench: targets missed in: ${missed[*]}"
  if [ -n "${BENCH_STRICT:-}" ]; then exit 3; fi
fi
