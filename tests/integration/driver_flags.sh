#!/usr/bin/env bash
# Drop-in behaviour: separate compilation, the usual flags passed through
# untouched, clang's diagnostics and exit status, response files.
. "$(dirname "$0")/lib/common.sh"
. "$SRC/tests/integration/lib/driver.sh"
need clang-19
driver_sysroot linux/arm64 musl
T=(--target linux/arm64)

mkdir -p inc lib
cat >inc/greet.h <<'C'
int greet(const char *who);
int helper(void);
C
cat >main.c <<'C'
#include "greet.h"
#ifndef GREETING_TIMES
#error "-D did not pass through"
#endif
int main(void) { for (int i = 0; i < GREETING_TIMES; i++) greet("two files"); return helper(); }
C
cat >greet.c <<'C'
#include <stdio.h>
#include "greet.h"
int greet(const char *who) { return printf("hello from %s\n", who); }
C
cat >helper.c <<'C'
int helper(void) { return 0; }
C

# Two translation units compiled with -c (exec'd clang), then linked.
"$XSTATIC" cc "${T[@]}" -c -O2 -Iinc -DGREETING_TIMES=2 main.c -o main.o
"$XSTATIC" cc "${T[@]}" -c -O2 -Iinc greet.c -o greet.o
file -b main.o | grep -q "relocatable, ARM aarch64" || fail "main.o is not an arm64 object: $(file -b main.o)"
# -L/-l: a static library made with the LLVM archiver.
"$XSTATIC" cc "${T[@]}" -c helper.c -o helper.o
llvm-ar-19 rcs lib/libhelper.a helper.o
# -Wl,: a linker option that zig rejects (-z), and one whose effect we can see (--build-id=none).
"$XSTATIC" cc "${T[@]}" main.o greet.o -Llib -lhelper -Wl,-z,now -Wl,--build-id=none -o app
readelf -n app 2>/dev/null | grep -q "Build ID" && fail "-Wl,--build-id=none did not reach the linker"
got=$(qemu-aarch64-static ./app)
[ "$got" = $'hello from two files\nhello from two files' ] || fail "two-file program printed '$got'"
echo "ok: -c twice, then a link with -L -l -Wl"

# A command through a response file, as build systems write them, xstatic's own options included.
printf -- '--target linux/arm64 -O2 -Iinc "-DGREETING_TIMES=1"\nmain.c greet.o -Llib -lhelper -o app2\n' >args.rsp
"$XSTATIC" cc @args.rsp --print-command 2>cmd
[ "$(qemu-aarch64-static ./app2)" = "hello from two files" ] || fail "response file build"
case "$(cat cmd)" in *@args.rsp*) fail "a response file holding xstatic's options reached clang unexpanded" ;; esac
# Without xstatic's options inside, the @file reaches clang as it is (no
# argument-length limit for huge link lines).
printf -- '-O2 -Iinc "-DGREETING_TIMES=1"\nmain.c greet.o -Llib -lhelper -o app3\n' >plain.rsp
"$XSTATIC" cc "${T[@]}" @plain.rsp --print-command 2>cmd
expect_contains "$(cat cmd)" "@plain.rsp"
[ "$(qemu-aarch64-static ./app3)" = "hello from two files" ] || fail "plain response file build"
echo "ok: @response file"

# -g keeps the symbols; --strip=all drops them anyway.
"$XSTATIC" cc "${T[@]}" -g -O2 -Iinc -DGREETING_TIMES=1 main.c greet.c -Llib -lhelper -o app-g
file -b app-g | grep -q "with debug_info, not stripped" || fail "-g: $(file -b app-g)"
"$XSTATIC" cc "${T[@]}" -g --strip=all -Iinc -DGREETING_TIMES=1 main.c greet.c -Llib -lhelper -o app-s
file -b app-s | grep -q ", stripped" || fail "--strip=all: $(file -b app-s)"
echo "ok: -g and --strip"

# The store's path never reaches an object: debug info names the sysroot's
# headers under /xstatic, so objects are the same from any store.
cat >debugfile.c <<'C'
#include <stdio.h>
FILE *out;
int main(void) { out = stdout; return 0; }
C
"$XSTATIC" cc "${T[@]}" -g -c debugfile.c -o debugfile.o
store=$(cd "${XSTATIC_HOME:?}" && pwd -P)
lines=$(llvm-dwarfdump-19 --debug-line debugfile.o)
expect_contains "$lines" "/xstatic/sysroots/"
case $lines in *"$store"*) fail "the store's path is in the debug info: $(echo "$lines" | grep -F "$store" | head -3)" ;; esac
echo "ok: the store's path is /xstatic in debug info"

# A syntax error: clang's own diagnostic, clang's exit status, no output file.
printf 'int main(void) { return 0 }\n' >bad.c
rc=0
"$XSTATIC" cc "${T[@]}" bad.c -o bad 2>err || rc=$?
[ "$rc" = 1 ] || fail "syntax error exited $rc, not clang's 1"
expect_contains "$(cat err)" "bad.c:1:26: error: expected ';'"
[ ! -e bad ] || fail "a failed compile left an output"
rc=0
"$XSTATIC" cc "${T[@]}" -c bad.c 2>err || rc=$?
[ "$rc" = 1 ] || fail "syntax error with -c exited $rc"
expect_contains "$(cat err)" "error: expected ';'"
echo "ok: syntax error reported by clang, exit 1"

# What configure scripts do: a program on stdin, a link to /dev/null.
printf 'int main(void) { return 0; }\n' | "$XSTATIC" cc "${T[@]}" -x c - -o /dev/null
printf '#include <stdio.h>\nint main(void) { puts("stdin"); return 0; }\n' | "$XSTATIC" cc "${T[@]}" -x c - -o from-stdin
[ "$(qemu-aarch64-static ./from-stdin)" = stdin ] || fail "program from stdin"
echo "ok: stdin input, -o /dev/null"

# Unknown options are clang's to judge, not ours.
must_fail "$XSTATIC" cc "${T[@]}" -c --no-such-flag main.c
expect_contains "$(cat "$WORK/err")" "unknown argument: '--no-such-flag'"
echo "ok: unknown options reach clang"
