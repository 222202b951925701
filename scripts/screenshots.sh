#!/usr/bin/env bash
# Regenerates screenshots/*.svg from the real binary, driven in tmux.
# Usage: scripts/screenshots.sh   (needs tmux and python3)
set -euo pipefail
cd "$(dirname "$0")/.."
cargo build --release --quiet
bin=$PWD/target/release/healthdeck
sock="healthdeck-shots-$$"
homes=()
trap 'tmux -L "$sock" kill-server 2>/dev/null || true; rm -rf "${homes[@]}"' EXIT

fresh_home() { # fresh_home VAR: a new empty HOME (removed at exit), so that help shows the
  # log as ~/.local/state/…, not a machine's path
  local dir
  dir=$(mktemp -d)
  homes+=("$dir")
  printf -v "$1" '%s' "$dir"
}

console() { # console COLS ROWS HOME ARGS…: a fresh tmux session running the binary as alice
  local cols=$1 rows=$2 dir=$3
  shift 3
  tmux -L "$sock" kill-server 2>/dev/null || true
  tmux -L "$sock" -u new-session -d -s shot -x "$cols" -y "$rows" \
    "env -u XDG_STATE_HOME HOME=$dir LANG=C.UTF-8 TERM=xterm-256color USER=alice $bin $*"
}
fresh_home home

wait_for() { # wait_for REGEX: poll the pane until it matches (90 s at most)
  for _ in $(seq 1 900); do
    tmux -L "$sock" capture-pane -p -t shot | grep -qE -- "$1" && return 0
    sleep 0.1
  done
  echo "screenshots: '$1' never appeared" >&2
  exit 1
}

shoot() { # shoot NAME COLS ROWS
  tmux -L "$sock" capture-pane -e -p -t shot | python3 scripts/ansi2svg.py "$2" "$3" > "screenshots/$1.svg"
  echo "screenshots/$1.svg"
}

