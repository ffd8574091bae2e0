#!/usr/bin/env bash
# Benchmarks Serial-over-LAN on this machine: qbmc with a socat pseudo-terminal pair as the host's
# serial port (unthrottled, so the figures are qbmc's and ipmitool's, not a baud rate's), ipmitool
# as the client, all on loopback. Prints a Markdown table.
#   tests/bench/run-sol-bench.sh [MIB] [KEYS]
set -euo pipefail
cd "$(dirname "$0")/../.."
mib=${1:-4}
keys=${2:-300}
password=Admin-Pass-1
tools/install-deps
cmake --preset default >/dev/null
cmake --build --preset default --target qbmc >/dev/null
work=$(mktemp -d)
pids=()
cleanup() { for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done; rm -rf "$work"; }
trap cleanup EXIT
port=$(/usr/bin/python3 -c 'import socket; s=socket.socket(socket.AF_INET, socket.SOCK_DGRAM); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')

socat pty,raw,echo=0,link="$work/ttyBMC" pty,raw,echo=0,link="$work/ttyHOST" &
pids+=($!)
for _ in $(seq 50); do [ -e "$work/ttyHOST" ] && break; sleep 0.1; done
printf 'ipmi:\n  port: %s\n  sol:\n    device: %s\n' "$port" "$work/ttyBMC" >"$work/qbmc.yaml"
QBMC_ADMIN_PASSWORD=$password build/default/app/qbmc --config "$work/qbmc.yaml" --state-dir "$work/state" 2>"$work/qbmc.log" &
pids+=($!)
qbmc_pid=$!
for _ in $(seq 50); do grep -q "qbmc.app: ready" "$work/qbmc.log" && break; sleep 0.1; done

echo "| measurement | amount | figure | |"
echo "|---|---|---|---|"
/usr/bin/python3 tests/bench/sol_bench.py "$port" admin "$password" "$work/ttyHOST" "$mib" "$keys"
echo
grep -o "SoL of session .*" "$work/qbmc.log" | tail -n 1
echo "qbmc RSS after the run: $(awk '/VmRSS/ {printf "%.1f MiB", $2 / 1024}' /proc/$qbmc_pid/status)"
