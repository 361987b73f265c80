#!/usr/bin/env bash
# Benchmark of issue 6: the time to build the C++ runtimes for a new target,
# from the cached LLVM tarball (extraction included), the same for the size
# runtimes that -Os/-Oz links take (docs/runtimes.md), and the stripped size
# of a static iostream + std::thread hello on that target at -O2 and -Os
# (aarch64 musl: zig c++ 0.11 gives 430,904 and 336,912 bytes and takes
# ~24 s for its first link).
#
#   bench/runtimes.sh [TARGET]          default linux/arm64
#   bench/runtimes.sh --first-link [TARGET]
#       the figure issue 24 names instead: the whole first `xstatic c++ -O2`
#       of the iostream + thread hello in a fresh store (libc++, mimalloc
#       and the libc routines built, then the link), CPU and wall, with the
#       times the driver prints per step
#
# XSTATIC (default build/src/xstatic) and a store XSTATIC_HOME (default
# build/test-store) that already holds the target's musl sysroot and the
# tarball under src/ (run tests/integration/runtimes_cxx.sh once). The build
# runs in a fresh store that borrows both, so nothing is reused but them.
# The machine's load is printed: other builds on the 2 cores inflate wall time;
# user+sys is the CPU the build itself needed.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
xs=${XSTATIC:-$root/build/src/xstatic}
home=${XSTATIC_HOME:-$root/build/test-store}
first_link=no
if [ "${1:-}" = --first-link ]; then
  first_link=yes
  shift
fi
target=${1:-linux/arm64}

read -r triple arch < <("$xs" targets --json | python3 -c '
import json, sys
t = [r for r in json.load(sys.stdin) if r["name"] == sys.argv[1] and r["libc"] == "musl"][0]
print(t["triple"], t["debian_arch"])' "$target")
sysroot=$home/sysroots/$arch-musl
tarball=$(ls "$home"/src/llvm-toolchain-*.orig.tar.* 2>/dev/null | head -1 || true)
[ -f "$sysroot/manifest.json" ] || { echo "no sysroot in $sysroot: run 'xstatic sysroot install $target'" >&2; exit 3; }
[ -n "$tarball" ] || { echo "no LLVM tarball in $home/src: run 'xstatic runtimes build $target' once" >&2; exit 3; }

fresh=$(mktemp -d "${TMPDIR:-/tmp}/xstatic-bench.XXXXXX")
trap 'rm -rf "$fresh"' EXIT
mkdir -p "$fresh/sysroots" "$fresh/src"
ln -s "$sysroot" "$fresh/sysroots/$arch-musl"
ln "$tarball" "$fresh/src/" 2>/dev/null || cp "$tarball" "$fresh/src/"
# mimalloc's tarball too, so that the hello below links the default allocator.
for f in "$home"/src/mimalloc_*.orig.tar.*; do [ -f "$f" ] && { ln "$f" "$fresh/src/" 2>/dev/null || cp "$f" "$fresh/src/"; }; done

if [ "$first_link" = yes ]; then
  cp "$root/tests/integration/programs/cxx_hello_thread.cpp" "$fresh/hello.cpp"
  echo "first xstatic c++ for $target ($triple), $(nproc) CPUs, load before: $(cut -d' ' -f1-3 /proc/loadavg)"
  # Each line the driver prints, stamped with the seconds since the start.
  start=$EPOCHREALTIME
  XSTATIC_HOME=$fresh /usr/bin/time -f "first link: %e s wall, %U s user, %S s sys" \
    "$xs" c++ --target "$target" -O2 "$fresh/hello.cpp" -o "$fresh/hello" 2>&1 |
    while IFS= read -r line; do
      printf '%6.1f  %s\n' "$(echo "$EPOCHREALTIME - $start" | bc)" "$line"
    done
  echo "load after: $(cut -d' ' -f1-3 /proc/loadavg)"
  echo "hello -O2, stripped: $(stat -c %s "$fresh/hello") bytes"
  exit 0
fi
echo "runtimes for $target ($triple), $(nproc) CPUs, load before: $(cut -d' ' -f1-3 /proc/loadavg)"
XSTATIC_HOME=$fresh /usr/bin/time -f "build (extraction included): %e s wall, %U s user, %S s sys" \
  "$xs" runtimes build "$target" --runtime libc++
echo "load after: $(cut -d' ' -f1-3 /proc/loadavg)"
XSTATIC_HOME=$fresh /usr/bin/time -f "second run (already built): %e s wall" "$xs" -q runtimes build "$target"

rt=$(ls -d "$fresh"/runtimes/llvm-$(clang-19 -dumpversion | cut -d. -f1)-r*/$arch-musl | grep -v -- -size/)
echo "compiled files: $(grep -c '^\[[0-9]*/[0-9]*\] Building' "$rt/build.log"), configure checks run: $(grep -c '^-- Performing Test .* - \|^-- Looking for .* - ' "$rt/build.log")"
XSTATIC_HOME=$fresh /usr/bin/time -f "size runtimes (libc++ and mimalloc at -Oz): %e s wall, %U s user, %S s sys" \
  "$xs" -q runtimes build "$target" --runtimes-opt=size
cp "$root/tests/integration/programs/cxx_hello_thread.cpp" "$fresh/hello.cpp"
# Linked as users link it: xstatic c++, default allocator (mimalloc, built here in seconds).
for opt in -O2 -Os; do
  XSTATIC_HOME=$fresh "$xs" -q c++ --target "$target" "$opt" "$fresh/hello.cpp" -o "$fresh/hello$opt"
  echo "static iostream+thread hello $opt, stripped: $(stat -c %s "$fresh/hello$opt") bytes" \
    "(zig c++ 0.11, aarch64: 430904 at -O2, 336912 at -Os)"
done
