#!/usr/bin/env bash
# "Copy and execute": the binary runs in a root folder holding nothing else
# (plus qemu-aarch64-static, itself static, for arm64). No libc, no loader,
# no /etc, no /proc.
. "$(dirname "$0")/lib/common.sh"
. "$SRC/tests/integration/lib/driver.sh"
need clang-19
[ "$(id -u)" = 0 ] || skip "chroot needs root"
mkdir probe-root
# 127: chroot worked and found no /nonexistent; 125: chroot itself was refused.
rc=0; chroot probe-root /nonexistent 2>/dev/null || rc=$?
[ "$rc" = 127 ] || skip "chroot is not permitted here (exit $rc)"

cat >hello.c <<'C'
#include <stdio.h>
int main(void) { puts("hello from an empty root"); return 0; }
C

for target in linux/amd64 linux/arm64; do
  for libc in musl glibc; do
    driver_sysroot "$target" "$libc"
    root="root-${target#linux/}-$libc"
    mkdir "$root"
    "$XSTATIC" cc --target "$target" --libc "$libc" hello.c -o "$root/app"
    if [ "$target" = linux/arm64 ]; then
      need qemu-aarch64-static
      cp "$(command -v qemu-aarch64-static)" "$root/qemu"
      got=$(chroot "$root" /qemu /app)
    else
      got=$(chroot "$root" /app)
    fi
    [ "$got" = "hello from an empty root" ] || fail "$target $libc in an empty root printed '$got'"
    [ "$(find "$root" -mindepth 1 | wc -l)" -le 2 ] || fail "$root holds more than the binary"
    echo "ok: $target $libc runs alone in $(ls "$root" | tr '\n' ' ')"
  done
done
