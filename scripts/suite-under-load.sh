#!/usr/bin/env bash
# The whole suite under load: ROUNDS rounds, each running every test binary in PARALLEL
# streams at once (two by default, on a 2-core machine that is twice the load), so race
# windows show. Prints each stream's passed/failed totals and exits non-zero on a failure.
# Usage: scripts/suite-under-load.sh [ROUNDS] [PARALLEL]      (default 3 2)
set -euo pipefail
cd "$(dirname "$0")/.."
rounds=${1:-3}
parallel=${2:-2}
# Build once; then run the binaries themselves (cargo would serialize on its lock).
mapfile -t binaries < <(cargo test --lib --bins --tests --no-run --message-format=json 2>/dev/null |
  python3 -c 'import json,sys
for line in sys.stdin:
    m = json.loads(line)
    if m.get("reason") == "compiler-artifact" and m.get("executable") and m["profile"]["test"]:
        print(m["executable"])')
logs=$(mktemp -d)
trap 'rm -rf "$logs"' EXIT
failed=0
for round in $(seq 1 "$rounds"); do
  pids=()
  for stream in $(seq 1 "$parallel"); do
    (
      for binary in "${binaries[@]}"; do
        "$binary" --test-threads="$(nproc)" 2>&1 || true
      done
    ) >"$logs/$round-$stream.log" &
    pids+=($!)
  done
  wait "${pids[@]}"
  for stream in $(seq 1 "$parallel"); do
    log="$logs/$round-$stream.log"
    summary=$(awk '/^test result:/ { p += $4; f += $6 } END { printf "%d passed, %d failed", p, f }' "$log")
    echo "round $round, stream $stream: $summary"
    if grep -q '^test result: FAILED' "$log"; then
      failed=1
      grep -E '^test .* FAILED$|panicked at' "$log" | head -20
    fi
  done
done
exit "$failed"
