#!/usr/bin/env bash
# sysroot install, list, path for linux/amd64 and linux/arm64 with both libcs
# (real Debian packages through the host's apt), and a C hello that links
# statically against each with clang-19 and lld, then runs (arm64 under qemu).
. "$(dirname "$0")/lib/common.sh"
need clang-19
need ld.lld-19
need apt-get
need qemu-aarch64-static

cat > hello.c <<'C'
#include <math.h>
#include <pthread.h>
#include <stdio.h>
int main(int argc, char **argv) { (void)argv; printf("hello %d\n", (int)sqrt(argc * 16.0)); return 0; }
C

for target in linux/amd64 linux/arm64; do
  for libc in musl glibc; do
    "$XSTATIC" sysroot install "$target" --libc "$libc" >out 2>err || fail "install $target $libc: $(cat err)"
    sysroot=$(cat out)
    [ -f "$sysroot/manifest.json" ] || fail "no manifest in $sysroot"
    [ "$("$XSTATIC" sysroot path "$target" --libc "$libc")" = "$sysroot" ] || fail "path $target $libc"
    # A second install finds it installed and prints the same path at once.
    [ "$("$XSTATIC" -q sysroot install "$target" --libc "$libc")" = "$sysroot" ] || fail "install is not idempotent"

    triple=$("$XSTATIC" targets --json | python3 -c "import json,sys; print(next(r['triple'] for r in json.load(sys.stdin) if r['name']=='$target' and r['libc']=='$libc'))")
    clang-19 --target="$triple" --sysroot="$sysroot" -static -fuse-ld=lld hello.c -o "hello-$libc" -lpthread -lm -lrt -ldl ||
      fail "hello does not link for $target $libc"
    file -b "hello-$libc" | grep -q "statically linked" || fail "hello for $target $libc is not static: $(file -b "hello-$libc")"
    case $target in
      linux/amd64) run=() ;;
      linux/arm64) run=(qemu-aarch64-static) ;;
    esac
    [ "$("${run[@]}" "./hello-$libc")" = "hello 4" ] || fail "hello for $target $libc does not run"
  done
done

list=$("$XSTATIC" sysroot list --json)
for name in amd64-musl amd64-glibc arm64-musl arm64-glibc; do expect_contains "$list" "\"$name\""; done
expect_contains "$("$XSTATIC" sysroot list)" "arm64-glibc"
grep -q '"sha256": "[0-9a-f]\{64\}"' "$("$XSTATIC" sysroot path linux/arm64)/manifest.json" || fail "manifest without sha256"

# Errors a user meets: an unknown target, a target xstatic does not provision, a missing sysroot.
must_fail "$XSTATIC" sysroot install linux/sparc
expect_contains "$(cat err)" "linux/sparc"
# windows/amd64 is the system's mingw-w64, not provisioned: a note and exit 0 when it is
# there (sysroot_system checks both cases), never a sysroot in the store.
"$XSTATIC" sysroot install windows/amd64 >/dev/null 2>err || expect_contains "$(cat err)" "mingw"
[ ! -e "$XSTATIC_HOME/sysroots/amd64-mingw" ] || fail "windows/amd64 got a sysroot in the store"
must_fail "$XSTATIC" --store "$WORK/empty" sysroot path linux/arm64
expect_contains "$(cat err)" "xstatic sysroot install linux/arm64"
set +e; "$XSTATIC" --store "$WORK/empty" sysroot path linux/arm64 2>/dev/null; rc=$?; set -e
[ "$rc" = 3 ] || fail "path of a missing sysroot exits $rc, not 3"
# --libc is parsed in one place: a bad value is a usage error (2) with the same
# hint everywhere, `sysroot add` included, before anything is fetched.
for cmd in "sysroot install linux/arm64" "sysroot add linux/arm64 zlib1g-dev" "env linux/arm64"; do
  set +e; "$XSTATIC" --store "$WORK/empty" $cmd --libc glibcc 2>err >/dev/null; rc=$?; set -e
  [ "$rc" = 2 ] || fail "$cmd --libc glibcc exits $rc, not 2"
  expect_contains "$(cat err)" "unknown libc 'glibcc' in --libc"
  expect_contains "$(cat err)" "use --libc musl or --libc glibc"
done
[ ! -e "$WORK/empty/apt" ] || fail "sysroot add with a bad --libc touched the store"
echo "ok"