for size in 120x36 80x24; do
  cols=${size%x*}
  rows=${size#*x}
  console "$cols" "$rows" "$home"
  # Both incidents of the default scenario: cas-02 (CTP) and mbx-02 (back end).
  wait_for "cas-02 .*(Unhealthy|UNHL)"
  wait_for "mbx-02 .*(Unhealthy|UNHL)"
  shoot "grid-$size" "$cols" "$rows"
  tmux -L "$sock" send-keys -t shot n n Enter
  wait_for "related health sets"
  shoot "drill-down-$size" "$cols" "$rows"
  # The drill-down selected the failing monitor: Enter opens its runbook; run two steps.
  tmux -L "$sock" send-keys -t shot Enter
  wait_for "(▸|>) next"
  tmux -L "$sock" send-keys -t shot Enter
  wait_for "#1 (ran|succeeded) in"
  tmux -L "$sock" send-keys -t shot Enter
  wait_for "#2 (ran|succeeded) in"
  shoot "runbook-$size" "$cols" "$rows"
  tmux -L "$sock" send-keys -t shot Escape Escape '?'
  wait_for "Keys"
  shoot "help-$size" "$cols" "$rows"
  tmux -L "$sock" send-keys -t shot Escape q

# What is owed outlives the walk: the failover on mbx-02 done (only a server restart heals
# this copy of the scenario), the walk left with `l`, the drill-down lists the debt.
fresh_home home3
sed 's/healed_by: restart_service/healed_by: restart_server/' scenarios/imap-backend-down.yaml \
  > "$home3/stubborn.yaml"
console 80 24 "$home3" --scenario $home3/stubborn.yaml --speed 60
wait_for "mbx-02 .*(Unhealthy|UNHL)"
tmux -L "$sock" send-keys -t shot n n Enter
wait_for "related health sets"
tmux -L "$sock" send-keys -t shot Enter
for _ in $(seq 1 12); do
  wait_for "(▸|>) next|confirm a destructive step"
  if tmux -L "$sock" capture-pane -p -t shot | grep -q "confirm a destructive step"; then
    break
  fi
  tmux -L "$sock" send-keys -t shot Enter
  sleep 1
done
tmux -L "$sock" send-keys -t shot -l mbx-02
tmux -L "$sock" send-keys -t shot Enter
wait_for "OWED"
wait_for "(▸|>) next"
tmux -L "$sock" send-keys -t shot Escape
wait_for "leaving half-way"
shoot "owed-leave-80x24" 80 24
tmux -L "$sock" send-keys -t shot l
wait_for "u runs it"
shoot "owed-drill-down-80x24" 80 24
tmux -L "$sock" send-keys -t shot q
done

# After an SSH drop, the next console opens on what ended meanwhile. The record a hang-up
# leaves (its format: src/incident/entry.rs) is written here rather than by a real drop.
fresh_home home2
incidents=$home2/.local/state/healthdeck/incidents
mkdir -p "$incidents"
cat > "$incidents/20261122T031200Z-ops-01-4242.jsonl" <<'RECORD'
{"at":"2026-11-22T03:12:00.000Z","kind":"session","schema":"healthdeck.incident/1","version":"0.1.0","user":"alice","host":"ops-01","pid":4242,"ssh_connection":"10.1.2.3 50122 10.1.0.5 22","mode":"PRODUCTION contoso-mail","dry_run":false,"read_only":false,"language":"en"}
{"at":"2026-11-22T03:14:05.120Z","kind":"step_started","run":3,"procedure":"imap-deep-self","step":"restart-back-end","title":"Restart the IMAP4 back-end service","server":"mbx-02","action":"restart_service","command":"ssh mbx-02: systemctl restart dovecot","by":"alice","compensating":false}
{"at":"2026-11-22T03:14:09.480Z","kind":"hangup","policy":"finish","running":[3]}
{"at":"2026-11-22T03:14:41.530Z","kind":"step_ended","run":3,"exit":"succeeded","code":0,"duration_ms":36410,"facts":{},"note":null}
{"at":"2026-11-22T03:14:41.600Z","kind":"session_ended","reason":"hangup (SIGHUP)","left_running":[]}
RECORD
console 80 24 "$home2"
wait_for "While nobody was watching"
shoot "hangup-report-80x24" 80 24
tmux -L "$sock" send-keys -t shot Escape q


# Exchange's own verdict through a stand-in pwsh (tests/fixtures/exchange/pwsh answers from
# files beside it): ex-01 with ImapProxy taken offline, ex-02's session failing.
fresh_home home4
cp tests/fixtures/exchange/pwsh "$home4/pwsh"
cp tests/fixtures/exchange/pwsh7-proxy-offline.json "$home4/ex-01.json"
cp tests/fixtures/exchange/session.fail "$home4/ex-02.fail"
cat > "$home4/fleet.yaml" <<INVENTORY
name: contoso-exchange
platform: exchange
pwsh: { session_host: ex-mgmt, program: $home4/pwsh }
health:
  managed_availability: { interval: 60s, timeout: 30s }
servers:
  - { name: ex-01, role: both, site: DAG1 }
  - { name: ex-02, role: both, site: DAG1 }
INVENTORY
console 80 24 "$home4" --inventory $home4/fleet.yaml
wait_for "ex-01 .*IMAP OFF"
wait_for "ex-02 .*UNKN"
tmux -L "$sock" send-keys -t shot Right Enter
wait_for "ImapProxy Inactive"
shoot "exchange-drill-down-80x24" 80 24
tmux -L "$sock" send-keys -t shot q

# A drill day: the default drill walked at 80x24 to its debrief, then its record replayed at
# 120x36, at its end and stepped back into the walk.
fresh_home home5
console 80 24 "$home5" --speed 60 drill
wait_for "mbx-02 .*UNHL"
tmux -L "$sock" send-keys -t shot j j j j l l Enter
wait_for "related health sets"
tmux -L "$sock" send-keys -t shot Enter
for _ in $(seq 1 20); do
  wait_for "(▸|>) next|Drill debrief"
  if tmux -L "$sock" capture-pane -p -t shot | grep -q "Drill debrief"; then
    break
  fi
  tmux -L "$sock" send-keys -t shot Enter
  sleep 1
done
wait_for "q quits"
shoot "drill-debrief-80x24" 80 24
tmux -L "$sock" send-keys -t shot q
record=$(ls "$home5"/.local/state/healthdeck/incidents/*.jsonl)
console 120 36 "$home5" replay $record
wait_for "REPLAY"
tmux -L "$sock" send-keys -t shot G
wait_for "paused"
for _ in $(seq 1 60); do # back into the walk, to a step still running
  tmux -L "$sock" capture-pane -p -t shot | grep -q "  running" && break
  tmux -L "$sock" send-keys -t shot h
  sleep 0.2
done
shoot "replay-120x36" 120 36
tmux -L "$sock" send-keys -t shot q

# Another language: mbx-02's runbook walked in Japanese at 80x24 (it waits on the first
# step's note), and the Korean grid at 120x36.
fresh_home home6
console 80 24 "$home6" --speed 60 --lang ja
wait_for "mbx-02 .*異常"
tmux -L "$sock" send-keys -t shot j j j j l l Enter
wait_for "ImapSelfTestMonitor"
tmux -L "$sock" send-keys -t shot Enter
wait_for "▸ 次に実行"
tmux -L "$sock" send-keys -t shot Enter
wait_for "#1 .*秒）" # the step's note once it has ended
shoot "runbook-ja-80x24" 80 24
tmux -L "$sock" send-keys -t shot Escape q
fresh_home home7 # a fresh console: no hang-up report from the last one
console 120 36 "$home7" --speed 60 --lang ko
wait_for "mbx-02 .*비정상"
shoot "grid-ko-120x36" 120 36
tmux -L "$sock" send-keys -t shot q
