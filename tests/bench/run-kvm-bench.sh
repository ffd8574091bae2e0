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
. tests/bench/bench-daemon.sh
qbmc_binary
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
start_qbmc "$work/qbmc.yaml" --headless

env -u REQUESTS_CA_BUNDLE -u CURL_CA_BUNDLE /usr/bin/python3 tests/bench/kvm_bench.py \
    "$redfish_port" admin "$password" "$qbmc_pid" "$keys" "$seconds"
echo
echo "qbmc: $qbmc; CPU is seconds of CPU time per second of the measurement (qbmc's from"
echo "/proc/PID/stat, the Python viewers' from getrusage); bandwidth counts RFB bytes, without"
echo "WebSocket and TLS framing. $(nproc) CPUs."
kill "$qbmc_pid"
wait "$qbmc_pid" 2>/dev/null || true
