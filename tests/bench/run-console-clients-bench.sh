#!/usr/bin/env bash
# What many console clients cost qbmc: resident memory idle, with 8 SSH and 8 WebSocket clients
# attached, and after the host printed MIB mebibytes to all of them at once, with the CPU time
# qbmc spent per megabyte meanwhile. The host is a socat pseudo-terminal pair (unthrottled); the
# clients are OpenSSH's ssh (through sshpass) and python3-websockets, all on loopback.
#   tests/bench/run-console-clients-bench.sh [MIB] [CLIENTS_PER_KIND]
# QBMC_BENCH_PRESET=asan measures the sanitizer build instead of the default one.
set -euo pipefail
cd "$(dirname "$0")/../.."
mib=${1:-8}
clients=${2:-8}
password=Admin-Pass-1
tools/install-deps
preset=${QBMC_BENCH_PRESET:-default}
cmake --preset "$preset" >/dev/null
cmake --build --preset "$preset" --target qbmc >/dev/null
work=$(mktemp -d)
pids=()
# Every child goes, the `sleep` that feeds each ssh client included (it holds our output open).
cleanup() { for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done; pkill -P $$ 2>/dev/null || true; rm -rf "$work"; }
trap cleanup EXIT
free_port() { /usr/bin/python3 -c "import socket; s=socket.socket(socket.AF_INET, socket.$1); s.bind(('127.0.0.1', 0)); print(s.getsockname()[1])"; }
ipmi_port=$(free_port SOCK_DGRAM)
redfish_port=$(free_port SOCK_STREAM)
ssh_port=$(free_port SOCK_STREAM)

socat pty,raw,echo=0,link="$work/ttyBMC" pty,raw,echo=0,link="$work/ttyHOST" &
pids+=($!)
for _ in $(seq 50); do [ -e "$work/ttyHOST" ] && break; sleep 0.1; done
printf 'ipmi:\n  port: %s\n  sol:\n    device: %s\nredfish:\n  port: %s\n  listen: 127.0.0.1\nssh:\n  port: %s\n  listen: 127.0.0.1\n  max_sessions: %s\n' \
    "$ipmi_port" "$work/ttyBMC" "$redfish_port" "$ssh_port" "$((clients + 1))" >"$work/qbmc.yaml"
QBMC_ADMIN_PASSWORD=$password ASAN_OPTIONS=detect_leaks=0 build/"$preset"/app/qbmc --config "$work/qbmc.yaml" \
    --state-dir "$work/state" --headless 2>"$work/qbmc.log" &
qbmc_pid=$!
pids+=($qbmc_pid)
for _ in $(seq 100); do grep -q "qbmc.app: ready" "$work/qbmc.log" && break; sleep 0.1; done
rss() { awk '/VmRSS/ {printf "%.1f MiB", $2 / 1024}' "/proc/$qbmc_pid/status"; }
cpu_seconds() { awk -v hz="$(getconf CLK_TCK)" '{printf "%.2f", ($14 + $15) / hz}' "/proc/$qbmc_pid/stat"; }

echo "| qbmc ($preset build) | resident memory |"
echo "|---|---|"
sleep 1
echo "| idle, no console client | $(rss) |"

for i in $(seq "$clients"); do
    sleep 100000 | sshpass -p "$password" ssh -tt -F /dev/null -o UserKnownHostsFile=/dev/null \
        -o StrictHostKeyChecking=no -o PubkeyAuthentication=no -p "$ssh_port" admin@127.0.0.1 \
        >"$work/ssh-$i.out" 2>/dev/null &
    pids+=($!)
done
env -u REQUESTS_CA_BUNDLE -u CURL_CA_BUNDLE /usr/bin/python3 tests/bench/console_readers.py \
    "$redfish_port" admin "$password" "$clients" >"$work/ws.out" 2>"$work/ws.err" &
pids+=($!)
for _ in $(seq 300); do
    sessions=$(grep -c "SSH console session opened" "$work/qbmc.log" || true)
    sockets=$(grep -c "Console WebSocket from .* opened" "$work/qbmc.log" || true)
    [ "$sessions" -ge "$clients" ] && [ "$sockets" -ge "$clients" ] && break
    sleep 0.1
done
sleep 1
echo "| $sessions SSH and $sockets WebSocket clients attached | $(rss) |"

# The host prints text lines, as a console does, to every client at once.
/usr/bin/python3 -c "
import sys
line = b'[  123.456789] a console line of ordinary length, printed by the host ' + b'x' * 20 + b'\r\n'
sys.stdout.buffer.write(line * ($mib * 1024 * 1024 // len(line)))" >"$work/output"
bytes=$(stat -c %s "$work/output")
cpu_before=$(cpu_seconds)
began=$(date +%s.%N)
cat "$work/output" >"$work/ttyHOST"
# Until every WebSocket reader has its share (or 60 s pass).
for _ in $(seq 600); do
    total=$(tail -n 1 "$work/ws.out" 2>/dev/null || echo 0)
    [ "${total:-0}" -ge $((bytes * clients)) ] && break
    sleep 0.1
done
ended=$(date +%s.%N)
cpu_after=$(cpu_seconds)
echo "| after the host printed $mib MiB to all of them | $(rss) |"
echo
awk -v b="$bytes" -v c="$clients" -v t0="$began" -v t1="$ended" -v u0="$cpu_before" -v u1="$cpu_after" 'BEGIN {
    mb = b / 1e6
    printf "%.1f MB printed in %.2f s (%.2f MB/s from the host); qbmc used %.2f s of CPU: %.3f CPU s per MB,\n", mb, t1 - t0, mb / (t1 - t0), u1 - u0, (u1 - u0) / mb
    printf "fanned out to %d SSH and %d WebSocket clients and through the terminal model.\n", c, c }'
echo "WebSocket clients received $(tail -n 1 "$work/ws.out") bytes in all (of $((bytes * clients)))."
