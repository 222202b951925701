#!/usr/bin/env bash
# What the console costs while an engineer just watches: CPU, peak memory, and bytes sent
# to the terminal (what a slow SSH link must carry), on the default training scenario.
# Usage: scripts/idle-cost.sh [SECONDS]   (needs tmux)
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${1:-60}
cargo build --release --quiet
sock="healthdeck-idle-$$"
out=$(mktemp)
state=$(mktemp -d)
trap 'tmux -L "$sock" kill-server 2>/dev/null || true; rm -rf "$out" "$state"' EXIT
tmux -L "$sock" -f /dev/null -u new-session -d -s idle -x 80 -y 24 \
  "env LANG=C.UTF-8 XDG_STATE_HOME=$state $PWD/target/release/healthdeck"
sleep 30 # past start-up and into the scenario's incident
pid=$(tmux -L "$sock" display -p -t idle '#{pane_pid}')
hz=$(getconf CLK_TCK)
before=$(awk '{print $14 + $15}' "/proc/$pid/stat")
tmux -L "$sock" pipe-pane -t idle "cat > $out"
sleep "$seconds"
tmux -L "$sock" pipe-pane -t idle
after=$(awk '{print $14 + $15}' "/proc/$pid/stat")
bytes=$(wc -c < "$out")
awk -v t=$((after - before)) -v hz="$hz" -v s="$seconds" -v b="$bytes" 'BEGIN {
  printf "over %d s: CPU %.2f %% of one core, %d bytes to the terminal (%.0f B/s)\n", s, 100 * t / hz / s, b, b / s }'
grep VmHWM "/proc/$pid/status"
