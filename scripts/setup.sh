#!/usr/bin/env bash
# The one set-up command of README.md, for a new Debian 12 machine:
# installs every package xstatic needs, builds it, and runs the main job
# (provision linux/amd64 and linux/arm64, build examples/hello for both,
# verify that each is static, run each: arm64 under qemu-user).
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
build=${XSTATIC_BUILD_DIR:-$root/build}

say() { printf '\n==> %s\n' "$*"; }
sudo_if_needed() { if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi; }

packages=(
  # build xstatic
  cmake ninja-build g++ pkg-config
  llvm-19-dev libclang-19-dev
  # the bundle (src/bundle, docs/bundle.md): lld's and Polly's static libraries
  liblld-19-dev libpolly-19-dev
  libarchive-dev liblzma-dev libzstd-dev zlib1g-dev libbz2-dev liblz4-dev libacl1-dev nettle-dev
  # Debian's archive trusted without apt (src/repo): nettle's public-key half on GMP,
  # and the archive keyring compiled into xstatic
  libgmp-dev debian-archive-keyring
  # the builtin fetcher's suite signs a throwaway archive (tests/integration/lib/mirror.sh);
  # sysroot_fetch_proxy fetches it through a real HTTP proxy
  gpg gpg-agent tinyproxy
  libcli11-dev libspdlog-dev libfmt-dev doctest-dev libtomlplusplus-dev
  # what xstatic drives
  clang-19 lld-19 llvm-19 libclang-rt-19-dev qemu-user-static
  # tests and benchmarks
  file binutils hyperfine mingw-w64 python3 make dpkg-dev zstd
  # xstatic pkg: Debian source packages (dpkg-source, patch), OpenSSL's Configure (perl),
  # SQLite's amalgamation (tclsh); the HTTPS tests' server and certificates (openssl)
  patch perl tcl openssl
  # the format check (CTest's code_format): formatting is enforced, not only configured
  clang-format-19
  # the container image test (tests/integration/docker_image.sh, scripts/docker-test.sh);
  # mmdebstrap also makes the Debian bullseye root of driver_glibc_floor.sh
  podman runc mmdebstrap
  # build systems the integrate suites drive
  meson curl autoconf automake libtool
  # Windows programs run under wine; Go's cgo suites; WASI modules under node's node:wasi
  wine wine64 golang-go nodejs
  # compile caches and distributed compilers (driver_ccache, _sccache, _distcc, _icecc, bench/cache.sh);
  # iproute2: driver_icecc links its network namespaces with `ip`; clang-14, bookworm's
  # own clang: driver_ccache checks that another clang version misses the cache
  ccache sccache distcc icecc iproute2 clang-14
)
# windows/386 programs need the 32-bit wine loader, an i386 package: added
# only where i386 is already enabled ('dpkg --add-architecture i386' is the
# machine owner's choice); the Windows suites then also run 386 programs.
if dpkg --print-foreign-architectures 2>/dev/null | grep -qx i386; then packages+=(wine32:i386); fi

if [ "${XSTATIC_SKIP_APT:-0}" != 1 ]; then
  say "installing Debian packages (${#packages[@]})"
  sudo_if_needed apt-get update -qq
  sudo_if_needed env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${packages[@]}" >/dev/null
fi

say "building xstatic in $build"
cmake -S "$root" -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=Release -DXSTATIC_WERROR="${CI:+ON}" >/dev/null
cmake --build "$build"
xs="$build/src/xstatic"
"$xs" version

say "targets on this machine"
"$xs" targets

if [ -x "$root/scripts/main-job.sh" ]; then
  XSTATIC="$xs" "$root/scripts/main-job.sh"
fi
say "done: xstatic is at $xs"
