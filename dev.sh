#!/usr/bin/env bash
# qbmc from a fresh Debian 12 checkout:
#   ./dev.sh run    install what is missing, build the daemon, run it on the simulated host
#   ./dev.sh test   install what is missing, check the formatting and the rooms' include rules,
#                   build and run every test under ASan+UBSan (the fuzz corpus included), build the
#                   release daemon
#   ./dev.sh fuzz [SECONDS]  build the libFuzzer targets (clang) and fuzz each for SECONDS (60)
#   ./dev.sh build  install what is missing and build
#   ./dev.sh image  build the .deb, install and purge it in a clean Debian tree, build the amd64
#                   appliance image, boot it in QEMU and check it from outside (Redfish,
#                   ipmitool, the display); results in build/image/
set -euo pipefail
cd "$(dirname "$0")"

build() {
    local preset=$1
    shift
    cmake --preset "$preset" >/dev/null
    cmake --build --preset "$preset" "$@"
}

command=${1:-}
[ $# -gt 0 ] && shift
case "$command" in
run)
    tools/install-deps
    # Only the daemon: running qbmc never waits for the test suite to compile.
    build default --target qbmc
    # State stays in the checkout; extra arguments go to qbmc (e.g. --print-config).
    exec build/default/app/qbmc --config tools/dev.yaml --state-dir .state "$@"
    ;;
test)
    tools/install-deps
    # Formatting and the rooms' include rules first: they take a second and say what to mend.
    tools/check-format
    tools/check-rooms
    # The tests run once, in the sanitized build: it finds what a plain run would and more, and
    # two full builds would not fit the time a check may take.
    build asan
    ctest --preset asan
    # The release daemon still has to build warning-free: optimisers warn about what -O0 does not.
    build release --target qbmc
    ;;
fuzz)
    tools/install-deps
    build fuzz
    tools/run-fuzzers "${1:-60}"
    ;;
build)
    tools/install-deps
    build default
    ;;
image)
    tools/install-deps
    tools/install-deps tools/image-packages.txt
    build release
    (cd build/release && cpack >/dev/null)
    mkdir -p build/image
    as_root=()
    [ "$(id -u)" -ne 0 ] && as_root=(sudo)
    "${as_root[@]}" tests/package/check-package build/release/qbmc_*_amd64.deb
    "${as_root[@]}" platform/image/build-image amd64 build/release/qbmc_*_amd64.deb build/image/qbmc-amd64.img
    tests/image/check-image build/image/qbmc-amd64.img build/image/check
    ;;
*)
    echo "usage: ./dev.sh run|test|build|fuzz [SECONDS]|image" >&2
    exit 2
    ;;
esac
