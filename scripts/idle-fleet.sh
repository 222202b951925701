#!/usr/bin/env bash
# What a large training fleet costs while nobody touches it: the release binary in tmux,
# CPU from /proc/PID/stat over a window after start-up (ARCHITECTURE "Idle is idle").
# Usage: scripts/idle-fleet.sh [SERVERS] [SPEED] [SECONDS]   (needs tmux; default 50000 10 30)
set -euo pipefail
cd "$(dirname "$0")/.."
servers=${1:-50000}
speed=${2:-10}
seconds=${3:-30}
cargo build --release --quiet
sock="healthdeck-idle-fleet-$$"
dir=$(mktemp -d)
trap 'tmux -L "$sock" kill-server 2>/dev/null || true; rm -rf "$dir"' EXIT
# Half CAS, half Mailbox, 100 servers a site; no faults: a quiet fleet.
awk -v n="$servers" 'BEGIN {
  print "name: idle-fleet"; print "title: A quiet training fleet"; print "fleet:"
  for (i = 0; i < n; i++) {
    role = (i % 2 == 0) ? "cas" : "mailbox"
    printf "  - { name: %s-%06d, role: %s, site: S%d }\n", substr(role, 1, 3), i, role, int(i / 100)
  }
}' > "$dir/fleet.yaml"
tmux -L "$sock" -f /dev/null -u new-session -d -s idle -x 120 -y 36 \
  "env LANG=C.UTF-8 XDG_STATE_HOME=$dir $PWD/target/release/healthdeck --scenario $dir/fleet.yaml --speed $speed"
# Start-up (parse, first probe round) is not idle: wait for the grid, then a little more.
for _ in $(seq 1 600); do
  tmux -L "$sock" capture-pane -p -t idle | grep -q "$servers servers" && break
  sleep 0.1
done
sleep 10
pid=$(tmux -L "$sock" display -p -t idle '#{pane_pid}')
hz=$(getconf CLK_TCK)
before=$(awk '{print $14 + $15}' "/proc/$pid/stat")
start=$(date +%s.%N)
sleep "$seconds"
after=$(awk '{print $14 + $15}' "/proc/$pid/stat")
end=$(date +%s.%N)
awk -v t=$((after - before)) -v hz="$hz" -v a="$start" -v b="$end" -v n="$servers" -v x="$speed" 'BEGIN {
  printf "%d servers at x%s, over %.1f s: CPU %.2f %% of one core\n", n, x, b - a, 100 * t / hz / (b - a) }'
grep VmHWM "/proc/$pid/status"
