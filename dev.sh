#!/usr/bin/env bash
# qbmc from a fresh Debian 12 checkout:
#   ./dev.sh run    install what is missing, build, run qbmc on the simulated host
#   ./dev.sh test   install what is missing, build, run every test (also under ASan+UBSan) and each
#                   fuzz target for a minute
#   ./dev.sh build  install what is missing and build
set -euo pipefail
cd "$(dirname "$0")"

build() {
    cmake --preset "$1" >/dev/null
    cmake --build --preset "$1"
}

command=${1:-}
[ $# -gt 0 ] && shift
case "$command" in
run)
    tools/install-deps
    build default
    # State stays in the checkout; extra arguments go to qbmc (e.g. --print-config).
    exec build/default/app/qbmc --config tools/dev.yaml --state-dir .state "$@"
    ;;
test)
    tools/install-deps
    build default
    ctest --preset default
    build asan
    ctest --preset asan
    build fuzz
    tools/run-fuzzers 60
    ;;
build)
    tools/install-deps
    build default
    ;;
*)
    echo "usage: ./dev.sh run|test|build" >&2
    exit 2
    ;;
esac
