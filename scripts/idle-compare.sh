#!/usr/bin/env bash
# Two builds' idle CPU on the same quiet fleet, measured alternately: this VM's figures drift
# with its host, so only runs interleaved in one window compare (BENCHMARKS "Idle training
# fleet"). Usage: scripts/idle-compare.sh OLD_BINARY NEW_BINARY [ROUNDS] [SECONDS] [SERVERS]
set -euo pipefail
old=$1 new=$2 rounds=${3:-3} seconds=${4:-30} servers=${5:-50000}
sock="healthdeck-idle-compare-$$"
dir=$(mktemp -d)
trap 'tmux -L "$sock" kill-server 2>/dev/null || true; rm -rf "$dir"' EXIT
awk -v n="$servers" 'BEGIN {
  print "name: idle-fleet"; print "title: A quiet training fleet"; print "fleet:"
  for (i = 0; i < n; i++) {
    role = (i % 2 == 0) ? "cas" : "mailbox"
    printf "  - { name: %s-%06d, role: %s, site: S%d }\n", substr(role, 1, 3), i, role, int(i / 100)
  }
}' > "$dir/fleet.yaml"
hz=$(getconf CLK_TCK)
for round in $(seq 1 "$rounds"); do
  for which in old new; do
    binary=$old
    [ "$which" = new ] && binary=$new
    rm -rf "$dir/state" && mkdir "$dir/state"
    tmux -L "$sock" -f /dev/null -u new-session -d -s idle -x 120 -y 36 \
      "env LANG=C.UTF-8 XDG_STATE_HOME=$dir/state $binary --scenario $dir/fleet.yaml --speed 10"
    for _ in $(seq 1 600); do
      tmux -L "$sock" capture-pane -p -t idle | grep -q "$servers servers" && break
      sleep 0.1
    done
    sleep 8
    pid=$(tmux -L "$sock" display -p -t idle '#{pane_pid}')
    before=$(awk '{print $14 + $15}' "/proc/$pid/stat")
    start=$(date +%s.%N)
    sleep "$seconds"
    after=$(awk '{print $14 + $15}' "/proc/$pid/stat")
    end=$(date +%s.%N)
    awk -v w="$which" -v r="$round" -v t=$((after - before)) -v hz="$hz" -v a="$start" -v b="$end" \
      'BEGIN { printf "round %s %s x10: CPU %.2f %% of one core\n", r, w, 100 * t / hz / (b - a) }'
    tmux -L "$sock" kill-server
  done
done
