#!/usr/bin/env bash
# Benchmarks virtual media on this machine: InsertMedia copying an image of SIZE MiB from the
# test image server (tests/integration/image_server.py, Python) over HTTP and over HTTPS on
# loopback into the media store, with qbmc's peak resident memory before and after each copy
# (VmHWM) to show that it stays flat however large the image; then the time from InsertMedia of a
# store image, a Once boot override to the CD and a power-on until the simulated host prints
# "Booting from CD: <label>" (the simulated host's own power-on delay and setup prompt, given
# below, are part of it).
#   tests/bench/run-media-bench.sh [SIZE_MIB]      (4096 for a 4 GB image)
set -euo pipefail
cd "$(dirname "$0")/../.."
size_mib=${1:-1024}
. tests/bench/bench-daemon.sh
qbmc_binary
command -v xorriso >/dev/null || { echo "xorriso is missing (tools/install-deps installs it)" >&2; exit 1; }
unset CURL_CA_BUNDLE REQUESTS_CA_BUNDLE
port=$(free_port SOCK_STREAM)
ipmi=$(free_port SOCK_DGRAM)
ssh=$(free_port SOCK_STREAM)
cat >"$work/qbmc.yaml" <<CONF
ipmi:
  port: $ipmi
redfish:
  port: $port
ssh:
  port: $ssh
host:
  sim:
    power_on_delay: 0.2
    setup_wait: 0.1
media:
  max_bytes: $(((size_mib + 64) * 1024 * 1024))
CONF
start_qbmc "$work/qbmc.yaml" --headless
url=https://127.0.0.1:$port
auth=(-u "admin:$password")

mkdir -p "$work/images/src/boot"
head -c 2048 /dev/zero >"$work/images/src/boot/boot.img"
(cd "$work/images" && xorriso -as mkisofs -quiet -V QBMC_BENCH -b boot/boot.img -no-emul-boot \
    -o installer.iso src 2>/dev/null)
# Random bytes: nothing on the way can make a shortcut of zeros.
head -c $((size_mib * 1024 * 1024)) /dev/urandom >"$work/images/big.img"
openssl req -x509 -newkey ec -pkeyopt ec_paramgen_curve:prime256v1 -nodes -days 1 -subj /CN=127.0.0.1 \
    -addext subjectAltName=IP:127.0.0.1 -keyout "$work/key.pem" -out "$work/cert.pem" 2>/dev/null
start_server() { # extra arguments; prints the port
    /usr/bin/python3 tests/integration/image_server.py --root "$work/images" "$@" >"$work/server.port" \
        2>/dev/null &
    pids+=($!)
    for _ in $(seq 50); do [ -s "$work/server.port" ] && break; sleep 0.1; done
    cat "$work/server.port"
    rm -f "$work/server.port"
}
http_port=$(start_server)
https_port=$(start_server --cert "$work/cert.pem" --key "$work/key.pem")
curl -sk "${auth[@]}" -X PATCH -H 'Content-Type: application/json' -d '{"VerifyCertificate": false}' \
    "$url/redfish/v1/Managers/bmc/VirtualMedia/USBStick" >/dev/null

hwm() { awk '/VmHWM/ {printf "%.1f", $2 / 1024}' "/proc/$qbmc_pid/status"; }
now() { date +%s.%N; }
copy() { # name, image URL
    local before start task state end
    before=$(hwm)
    start=$(now)
    task=$(curl -sk "${auth[@]}" -H 'Content-Type: application/json' -d "{\"Image\": \"$2\"}" \
        "$url/redfish/v1/Managers/bmc/VirtualMedia/USBStick/Actions/VirtualMedia.InsertMedia" |
        /usr/bin/python3 -c 'import json, sys; print(json.load(sys.stdin)["@odata.id"])')
    while :; do
        state=$(curl -sk "${auth[@]}" "$url$task" | /usr/bin/python3 -c 'import json, sys; print(json.load(sys.stdin)["TaskState"])')
        [ "$state" = Running ] || break
        sleep 0.05
    done
    end=$(now)
    [ "$state" = Completed ] || { echo "$1: the task ended $state" >&2; exit 1; }
    awk -v s="$start" -v e="$end" -v m="$size_mib" -v n="$1" -v b="$before" -v a="$(hwm)" \
        'BEGIN { printf "| %s | %d MiB | %.1f s | %.0f MiB/s | %s MiB | %s MiB |\n", n, m, e - s, m / (e - s), b, a }'
    curl -sk "${auth[@]}" -H 'Content-Type: application/json' -d '{}' \
        "$url/redfish/v1/Managers/bmc/VirtualMedia/USBStick/Actions/VirtualMedia.EjectMedia" >/dev/null
    # A copy replaces an image only once whole, so the next needs the room again.
    curl -sk "${auth[@]}" -X DELETE "$url/redfish/v1/Managers/bmc/Oem/Qbmc/MediaStore/Images/big.img" >/dev/null
}

echo "| copy | size | time | throughput | qbmc peak RSS before | after |"
echo "|---|---|---|---|---|---|"
copy "HTTP, Python server" "http://127.0.0.1:$http_port/big.img"
copy "HTTPS, Python server" "https://127.0.0.1:$https_port/big.img"

# Insert to label: the ISO is copied first (not timed), then inserted from the store and booted.
curl -sk "${auth[@]}" -X PATCH -H 'Content-Type: application/json' -d '{"VerifyCertificate": false}' \
    "$url/redfish/v1/Managers/bmc/VirtualMedia/CD" >/dev/null
curl -sk "${auth[@]}" -H 'Content-Type: application/json' \
    -d "{\"Image\": \"http://127.0.0.1:$http_port/installer.iso\"}" \
    "$url/redfish/v1/Managers/bmc/VirtualMedia/CD/Actions/VirtualMedia.InsertMedia" >/dev/null
for _ in $(seq 100); do
    curl -sk "${auth[@]}" "$url/redfish/v1/Managers/bmc/VirtualMedia/CD" | grep -q '"Inserted":true' && break
    sleep 0.1
done
curl -sk "${auth[@]}" -H 'Content-Type: application/json' -d '{}' \
    "$url/redfish/v1/Managers/bmc/VirtualMedia/CD/Actions/VirtualMedia.EjectMedia" >/dev/null
start=$(now)
curl -sk "${auth[@]}" -H 'Content-Type: application/json' -d '{"Image": "installer.iso"}' \
    "$url/redfish/v1/Managers/bmc/VirtualMedia/CD/Actions/VirtualMedia.InsertMedia" >/dev/null
curl -sk "${auth[@]}" -X PATCH -H 'Content-Type: application/json' \
    -d '{"Boot": {"BootSourceOverrideTarget": "Cd", "BootSourceOverrideEnabled": "Once"}}' \
    "$url/redfish/v1/Systems/system" >/dev/null
curl -sk "${auth[@]}" -H 'Content-Type: application/json' -d '{"ResetType": "On"}' \
    "$url/redfish/v1/Systems/system/Actions/ComputerSystem.Reset" >/dev/null
for _ in $(seq 300); do
    grep -q "Booting from CD: QBMC_BENCH" "$work/state/console.log" 2>/dev/null && break
    sleep 0.01
done
end=$(now)
grep -q "Booting from CD: QBMC_BENCH" "$work/state/console.log" || { echo "the host did not boot from the CD" >&2; exit 1; }
awk -v s="$start" -v e="$end" 'BEGIN { printf "\ninsert, override, power on to \"Booting from CD: QBMC_BENCH\": %.2f s (power_on_delay 0.2 s, setup_wait 0.1 s)\n", e - s }'
