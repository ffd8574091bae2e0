#!/usr/bin/env bash
# Benchmarks the KVM (wss://…/kvm/0) with the simulated host's display on this machine: updates per
# second a viewer receives while the screen changes (the boot log, typing at the login prompt),
# key-to-screen latency, bandwidth per viewer for a static and a changing screen (raw, and Tight as
# noVNC asks for it), qbmc's CPU time meanwhile and its resident memory with 0 and 4 viewers. The
# viewers are RFB clients over python3-websockets and TLS, all on loopback. Prints a Markdown table.
#   tests/bench/run-kvm-bench.sh [KEYS] [SECONDS]
# QBMC=path/to/qbmc measures that binary instead of building the default preset (an ASan build
# measures the sanitizer too; its quarantine of freed memory, 256 MiB unless ASAN_OPTIONS says
# otherwise, fills with the display's frames and counts in the resident memory).
set -euo pipefail
cd "$(dirname "$0")/../.."
keys=${1:-50}
seconds=${2:-5}
password=Admin-Pass-1
qbmc=${QBMC:-}
if [ -z "$qbmc" ]; then
    tools/install-deps
    cmake --preset default >/dev/null
    cmake --build --preset default --target qbmc >/dev/null
    qbmc=build/default/app/qbmc
fi
work=$(mktemp -d)
pids=()
cleanup() { for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done; rm -rf "$work"; }
trap cleanup EXIT
free_port() { /usr/bin/python3 -c "import socket; s=socket.socket(socket.AF_INET, socket.$1); s.bind(('127.0.0.1', 0)); print(s.getsockname()[1])"; }
ipmi_port=$(free_port SOCK_DGRAM)
redfish_port=$(free_port SOCK_STREAM)
ssh_port=$(free_port SOCK_STREAM)

# The simulated host shows its firmware's splash briefly and boots at once.
cat >"$work/qbmc.yaml" <<EOF
ipmi:
  port: $ipmi_port
  listen: 127.0.0.1
redfish:
  port: $redfish_port
  listen: 127.0.0.1
ssh:
  port: $ssh_port
  listen: 127.0.0.1
host:
  sim:
    power_on_delay: 0.2
    setup_wait: 0.5
EOF
QBMC_ADMIN_PASSWORD=$password ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=0} "$qbmc" --config "$work/qbmc.yaml" \
    --state-dir "$work/state" --headless 2>"$work/qbmc.log" &
qbmc_pid=$!
pids+=("$qbmc_pid")
for _ in $(seq 100); do grep -q "qbmc.app: ready" "$work/qbmc.log" && break; sleep 0.1; done

env -u REQUESTS_CA_BUNDLE -u CURL_CA_BUNDLE /usr/bin/python3 tests/bench/kvm_bench.py \
    "$redfish_port" admin "$password" "$qbmc_pid" "$keys" "$seconds"
echo
echo "qbmc: $qbmc; CPU is seconds of CPU time per second of the measurement (qbmc's from"
echo "/proc/PID/stat, the Python viewers' from getrusage); bandwidth counts RFB bytes, without"
echo "WebSocket and TLS framing. $(nproc) CPUs."
kill "$qbmc_pid"
wait "$qbmc_pid" 2>/dev/null || true
