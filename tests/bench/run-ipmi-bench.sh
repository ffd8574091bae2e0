#!/usr/bin/env bash
# Benchmarks IPMI over LAN on this machine: qbmc (cipher suites 17 and 3) beside OpenIPMI's
# ipmi_sim and pyghmi's server (suite 3, the only one pyghmi's server speaks), all on loopback,
# one client, requests one after another. Prints a Markdown table.
#   tests/bench/run-ipmi-bench.sh [SESSIONS] [COMMANDS]
set -euo pipefail
cd "$(dirname "$0")/../.."
sessions=${1:-200}
commands=${2:-2000}
password=Admin-Pass-1
tools/install-deps
command -v ipmi_sim >/dev/null || { echo "ipmi_sim is missing: apt-get install openipmi" >&2; exit 1; }
cmake --preset default >/dev/null
cmake --build --preset default --target qbmc ipmi_bench >/dev/null
bench=build/default/tests/bench/ipmi_bench
work=$(mktemp -d)
pids=()
cleanup() { for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done; rm -rf "$work"; }
trap cleanup EXIT
free_port() { /usr/bin/python3 -c 'import socket; s=socket.socket(socket.AF_INET, socket.SOCK_DGRAM); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'; }
wait_for() { for _ in $(seq 50); do ipmitool -I lanplus -H 127.0.0.1 -p "$1" -U admin -P "$password" -C 3 -R 1 -N 1 mc info >/dev/null 2>&1 && return 0; sleep 0.2; done; return 1; }

echo "| server | suite | sessions | sessions/s | setup p50 ms | setup p99 ms | commands | commands/s | p50 ms | p99 ms | RSS MiB | peak RSS MiB |"
echo "|---|---|---|---|---|---|---|---|---|---|---|---|"

port=$(free_port)
printf 'ipmi:\n  port: %s\n' "$port" >"$work/qbmc.yaml"
QBMC_ADMIN_PASSWORD=$password build/default/app/qbmc --config "$work/qbmc.yaml" --state-dir "$work/state" 2>"$work/qbmc.log" &
pids+=($!)
qbmc_pid=$!
wait_for "$port"
"$bench" --name qbmc --port "$port" --password "$password" --suite 17 --sessions "$sessions" --commands "$commands" --pid "$qbmc_pid"
"$bench" --name qbmc --port "$port" --password "$password" --suite 3 --sessions "$sessions" --commands "$commands" --pid "$qbmc_pid"

port=$(free_port)
mkdir -p "$work/sim"
cat >"$work/lan.conf" <<CONF
name "bench"
set_working_mc 0x20
  startlan 1
    addr 127.0.0.1 $port
    priv_limit admin
    allowed_auths_admin none md2 md5 straight
    guid a123456789abcdefa123456789abcdef
  endlan
  user 2 true "admin" "$password" admin 16 none md2 md5 straight
CONF
printf 'mc_setbmc 0x20\nmc_add 0x20 0 no-device-sdrs 0x23 9 8 0x9f 0x1291 0xf02 persist_sdr\nmc_enable 0x20\n' >"$work/bmc.emu"
ipmi_sim -c "$work/lan.conf" -f "$work/bmc.emu" -s "$work/sim" -n >/dev/null 2>&1 &
pids+=($!)
wait_for "$port"
"$bench" --name "OpenIPMI ipmi_sim" --port "$port" --password "$password" --suite 3 --sessions "$sessions" --commands "$commands" --pid "${pids[-1]}" || true

port=$(free_port)
/usr/bin/python3 tests/bench/pyghmi_server.py "$port" admin "$password" >/dev/null 2>&1 &
pids+=($!)
wait_for "$port"
"$bench" --name "pyghmi server" --port "$port" --password "$password" --suite 3 --sessions "$sessions" --commands "$commands" --pid "${pids[-1]}" || true
