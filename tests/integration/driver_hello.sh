#!/usr/bin/env bash
# hello in C for linux/amd64 and linux/arm64, musl and glibc: built by
# `xstatic cc`, verified static by xstatic itself, checked by file and ldd,
# and run (arm64 under qemu-aarch64-static).
. "$(dirname "$0")/lib/common.sh"
. "$SRC/tests/integration/lib/driver.sh"
need clang-19; need file

cat >hello.c <<'C'
#include <stdio.h>
int main(int argc, char **argv) {
  printf("hello from %s, %d args\n", argc > 1 ? argv[1] : "xstatic", argc);
  return 0;
}
C

for target in linux/amd64 linux/arm64; do
  for libc in musl glibc; do
    driver_sysroot "$target" "$libc"
    out="hello-${target#linux/}-$libc"
    "$XSTATIC" cc --target "$target" --libc "$libc" --print-command hello.c -o "$out" 2>cmd.txt ||
      fail "$target $libc: xstatic cc failed: $(cat cmd.txt)"
    expect_contains "$(cat cmd.txt)" "-static"
    expect_contains "$(cat cmd.txt)" "-fuse-ld=lld"
    desc=$(file -b "$out")
    expect_contains "$desc" "statically linked"
    expect_contains "$desc" "stripped"
    case $target in
      linux/amd64) expect_contains "$desc" "x86-64" ;;
      linux/arm64) expect_contains "$desc" "aarch64" ;;
    esac
    # ldd exits 1 on a static file, and says why.
    expect_exit 1 ldd "$out"
    expect_contains "$(cat "$WORK/out")" "not a dynamic executable"
    got=$(driver_run "$target" "./$out" world)
    [ "$got" = "hello from world, 2 args" ] || fail "$target $libc: ran and printed '$got'"
    echo "ok: $target $libc: $(stat -c %s "$out") bytes, $desc"
  done
done
