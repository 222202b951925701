#!/usr/bin/env bash
# Two builds' idle CPU on the same quiet fleet, measured alternately: this VM's figures drift
# with its host, so only runs interleaved in one window compare (BENCHMARKS "Idle training
# fleet"). Usage: scripts/idle-compare.sh OLD_BINARY NEW_BINARY [ROUNDS] [SECONDS] [SERVERS]
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/idle-lib.sh
old=$1 new=$2 rounds=${3:-3} seconds=${4:-30} servers=${5:-50000}
dir=$(mktemp -d)
sock=healthdeck-idle-compare-$$
trap 'tmux -L "$sock" kill-server 2>/dev/null || true; rm -rf "$dir"' EXIT
quiet_fleet "$servers" "$dir/fleet.yaml"
for round in $(seq 1 "$rounds"); do
  for which in old new; do
    binary=$old
    [ "$which" = new ] && binary=$new
    rm -rf "$dir/state" && mkdir "$dir/state"
    # A fresh tmux server each time: a new session on a server still shutting down fails.
    sock="healthdeck-idle-compare-$$-$round-$which"
    measured=$(idle_cpu "$sock" "$binary" "$dir/fleet.yaml" 10 "$seconds" "$dir/state" "$servers")
    cpu=${measured%%$'\n'*}
    echo "round $round $which x10: CPU $cpu % of one core"
    tmux -L "$sock" kill-server
  done
done
