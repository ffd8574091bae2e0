# Sourced by the run-*-bench.sh scripts that measure a running qbmc: the binary (QBMC=path, else
# the default preset built here), a work directory and the processes removed on exit, free
# loopback ports, and qbmc started on a configuration and waited for until it is ready.
#   . tests/bench/bench-daemon.sh; qbmc_binary; ...; start_qbmc "$work/qbmc.yaml" --headless

password=Admin-Pass-1
work=$(mktemp -d)
pids=()
cleanup() { for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done; rm -rf "$work"; }
trap cleanup EXIT

# Sets $qbmc: $QBMC when given (an ASan build measures the sanitizer too), else the default
# (RelWithDebInfo) preset's, built first.
qbmc_binary() {
    qbmc=${QBMC:-}
    if [ -z "$qbmc" ]; then
        tools/install-deps
        cmake --preset default >/dev/null
        cmake --build --preset default --target qbmc >/dev/null
        qbmc=build/default/app/qbmc
    fi
}

# A free loopback port: free_port SOCK_STREAM or free_port SOCK_DGRAM.
free_port() {
    /usr/bin/python3 -c "import socket; s=socket.socket(socket.AF_INET, socket.$1); s.bind(('127.0.0.1', 0)); print(s.getsockname()[1])"
}

# Starts $qbmc on CONFIG with the administrator's password preset, its log in $work/qbmc.log, and
# waits until it says it is ready; sets $qbmc_pid.
start_qbmc() {
    local config=$1
    shift
    QBMC_ADMIN_PASSWORD=$password ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=0} "$qbmc" --config "$config" \
        --state-dir "$work/state" "$@" 2>"$work/qbmc.log" &
    qbmc_pid=$!
    pids+=("$qbmc_pid")
    for _ in $(seq 100); do grep -q "qbmc.app: ready" "$work/qbmc.log" && break; sleep 0.1; done
}
