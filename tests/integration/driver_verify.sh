#!/usr/bin/env bash
# The post-link check: a link that comes out dynamic is caught, named and
# removed; --no-verify and XSTATIC_NO_VERIFY=1 keep it; -static-pie passes.
. "$(dirname "$0")/lib/common.sh"
. "$SRC/tests/integration/lib/driver.sh"
need clang-19
driver_sysroot linux/amd64 musl

printf 'int foo(void) { return 42; }\n' >foo.c
printf '#include <stdio.h>\nint foo(void);\nint main(void) { printf("%%d\\n", foo()); return 0; }\n' >main.c

# A shared library is allowed (it is checked for its machine only); the musl
# sysroot carries gcc's crtbeginS.o/crtendS.o for it.
"$XSTATIC" cc --target linux/amd64 -shared -fPIC foo.c -o libfoo.so
file -b libfoo.so | grep -q "shared object, x86-64" || fail "libfoo.so: $(file -b libfoo.so)"

# -Wl,-Bdynamic against it: the link succeeds, the check does not.
rc=0
"$XSTATIC" cc --target linux/amd64 main.c -L. -Wl,-Bdynamic -lfoo -o app 2>err || rc=$?
[ "$rc" = 1 ] || fail "dynamic link exited $rc, not 1: $(cat err)"
expect_contains "$(cat err)" "is not a static linux/amd64 (musl) binary"
expect_contains "$(cat err)" "libfoo.so"
[ ! -e app ] || fail "the dynamic output was left behind"
echo "ok: -Wl,-Bdynamic caught: $(head -1 err)"

# An interpreter asked for by hand: caught too.
rc=0
"$XSTATIC" cc --target linux/amd64 main.c foo.c -Wl,--dynamic-linker=/lib/ld-musl-x86_64.so.1 -o app 2>err || rc=$?
[ "$rc" = 1 ] || fail "--dynamic-linker link exited $rc"
expect_contains "$(cat err)" "interpreter"
echo "ok: --dynamic-linker caught"

# Skipping the check keeps the file.
"$XSTATIC" cc --target linux/amd64 main.c -L. -Wl,-Bdynamic -lfoo -o app --no-verify
readelf -d app | grep -q "NEEDED.*libfoo.so" || fail "--no-verify output is not the dynamic file"
rm app
XSTATIC_NO_VERIFY=1 "$XSTATIC" cc --target linux/amd64 main.c -L. -Wl,-Bdynamic -lfoo -o app
[ -e app ] || fail "XSTATIC_NO_VERIFY=1 did not keep the file"
echo "ok: --no-verify, XSTATIC_NO_VERIFY=1"

# The wrong machine: -m32 passes through to clang and makes a 32-bit x86 file
# (no libc needed with -nostdlib), which is not linux/amd64.
printf 'void _start(void) { for (;;) {} }\n' >start.c
rc=0
"$XSTATIC" cc --target linux/amd64 -m32 -nostdlib start.c -o app32 2>err || rc=$?
[ "$rc" = 1 ] || fail "a 32-bit file for linux/amd64 exited $rc: $(cat err)"
expect_contains "$(cat err)" "is not a static linux/amd64 (musl) binary"
echo "ok: wrong machine caught: $(head -1 err)"

# -static-pie is static and passes, with musl (rcrt1.o) and with glibc.
"$XSTATIC" cc --target linux/amd64 --pie main.c foo.c -o pie-musl
[ "$(./pie-musl)" = 42 ] || fail "musl static-pie app"
expect_contains "$("$XSTATIC" inspect pie-musl)" "static-pie"
driver_sysroot linux/amd64 glibc
"$XSTATIC" cc --target linux/amd64 --libc glibc --pie main.c foo.c -o pie-app --print-command 2>cmd
expect_contains "$(cat cmd)" "-static-pie"
[ "$(./pie-app)" = 42 ] || fail "static-pie app"
readelf -h pie-app | grep -q "DYN" || fail "--pie did not make a position-independent file"
echo "ok: --pie makes a static-pie that passes the check"

# `xstatic verify --target`: a Go-style name (linux/amd64) names an OS and an
# architecture, so a static glibc file passes; --libc or a triple names a C
# library, and then the libc is checked (both ways).
"$XSTATIC" cc --target linux/amd64 --libc glibc main.c foo.c -o glibc-app
"$XSTATIC" verify glibc-app --target linux/amd64 --static >out 2>/dev/null || fail "static glibc vs linux/amd64: $(cat out)"
expect_contains "$(cat out)" "glibc"
"$XSTATIC" verify glibc-app --target linux/amd64 --libc glibc --static >/dev/null 2>&1 || fail "--libc glibc refused"
"$XSTATIC" verify glibc-app --target x86_64-linux-gnu --static >/dev/null 2>&1 || fail "x86_64-linux-gnu refused"
for named in "--target linux/amd64 --libc musl" "--target x86_64-linux-musl"; do
  rc=0
  # shellcheck disable=SC2086 # two words on purpose
  "$XSTATIC" verify glibc-app $named --static >out 2>/dev/null || rc=$?
  [ "$rc" = 1 ] || fail "glibc file vs '$named' exited $rc"
  expect_contains "$(cat out)" "libc: is glibc"
done
echo "ok: verify --target linux/amd64 takes any libc; --libc and triples check it"
