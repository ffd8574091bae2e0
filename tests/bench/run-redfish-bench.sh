#!/usr/bin/env bash
# Benchmarks Redfish on this machine: wrk against GET /redfish/v1/Systems/system with a session
# token and with Basic authentication, beside the trivial unauthenticated /redfish document on the
# same server, and beside nginx serving the very same bytes as a static file over HTTPS with the
# same kind of certificate (EC P-256), all on loopback (wrk shares the two cores). Prints a
# Markdown table and the ratios.
#   tests/bench/run-redfish-bench.sh [SECONDS] [CONNECTIONS]
set -euo pipefail
cd "$(dirname "$0")/../.."
seconds=${1:-10}
connections=${2:-10}
password=Admin-Pass-1
tools/install-deps
command -v wrk >/dev/null || { echo "wrk is missing: apt-get install wrk" >&2; exit 1; }
command -v nginx >/dev/null || { echo "nginx is missing: apt-get install nginx-light" >&2; exit 1; }
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

# nginx with the same body, as a static file, over TLS with its own EC P-256 certificate.
nginx_port=$(/usr/bin/python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
mkdir -p "$work/www/redfish/v1/Systems" "$work/nginx"
curl -sk -H "X-Auth-Token: $token" "$url/redfish/v1/Systems/system" >"$work/www/redfish/v1/Systems/system"
openssl req -x509 -newkey ec -pkeyopt ec_paramgen_curve:prime256v1 -nodes -days 1 -subj /CN=127.0.0.1 \
    -keyout "$work/nginx/key.pem" -out "$work/nginx/cert.pem" 2>/dev/null
cat >"$work/nginx/nginx.conf" <<CONF
worker_processes 1;
daemon off;
pid $work/nginx/nginx.pid;
error_log $work/nginx/error.log;
events { worker_connections 256; }
http {
    access_log off;
    client_body_temp_path $work/nginx;
    proxy_temp_path $work/nginx;
    fastcgi_temp_path $work/nginx;
    uwsgi_temp_path $work/nginx;
    scgi_temp_path $work/nginx;
    keepalive_requests 1000000;
    server {
        listen 127.0.0.1:$nginx_port ssl;
        ssl_certificate $work/nginx/cert.pem;
        ssl_certificate_key $work/nginx/key.pem;
        root $work/www;
        default_type application/json;
    }
}
CONF
# nginx's workers drop root: they must be able to read the file.
chmod 755 "$work"
chmod -R a+rX "$work/www"
nginx -c "$work/nginx/nginx.conf" &
pids+=($!)
for _ in $(seq 50); do curl -skf -o /dev/null "https://127.0.0.1:$nginx_port/redfish/v1/Systems/system" && break; sleep 0.1; done
cmp -s <(curl -skf "https://127.0.0.1:$nginx_port/redfish/v1/Systems/system") "$work/www/redfish/v1/Systems/system" ||
    { echo "nginx does not serve the body" >&2; exit 1; }

run() { # name, base URL, path, header...
    local name=$1 base=$2 path=$3
    shift 3
    local out
    out=$(wrk -t 1 -c "$connections" -d "${seconds}s" --latency "$@" "$base$path")
    local rps p50 p99 errors
    rps=$(awk '/Requests\/sec/ {print $2}' <<<"$out")
    p50=$(awk '$1 == "50%" {print $2}' <<<"$out")
    p99=$(awk '$1 == "99%" {print $2}' <<<"$out")
    errors=$(awk '/Non-2xx/ {print $NF}' <<<"$out")
    echo "| $name | $path | ${rps} | ${p50} | ${p99} | ${errors:-0} |"
    last_rps=$rps
}

echo "| request | path | requests/s | p50 | p99 | non-2xx |"
echo "|---|---|---|---|---|---|"
run "nginx, static file" "https://127.0.0.1:$nginx_port" /redfish/v1/Systems/system
nginx_rps=$last_rps
run "trivial, no auth" "$url" /redfish
run "session token" "$url" /redfish/v1/Systems/system -H "X-Auth-Token: $token"
token_rps=$last_rps
run "Basic (cached)" "$url" /redfish/v1/Systems/system -H "Authorization: Basic $basic"
basic_rps=$last_rps
echo
awk -v t="$token_rps" -v n="$nginx_rps" -v b="$basic_rps" \
    'BEGIN { printf "session token / nginx: %.2f; Basic / session token: %.2f\n", t / n, b / t }'
echo "$connections connections, 1 wrk thread, ${seconds}s each; qbmc RSS after: $(awk '/VmRSS/ {printf "%.1f MiB", $2 / 1024}' /proc/$qbmc_pid/status)"
