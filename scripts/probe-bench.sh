#!/usr/bin/env bash
# Probe cost, healthdeck vs the floor (a minimal blocking client doing the same dialogue
# with the same rustls, benches/probes/floor.rs, built by cargo with the bench), Nagios'
# check_imap/check_pop, prometheus-blackbox-exporter and `healthdeck agent` (the binary cargo
# builds with the bench, driven over HTTP as the exporter is), against a private Dovecot (see
# benches/probes.rs and BENCHMARKS.md). Installs the peers and the test server from
# Debian's packages (as root), then runs the benchmark; rows take turns in every round.
# Usage: scripts/probe-bench.sh
#   (PROBE_BENCH_PROBES / PROBE_BENCH_ROUNDS / PROBE_BENCH_ONLY pass through)
set -euo pipefail
cd "$(dirname "$0")/.."
packages=(dovecot-imapd dovecot-pop3d openssl monitoring-plugins-basic prometheus-blackbox-exporter)
missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
done
if ((${#missing[@]})); then
  sudo=""
  [[ $(id -u) -eq 0 ]] || sudo="sudo"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -q "${missing[@]}"
fi
# The package starts an exporter of its own where systemd runs; this one uses its own port.
exec cargo bench --bench probes
