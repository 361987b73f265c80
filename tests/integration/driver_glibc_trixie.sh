#!/usr/bin/env bash
# The trixie floor, glibc 2.41 (docs/glibc.md): strlcpy, new in glibc 2.38,
# is not declared at floor 2.31 nor at the default glibc (bookworm's 2.36),
# so it fails to compile there with clang's own error, and compiles at 2.41;
# the 2.41 libc-dynamic program fails `verify --max-glibc 2.36` naming
# strlcpy@GLIBC_2.38, passes at 2.41, and runs on trixie's own loader and
# libc (from the floor sysroot).
#
# Cost: linux/amd64 only. The first run installs the 2.41 sysroot (trixie's
# packages and apt index: 26 s into an empty store here, 100 s on a busier
# machine); the 2.31 and default glibc sysroots are shared with
# driver_glibc_floor and the release suites. Warm, the suite takes 2 s.
. "$(dirname "$0")/lib/common.sh"
need clang-19
need apt-get

cat >sl.c <<'C'
#include <stdio.h>
#include <string.h>
int main(int argc, char** argv) {
  char b[8];
  size_t n = strlcpy(b, argc > 1 ? argv[1] : "strlcpy at 2.41", sizeof b);
  printf("%s %zu\n", b, n);
  return 0;
}
C

start=$SECONDS
for floor in 2.31 2.41; do
  "$XSTATIC" -q sysroot install linux/amd64 --glibc "$floor" >/dev/null ||
    fail "cannot install the $floor sysroot for linux/amd64"
done
"$XSTATIC" -q sysroot install linux/amd64 --libc glibc >/dev/null || fail "cannot install the glibc sysroot"
echo "sysroots ready in $((SECONDS - start)) s"

# Headers of each floor: strlcpy is undeclared before 2.38 (x86_64-linux-gnu: the default, 2.36).
for target in x86_64-linux-gnu.2.31 x86_64-linux-gnu; do
  if "$XSTATIC" cc -target "$target" -Werror=implicit-function-declaration -c sl.c -o sl.o 2>err; then
    fail "strlcpy compiled for $target"
  fi
  expect_contains "$(cat err)" "call to undeclared function 'strlcpy'"
done
"$XSTATIC" cc -target x86_64-linux-gnu.2.41 -Werror=implicit-function-declaration -c sl.c -o sl.o ||
  fail "strlcpy does not compile at 2.41"
echo "ok: strlcpy undeclared at 2.31 and 2.36, declared at 2.41"

# Linked at 2.41, glibc dynamic: the driver's own check passes at 2.41; an
# older floor's check names the symbol.
"$XSTATIC" cc --target linux/amd64 --glibc 2.41 --link=libc-dynamic sl.c -o sl || fail "no libc-dynamic link at 2.41"
rc=0
out=$("$XSTATIC" verify --max-glibc 2.36 sl) || rc=$?
[ "$rc" = 1 ] || fail "strlcpy@GLIBC_2.38 passed floor 2.36 (exit $rc): $out"
expect_contains "$out" "strlcpy@GLIBC_2.38"
"$XSTATIC" verify --max-glibc 2.41 sl >/dev/null || fail "the 2.41 program fails its own floor"
sys=$XSTATIC_HOME/sysroots/amd64-glibc-2.41
got=$("$sys/lib64/ld-linux-x86-64.so.2" --library-path "$sys/lib/x86_64-linux-gnu" ./sl)
[ "$got" = "strlcpy 15" ] || fail "on trixie's glibc the program printed '$got'"
echo "ok: the 2.41 program needs strlcpy@GLIBC_2.38 (refused at 2.36) and runs on trixie's glibc: $got"
