# Cross-compiling qbmc for arm64 inside the cross-build root (tools/cross-root arm64): an amd64
# Debian 12 tree with arm64 as a second dpkg architecture. Debian's multiarch layout keeps the
# arm64 libraries and their CMake and pkg-config files under /usr/lib/aarch64-linux-gnu, beside
# the build machine's, so that tree is the sysroot and needs no re-rooting
# (docs/contributing.md#the-arm64-package).
set(CMAKE_SYSTEM_NAME Linux)
set(CMAKE_SYSTEM_PROCESSOR aarch64)
set(CMAKE_C_COMPILER aarch64-linux-gnu-gcc)
set(CMAKE_CXX_COMPILER aarch64-linux-gnu-g++)
set(CMAKE_LIBRARY_ARCHITECTURE aarch64-linux-gnu)
# Debian's cross pkg-config looks in the arm64 directories only.
set(PKG_CONFIG_EXECUTABLE aarch64-linux-gnu-pkg-config CACHE FILEPATH "")
# moc, rcc, qmlcachegen and lrelease are the build machine's (Qt's own cross-build convention).
set(QT_HOST_PATH /usr CACHE PATH "")
set(QT_HOST_PATH_CMAKE_DIR /usr/lib/x86_64-linux-gnu/cmake CACHE PATH "")
# Build steps that run qbmc itself (the packaged default configuration) run it under qemu-user.
set(CMAKE_CROSSCOMPILING_EMULATOR qemu-aarch64-static)
