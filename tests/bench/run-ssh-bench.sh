#!/usr/bin/env bash
# Benchmarks the SSH console on this machine: qbmc with a socat pseudo-terminal pair as the host's
# serial port (unthrottled, so the figures are qbmc's and OpenSSH's, not a baud rate's), ssh as
# the client, all on loopback. Prints a Markdown table, as run-sol-bench.sh does for SoL.
#   tests/bench/run-ssh-bench.sh [MIB] [KEYS]
# QBMC=path/to/qbmc measures that binary instead of building the default preset (an ASan build
# measures the sanitizer too).
set -euo pipefail
cd "$(dirname "$0")/../.."
mib=${1:-16}
keys=${2:-300}
. tests/bench/bench-daemon.sh
qbmc_binary
ipmi_port=$(free_port SOCK_DGRAM)
redfish_port=$(free_port SOCK_STREAM)
ssh_port=$(free_port SOCK_STREAM)

socat pty,raw,echo=0,link="$work/ttyBMC" pty,raw,echo=0,link="$work/ttyHOST" &
pids+=($!)
for _ in $(seq 50); do [ -e "$work/ttyHOST" ] && break; sleep 0.1; done
printf 'ipmi:\n  port: %s\n  sol:\n    device: %s\nredfish:\n  port: %s\n  listen: 127.0.0.1\nssh:\n  port: %s\n  listen: 127.0.0.1\n' \
    "$ipmi_port" "$work/ttyBMC" "$redfish_port" "$ssh_port" >"$work/qbmc.yaml"
start_qbmc "$work/qbmc.yaml" --headless

echo "| measurement | amount | figure | |"
echo "|---|---|---|---|"
/usr/bin/python3 tests/bench/ssh_bench.py "$ssh_port" admin "$password" "$work/ttyHOST" "$mib" "$keys"
echo
grep -o "Negotiated [^,]*,[^,]*,[^,]*" "$work/qbmc.log" | head -n 1 || true
echo "qbmc RSS after the run: $(awk '/VmRSS/ {printf "%.1f MiB", $2 / 1024}' /proc/$qbmc_pid/status)"
