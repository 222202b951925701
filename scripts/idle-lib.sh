# Shared by idle-fleet.sh and idle-compare.sh (sourced, not run): a quiet scenario and one
# measurement of a console idling on it (ARCHITECTURE "Idle is idle").

# quiet_fleet SERVERS FILE: half CAS, half Mailbox, 100 servers a site; no faults.
quiet_fleet() {
  awk -v n="$1" 'BEGIN {
    print "name: idle-fleet"; print "title: A quiet training fleet"; print "fleet:"
    for (i = 0; i < n; i++) {
      role = (i % 2 == 0) ? "cas" : "mailbox"
      printf "  - { name: %s-%06d, role: %s, site: S%d }\n", substr(role, 1, 3), i, role, int(i / 100)
    }
  }' > "$2"
}

# idle_cpu SOCKET BINARY SCENARIO SPEED SECONDS STATE_DIR SERVERS: the binary in tmux
# (120x36); start-up (parse, first probe round) is not idle, so wait for the grid, one
# probe round and 8 s more, then CPU from /proc/PID/stat over SECONDS. Prints the percentage of one core, then
# the peak memory; leaves the tmux server to the caller.
idle_cpu() {
  local sock=$1 binary=$2 scenario=$3 speed=$4 seconds=$5 state=$6 servers=$7
  tmux -L "$sock" -f /dev/null -u new-session -d -s idle -x 120 -y 36 \
    "env LANG=C.UTF-8 XDG_STATE_HOME=$state $binary --scenario $scenario --speed $speed"
  local shown=no
  for _ in $(seq 1 600); do
    if tmux -L "$sock" capture-pane -p -t idle 2>/dev/null | grep -q "$servers servers"; then
      shown=yes
      break
    fi
    sleep 0.1
  done
  if [ "$shown" = no ]; then
    echo "idle_cpu: the console never showed its $servers servers" >&2
    return 1
  fi
  # Idle means after the first probe round, which takes one 60 s interval of fleet time
  # (and redraws as every monitor turns from Unknown to Healthy): 6 s at x10, 60 s at x1.
  sleep "$(awk -v s="$speed" 'BEGIN { printf "%d", 8 + 60 / s }')"
  local pid hz before after start end
  pid=$(tmux -L "$sock" display -p -t idle '#{pane_pid}')
  hz=$(getconf CLK_TCK)
  before=$(awk '{print $14 + $15}' "/proc/$pid/stat")
  start=$(date +%s.%N)
  sleep "$seconds"
  after=$(awk '{print $14 + $15}' "/proc/$pid/stat")
  end=$(date +%s.%N)
  awk -v t=$((after - before)) -v hz="$hz" -v a="$start" -v b="$end" \
    'BEGIN { printf "%.2f\n", 100 * t / hz / (b - a) }'
  grep VmHWM "/proc/$pid/status"
}
