#!/usr/bin/env bash
# qbmc from a fresh Debian 12 checkout:
#   ./dev.sh run    install what is missing, build the daemon, run it on the simulated host
#   ./dev.sh test   install what is missing, check the formatting and the rooms' include rules,
#                   build and run every test under ASan+UBSan (the fuzz corpus included), build the
#                   release daemon
#   ./dev.sh fuzz [SECONDS]  build the libFuzzer targets (clang) and fuzz each for SECONDS (60)
#   ./dev.sh build  install what is missing and build
#   ./dev.sh package [ARCH]  build the .deb for ARCH (default: this machine's; arm64 is
#                   cross-compiled in tools/cross-root), install, purge and reinstall it in a clean
#                   Debian tree of that architecture (under qemu-user when foreign)
#   ./dev.sh image [ARCH]    that, then the appliance image (amd64: a PC; arm64: a Raspberry Pi),
#                   booted in QEMU and checked from outside (Redfish, ipmitool, the display);
#                   results in build/image/
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
package | image)
    arch=${1:-$(dpkg --print-architecture)}
    tools/install-deps
    tools/install-deps tools/image-packages.txt
    as_root=()
    [ "$(id -u)" -ne 0 ] && as_root=(sudo)
    if [ "$arch" = "$(dpkg --print-architecture)" ]; then
        build release
        build_dir=build/release
    else
        # Foreign maintainer scripts and the build-time run of qbmc go through qemu-user.
        "${as_root[@]}" tools/enable-qemu-user "$arch"
        started=$(date +%s)
        "${as_root[@]}" tools/cross-root "$arch" sh -c \
            "cmake --preset release-$arch >/dev/null && cmake --build --preset release-$arch"
        build_dir=build/release-$arch
    fi
    rm -f "$build_dir"/qbmc_*_"$arch".deb
    # DEB_HOST_ARCH: dpkg-shlibdeps reads the libraries of the package's architecture.
    if [ "$arch" = "$(dpkg --print-architecture)" ]; then
        (cd "$build_dir" && cpack >/dev/null)
    else
        "${as_root[@]}" tools/cross-root "$arch" sh -c "cd $build_dir && DEB_HOST_ARCH=$arch cpack >/dev/null"
        echo "dev.sh: cross-built $build_dir/qbmc_*_$arch.deb in $(($(date +%s) - started)) s"
    fi
    deb=$(echo "$build_dir"/qbmc_*_"$arch".deb)
    "${as_root[@]}" tests/package/check-package "$deb"
    [ "$command" = package ] && exit 0
    mkdir -p build/image
    "${as_root[@]}" platform/image/build-image "$arch" "$deb" "build/image/qbmc-$arch.img"
    tests/image/check-image "build/image/qbmc-$arch.img" "build/image/check-$arch"
    ;;
*)
    echo "usage: ./dev.sh run|test|build|fuzz [SECONDS]|package [ARCH]|image [ARCH]" >&2
    exit 2
    ;;
esac
