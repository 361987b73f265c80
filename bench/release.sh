#!/usr/bin/env bash
# What `xstatic release` adds to the builds themselves: the examples' CMake
# project released for linux/amd64, linux/arm64 and windows/amd64 (when
# mingw-w64 is here) against the same three builds done by hand with
# `xstatic toolchain cmake` files and the same -g. The difference is
# verification, debug split, archives, checksums and SBOMs.
# Goal: under 10% of the wall time.
#   bench/release.sh [path/to/xstatic] [rounds]   (default: build/src/xstatic, 3)
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
xs=$(realpath "${1:-$root/build/src/xstatic}")
rounds=${2:-3}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

targets="linux/amd64 linux/arm64"
[ -f /usr/x86_64-w64-mingw32/include/stdio.h ] && targets="$targets windows/amd64"
for t in $targets; do "$xs" -q sysroot install "$t" >/dev/null 2>&1 || true; done

cp -r "$root/examples/cmake-project" "$work/p"
toml_targets=$(printf '"%s", ' $targets)
cat >"$work/p/xstatic-release.toml" <<TOML
name = "wordstat"
version = "1.0.0"
targets = [${toml_targets%, }]
binaries = ["wordstat-cli"]
extra_files = ["README.md"]
[cmake]
targets = ["wordstat-cli"]
TOML

by_hand() {
  for t in $targets; do
    slug=${t//\//_}
    "$xs" -q toolchain cmake "$t" -o "$work/$slug.cmake"
    rm -rf "$work/hand-$slug"
    cmake -S "$work/p" -B "$work/hand-$slug" -G Ninja -DCMAKE_TOOLCHAIN_FILE="$work/$slug.cmake" \
      -DCMAKE_BUILD_TYPE=Release -DCMAKE_C_FLAGS=-g -DCMAKE_CXX_FLAGS=-g >/dev/null
    cmake --build "$work/hand-$slug" --target wordstat-cli -j 2 >/dev/null
  done
}
release() { (cd "$work/p" && "$xs" -q release -j 2 >/dev/null); }

now() { date +%s.%N; }
hand_times=() release_times=()
for i in $(seq "$rounds"); do  # alternate, so that load on the machine hits both alike
  s=$(now); by_hand; e=$(now); hand_times+=("$(awk -v a="$s" -v b="$e" 'BEGIN {printf "%.2f", b - a}')")
  s=$(now); release; e=$(now); release_times+=("$(awk -v a="$s" -v b="$e" 'BEGIN {printf "%.2f", b - a}')")
done
median() { printf '%s\n' "$@" | sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
hand=$(median "${hand_times[@]}")
rel=$(median "${release_times[@]}")
echo "targets: $targets; rounds: $rounds"
echo "by hand (toolchain files, cmake, -g): ${hand_times[*]} s; median $hand s"
echo "xstatic release (same builds + verify, split, archives, checksums, SBOM): ${release_times[*]} s; median $rel s"
awk -v h="$hand" -v r="$rel" 'BEGIN {printf "overhead: %.1f %%\n", (r - h) * 100 / h}'
ls -l "$work/p/dist"
