#!/usr/bin/env bash
# Measures the web UI in Debian's headless Chromium against qbmc on the simulated host: what the
# first page load transfers (compressed, as sent), how long the Overview takes to show the power
# state, and qbmc's memory with five browsers signed in. Prints a Markdown table.
#   tests/bench/run-webui-bench.sh
# QBMC=path/to/qbmc measures that binary instead of building the default preset.
set -euo pipefail
cd "$(dirname "$0")/../.."
. tests/bench/bench-daemon.sh
qbmc_binary
ipmi_port=$(free_port SOCK_DGRAM)
redfish_port=$(free_port SOCK_STREAM)
ssh_port=$(free_port SOCK_STREAM)
printf 'ipmi:\n  port: %s\nredfish:\n  port: %s\nssh:\n  port: %s\n' "$ipmi_port" "$redfish_port" "$ssh_port" \
    >"$work/qbmc.yaml"
start_qbmc "$work/qbmc.yaml"

echo "| measurement | figure |"
echo "|---|---|"
env -u REQUESTS_CA_BUNDLE -u CURL_CA_BUNDLE QBMC_URL="https://127.0.0.1:$redfish_port" QBMC_USER=admin \
    QBMC_PASSWORD="$password" QBMC_PID="$qbmc_pid" /usr/bin/python3 tests/bench/webui_bench.py
