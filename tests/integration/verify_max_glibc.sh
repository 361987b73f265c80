#!/usr/bin/env bash
# `verify --max-glibc FLOOR` and inspect's "glibc needed", on binaries built
# by the host's gcc against this machine's glibc (Debian 12: 2.36), as a
# user would check any binary: a program calling close_range (glibc 2.34)
# fails a 2.31 floor naming close_range@GLIBC_2.34 and passes 2.36; /bin/ls
# needs libselinux (not glibc's) and its highest version matches what
# llvm-objdump lists; a non-standard interpreter fails; static files pass;
# bad floors are usage errors.
. "$(dirname "$0")/lib/common.sh"
need cc
need llvm-objdump-19

cat >cr.c <<'C'
#define _GNU_SOURCE
#include <stdio.h>
#include <unistd.h>
int main(void) { printf("%d\n", close_range(100, 200, 0)); return 0; }
C
cc -O2 cr.c -o cr
rc=0
out=$("$XSTATIC" verify --max-glibc 2.31 cr) || rc=$?
[ "$rc" = 1 ] || fail "a 2.34 program against floor 2.31 exited $rc: $out"
expect_contains "$out" "close_range@GLIBC_2.34"
expect_contains "$out" "above the floor 2.31"
out=$("$XSTATIC" verify --max-glibc 2.36 cr) || fail "floor 2.36 refused the program: $out"
expect_contains "$out" "needs glibc 2.34"
info=$("$XSTATIC" inspect cr)
expect_contains "$info" "glibc needed  2.34 ("
expect_contains "$(echo "$info" | grep "glibc needed")" "close_range"
echo "ok: close_range needs 2.34, named against floor 2.31"

# Any binary: /bin/ls. The highest GLIBC_ version as llvm-objdump lists it.
want=$(llvm-objdump-19 -T /bin/ls | grep -o 'GLIBC_[0-9][0-9.]*' | sed 's/GLIBC_//' | sort -uV | tail -1)
[ -n "$want" ] || fail "llvm-objdump found no glibc version in /bin/ls"
got=$("$XSTATIC" inspect --json /bin/ls | python3 -c 'import json,sys; print(json.load(sys.stdin)[0]["glibc_max"])')
[ "$got" = "$want" ] || fail "inspect says /bin/ls needs glibc $got, llvm-objdump $want"
rc=0
out=$("$XSTATIC" verify --max-glibc 2.17 /bin/ls) || rc=$?
[ "$rc" = 1 ] || fail "/bin/ls passed floor 2.17: $out"
if llvm-objdump-19 -p /bin/ls | grep -q 'NEEDED.*libselinux'; then
  expect_contains "$out" "libselinux.so.1, not part of glibc"
fi
echo "ok: /bin/ls needs glibc $got"

# A loader that is not glibc's standard one.
cc -O2 cr.c -o odd -Wl,--dynamic-linker=/opt/ld.so
rc=0
out=$("$XSTATIC" verify --max-glibc 2.36 odd) || rc=$?
[ "$rc" = 1 ] || fail "a non-standard interpreter passed: $out"
expect_contains "$out" "interpreter: /opt/ld.so"

# A static file needs no glibc: it passes any floor.
need_sysroot linux/amd64 || fail "cannot install the sysroot for linux/amd64"
printf '#include <stdio.h>\nint main(void) { return puts("static") < 0; }\n' >hello.c
"$XSTATIC" -q cc --target linux/amd64 hello.c -o cr-static
"$XSTATIC" verify --max-glibc 2.17 cr-static >/dev/null || fail "a static binary failed floor 2.17"

# Bad floors and a floor for a musl target are usage errors (exit 2).
for bad in 2 2.3x abc 2..31; do
  rc=0
  "$XSTATIC" verify --max-glibc "$bad" cr >/dev/null 2>err || rc=$?
  [ "$rc" = 2 ] || fail "--max-glibc $bad exited $rc"
  expect_contains "$(cat err)" "not a glibc version"
done
rc=0
"$XSTATIC" verify --max-glibc 2.31 --target x86_64-linux-musl cr-static >/dev/null 2>err || rc=$?
[ "$rc" = 2 ] || fail "a glibc floor for a musl target exited $rc"
expect_contains "$(cat err)" "floor for glibc binaries"
echo "ok: bad floors refused"
