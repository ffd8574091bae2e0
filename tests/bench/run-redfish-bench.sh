#!/usr/bin/env bash
# Benchmarks Redfish on this machine: wrk against GET /redfish/v1/Systems/system with a session
# token and with Basic authentication, beside the trivial unauthenticated /redfish document on the
# same server, over HTTPS on loopback (wrk shares the two cores). Prints a Markdown table.
#   tests/bench/run-redfish-bench.sh [SECONDS] [CONNECTIONS]
set -euo pipefail
cd "$(dirname "$0")/../.."
seconds=${1:-10}
connections=${2:-10}
password=Admin-Pass-1
tools/install-deps
command -v wrk >/dev/null || { echo "wrk is missing: apt-get install wrk" >&2; exit 1; }
cmake --preset default >/dev/null
cmake --build --preset default --target qbmc >/dev/null
work=$(mktemp -d)
pids=()
cleanup() { for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done; rm -rf "$work"; }
trap cleanup EXIT
unset CURL_CA_BUNDLE REQUESTS_CA_BUNDLE
port=$(/usr/bin/python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
ipmi=$(/usr/bin/python3 -c 'import socket; s=socket.socket(socket.AF_INET, socket.SOCK_DGRAM); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
printf 'ipmi:\n  port: %s\nredfish:\n  port: %s\n' "$ipmi" "$port" >"$work/qbmc.yaml"
QBMC_ADMIN_PASSWORD=$password build/default/app/qbmc --config "$work/qbmc.yaml" --state-dir "$work/state" 2>"$work/qbmc.log" &
pids+=($!)
qbmc_pid=$!
for _ in $(seq 50); do grep -q "qbmc.app: ready" "$work/qbmc.log" && break; sleep 0.1; done
url=https://127.0.0.1:$port
token=$(curl -sk -D - -o /dev/null -H 'Content-Type: application/json' \
    -d "{\"UserName\":\"admin\",\"Password\":\"$password\"}" "$url/redfish/v1/SessionService/Sessions" |
    tr -d '\r' | awk -F': ' 'tolower($1) == "x-auth-token" {print $2}')
basic=$(printf 'admin:%s' "$password" | base64)

run() { # name, path, header...
    local name=$1 path=$2
    shift 2
    local out
    out=$(wrk -t 1 -c "$connections" -d "${seconds}s" --latency "$@" "$url$path")
    local rps p50 p99 errors
    rps=$(awk '/Requests\/sec/ {print $2}' <<<"$out")
    p50=$(awk '$1 == "50%" {print $2}' <<<"$out")
    p99=$(awk '$1 == "99%" {print $2}' <<<"$out")
    errors=$(awk '/Non-2xx/ {print $NF}' <<<"$out")
    echo "| $name | $path | ${rps} | ${p50} | ${p99} | ${errors:-0} |"
}

echo "| request | path | requests/s | p50 | p99 | non-2xx |"
echo "|---|---|---|---|---|---|"
run "trivial, no auth" /redfish
run "session token" /redfish/v1/Systems/system -H "X-Auth-Token: $token"
run "Basic (cached)" /redfish/v1/Systems/system -H "Authorization: Basic $basic"
echo
echo "$connections connections, 1 wrk thread, ${seconds}s each; qbmc RSS after: $(awk '/VmRSS/ {printf "%.1f MiB", $2 / 1024}' /proc/$qbmc_pid/status)"
