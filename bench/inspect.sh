#!/usr/bin/env bash
# Time `xstatic inspect` and `xstatic verify` on a 100 MB static binary (a
# 100 MB initialised array in .data, so the file really is 100 MB).
# Goal: under 20 ms, because the file is memory-mapped and only the headers,
# section table, symbol table and .rodata are touched.
#   bench/inspect.sh [path/to/xstatic]    (default: build/src/xstatic)
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
xs=${1:-$root/build/src/xstatic}
command -v hyperfine >/dev/null || { echo "needs hyperfine (apt-get install hyperfine)"; exit 1; }
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

cat > "$work/big.c" <<'C'
#include <stdio.h>
char big[100 << 20] = {1};  /* initialised: stored in the file, not .bss */
int main(int argc, char **argv) { (void)argv; printf("%d\n", big[argc]); return 0; }
C
clang-19 -O1 -static -fuse-ld=lld "$work/big.c" -o "$work/big"
printf 'file: %s bytes\n' "$(stat -c %s "$work/big")"
# Drop nothing from the page cache: this measures the warm case a build sees
# right after its link; --prepare could drop caches for the cold case (needs root).
hyperfine -N --warmup 3 --runs 30 --export-markdown "$work/result.md" \
  "$xs version" \
  "$xs inspect $work/big" \
  "$xs inspect --json $work/big" \
  "$xs verify --static --allow-hazards $work/big"
cat "$work/result.md"
# Memory: the mapped file is not read wholly, so the peak RSS stays small.
if [ -x /usr/bin/time ]; then
  /usr/bin/time -f 'peak RSS of inspect: %M KiB' "$xs" inspect "$work/big" >/dev/null
fi
