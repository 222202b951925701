#!/usr/bin/env bash
# Every check, on a fresh Debian machine: installs what the tests need (tmux for the
# end-to-end tests; Dovecot and the openssl CLI for the probe tests, which start a private
# Dovecot on ephemeral loopback ports; OpenSSH for the ssh transport's, a private sshd;
# groff for the man page's; Prometheus' promtool and Alertmanager's amtool for the exported
# rules and their unit tests),
# then format, lints and all tests. CI runs exactly this.
set -euo pipefail
shopt -s inherit_errexit 2>/dev/null || true
cd "$(dirname "$0")/.."

missing=()
command -v tmux >/dev/null 2>&1 || missing+=(tmux)
command -v openssl >/dev/null 2>&1 || missing+=(openssl)
# The protocol binaries, not just `dovecot` (in /usr/sbin, off a normal user's PATH).
[ -x /usr/lib/dovecot/imap ] || missing+=(dovecot-imapd)
[ -x /usr/lib/dovecot/pop3 ] || missing+=(dovecot-pop3d)
# The ssh transport's tests start a private sshd on loopback and drive it with ssh.
[ -x /usr/sbin/sshd ] || missing+=(openssh-server)
command -v ssh >/dev/null 2>&1 || missing+=(openssh-client)
# The man page's test formats it with every warning on.
command -v groff >/dev/null 2>&1 || missing+=(groff-base)
# `healthdeck export prometheus` is checked by the real tools: promtool (in prometheus)
# checks the config and rules and runs their unit tests; amtool checks the route.
command -v promtool >/dev/null 2>&1 || missing+=(prometheus)
command -v prometheus-alertmanager >/dev/null 2>&1 || missing+=(prometheus-alertmanager)
if [ ${#missing[@]} -gt 0 ]; then
  sudo=""
  [ "$(id -u)" -eq 0 ] || sudo="sudo"
  echo "test.sh: installing ${missing[*]}"
  $sudo apt-get update -q
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -q --no-install-recommends "${missing[@]}"
fi
for component in rustfmt clippy; do
  rustup component list --installed 2>/dev/null | grep -q "^$component" || rustup component add "$component"
done

cargo fmt --check
cargo clippy --all-targets -- -D warnings
# Library, binary and integration tests (no doc tests: the docs carry no examples).
log=$(mktemp)
trap 'rm -f "$log"' EXIT
cargo test --lib --bins --tests 2>&1 | tee "$log"
# One closing line for the whole run.
awk '/^test result:/ { p += $4; f += $6 } END { printf "total: %d passed, %d failed\n", p, f }' "$log"
