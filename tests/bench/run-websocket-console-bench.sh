#!/usr/bin/env bash
# Benchmarks the console WebSocket on this machine: qbmc with a socat pseudo-terminal pair as the
# host's serial port (unthrottled, so the figures are qbmc's and the client's, not a baud rate's),
# python3-websockets as the client over TLS, all on loopback. Prints a Markdown table.
#   tests/bench/run-websocket-console-bench.sh [MIB] [KEYS]
# QBMC=path/to/qbmc measures that binary instead of building the default preset (an ASan build
# measures the sanitizer too).
set -euo pipefail
cd "$(dirname "$0")/../.."
mib=${1:-4}
keys=${2:-300}
. tests/bench/bench-daemon.sh
qbmc_binary
ipmi_port=$(free_port SOCK_DGRAM)
redfish_port=$(free_port SOCK_STREAM)

socat pty,raw,echo=0,link="$work/ttyBMC" pty,raw,echo=0,link="$work/ttyHOST" &
pids+=($!)
for _ in $(seq 50); do [ -e "$work/ttyHOST" ] && break; sleep 0.1; done
printf 'ipmi:\n  port: %s\n  sol:\n    device: %s\nredfish:\n  port: %s\n' "$ipmi_port" "$work/ttyBMC" "$redfish_port" \
    >"$work/qbmc.yaml"
start_qbmc "$work/qbmc.yaml"

echo "| measurement | amount | figure | |"
echo "|---|---|---|---|"
env -u REQUESTS_CA_BUNDLE -u CURL_CA_BUNDLE /usr/bin/python3 tests/bench/websocket_console_bench.py \
    "$redfish_port" admin "$password" "$work/ttyHOST" "$mib" "$keys"
echo
grep -o "console WebSocket of .*" "$work/qbmc.log" | tail -n 1
echo "qbmc RSS after the run: $(awk '/VmRSS/ {printf "%.1f MiB", $2 / 1024}' /proc/$qbmc_pid/status)"
