#!/usr/bin/env bash
# What a large training fleet costs while nobody touches it: the release binary in tmux,
# CPU from /proc/PID/stat over a window after start-up (ARCHITECTURE "Idle is idle").
# Usage: scripts/idle-fleet.sh [SERVERS] [SPEED] [SECONDS]   (needs tmux; default 50000 10 30)
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/idle-lib.sh
servers=${1:-50000}
speed=${2:-10}
seconds=${3:-30}
cargo build --release --quiet
sock="healthdeck-idle-fleet-$$"
dir=$(mktemp -d)
trap 'tmux -L "$sock" kill-server 2>/dev/null || true; rm -rf "$dir"' EXIT
quiet_fleet "$servers" "$dir/fleet.yaml"
{ read -r cpu; read -r peak; } < <(idle_cpu "$sock" "$PWD/target/release/healthdeck" \
  "$dir/fleet.yaml" "$speed" "$seconds" "$dir" "$servers")
echo "$servers servers at x$speed, over $seconds s: CPU $cpu % of one core"
echo "$peak"
