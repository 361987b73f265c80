#!/usr/bin/env bash
# What the build-system side costs: printing a toolchain / env (run by every
# CMake configure and try_compile), a CMake configure + build + ctest of
# examples/cmake-project for linux/arm64, and `xstatic run` over qemu's own
# start-up. Needs the linux/arm64 sysroot and libc++ in $XSTATIC_HOME.
#
#   XSTATIC=build/src/xstatic bench/integrate.sh
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
XSTATIC=$(realpath "${XSTATIC:-build/src/xstatic}")
RUNS=${RUNS:-10}
work=$(mktemp -d "${TMPDIR:-/tmp}/xstatic-bench.XXXXXX")
trap 'rm -rf "$work"' EXIT
export XSTATIC

"$XSTATIC" -q env linux/arm64 >/dev/null  # launchers in place
"$XSTATIC" cc --target linux/arm64 "$root/examples/hello-c/main.c" -o "$work/hello"

hyperfine -N --style basic --warmup 2 --runs "$RUNS" \
  -n "toolchain cmake" "$XSTATIC -q toolchain cmake linux/arm64" \
  -n "env" "$XSTATIC -q env linux/arm64" \
  -n "run (qemu-aarch64)" "$XSTATIC run $work/hello" \
  -n "qemu-aarch64-static directly" "qemu-aarch64-static $work/hello"

hyperfine --style basic --runs 3 --prepare "rm -rf $work/b" \
  -n "cmake configure+build+ctest (arm64)" \
  "cmake -G Ninja -S $root/examples/cmake-project -B $work/b -DCMAKE_TOOLCHAIN_FILE=$root/toolchains/linux-arm64.cmake >/dev/null && cmake --build $work/b >/dev/null && ctest --test-dir $work/b >/dev/null"
