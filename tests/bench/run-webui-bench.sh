#!/usr/bin/env bash
# Measures the web UI in Debian's headless Chromium against qbmc on the simulated host: what the
# first page load transfers (compressed, as sent), how long the Overview takes to show the power
# state, and qbmc's memory with five browsers signed in. Prints a Markdown table.
#   tests/bench/run-webui-bench.sh
# QBMC=path/to/qbmc measures that binary instead of building the default preset.
set -euo pipefail
cd "$(dirname "$0")/../.."
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
printf 'ipmi:\n  port: %s\nredfish:\n  port: %s\nssh:\n  port: %s\n' "$ipmi_port" "$redfish_port" "$ssh_port" \
    >"$work/qbmc.yaml"
QBMC_ADMIN_PASSWORD=$password "$qbmc" --config "$work/qbmc.yaml" --state-dir "$work/state" 2>"$work/qbmc.log" &
pids+=($!)
qbmc_pid=$!
for _ in $(seq 100); do grep -q "qbmc.app: ready" "$work/qbmc.log" && break; sleep 0.1; done

echo "| measurement | figure |"
echo "|---|---|"
env -u REQUESTS_CA_BUNDLE -u CURL_CA_BUNDLE QBMC_URL="https://127.0.0.1:$redfish_port" QBMC_USER=admin \
    QBMC_PASSWORD="$password" QBMC_PID="$qbmc_pid" /usr/bin/python3 tests/bench/webui_bench.py
