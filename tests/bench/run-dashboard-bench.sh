#!/usr/bin/env bash
# Does the dashboard slow the protocols? Runs qbmc (release build) headless and then with the
# dashboard on the offscreen platform, its identify banner animating all the time, and measures
# IPMI (Get Chassis Status, one session) and Redfish (wrk, Basic authentication) latency in both,
# plus the dashboard's time to its first frame, its RSS and qbmc's CPU while idle. Prints Markdown.
#   tests/bench/run-dashboard-bench.sh [SECONDS]
set -euo pipefail
cd "$(dirname "$0")/../.."
seconds=${1:-10}
password=Admin-Pass-1
tools/install-deps
command -v wrk >/dev/null || { echo "wrk is missing: apt-get install wrk" >&2; exit 1; }
cmake --preset default >/dev/null
cmake --build --preset default --target qbmc ipmi_bench >/dev/null
work=$(mktemp -d)
pids=()
cleanup() { for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done; rm -rf "$work"; }
trap cleanup EXIT
unset CURL_CA_BUNDLE REQUESTS_CA_BUNDLE DISPLAY WAYLAND_DISPLAY
free_port() { /usr/bin/python3 -c "import socket; s=socket.socket(socket.AF_INET, socket.$1); s.bind(('127.0.0.1', 0)); print(s.getsockname()[1])"; }
cpu_ticks() { awk '{print $14 + $15}' "/proc/$1/stat"; }

echo "| qbmc | first frame | RSS | idle CPU | IPMI cmds/s | IPMI p50 / p99 ms | Redfish req/s | Redfish p50 / p99 |"
echo "|---|---|---|---|---|---|---|---|"
for mode in headless dashboard; do
    ipmi=$(free_port SOCK_DGRAM)
    redfish=$(free_port SOCK_STREAM)
    state="$work/$mode"
    printf 'ipmi:\n  port: %s\nredfish:\n  port: %s\n' "$ipmi" "$redfish" >"$work/$mode.yaml"
    if [ "$mode" = dashboard ]; then export QT_QPA_PLATFORM=offscreen; else unset QT_QPA_PLATFORM; fi
    QBMC_ADMIN_PASSWORD=$password build/default/app/qbmc --config "$work/$mode.yaml" --state-dir "$state" 2>"$work/$mode.log" &
    pid=$!
    pids+=("$pid")
    for _ in $(seq 100); do grep -q "qbmc.app: ready" "$work/$mode.log" && break; sleep 0.1; done
    first_frame=-
    if [ "$mode" = dashboard ]; then
        for _ in $(seq 100); do grep -q "first frame" "$work/$mode.log" && break; sleep 0.1; done
        first_frame="$(sed -n 's/.*first frame \([0-9]*\) ms.*/\1 ms/p' "$work/$mode.log")"
    fi
    # The banner animates for as long as identify is on: every frame is drawn.
    ipmitool -I lanplus -C 17 -H 127.0.0.1 -p "$ipmi" -U admin -P "$password" chassis identify force >/dev/null
    sleep 1
    before=$(cpu_ticks "$pid")
    sleep 5
    idle_cpu=$(( ($(cpu_ticks "$pid") - before) * 100 / $(getconf CLK_TCK) / 5 ))
    row=$(build/default/tests/bench/ipmi_bench --name "$mode" --port "$ipmi" --password "$password" --sessions 20 --commands 4000 --pid "$pid")
    ipmi_rate=$(awk -F'|' '{gsub(/ /, "", $9); print $9}' <<<"$row")
    ipmi_latency=$(awk -F'|' '{gsub(/ /, "", $10); gsub(/ /, "", $11); print $10 " / " $11}' <<<"$row")
    out=$(wrk -t 1 -c 10 -d "${seconds}s" --latency -H "Authorization: Basic $(printf 'admin:%s' "$password" | base64)" \
        "https://127.0.0.1:$redfish/redfish/v1/Systems/system")
    rps=$(awk '/Requests\/sec/ {print $2}' <<<"$out")
    p50=$(awk '$1 == "50%" {print $2}' <<<"$out")
    p99=$(awk '$1 == "99%" {print $2}' <<<"$out")
    rss=$(awk '/VmRSS/ {printf "%.1f MiB", $2 / 1024}' "/proc/$pid/status")
    echo "| $mode | $first_frame | $rss | ${idle_cpu}% | $ipmi_rate | $ipmi_latency | $rps | $p50 / $p99 |"
    kill "$pid"
    wait "$pid" 2>/dev/null || true
done
echo
echo "IPMI: one client, 4000 commands in one session; Redfish: wrk, 10 connections, 1 thread, ${seconds}s; loopback, both on the same 2 cores."
