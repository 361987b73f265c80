#!/usr/bin/env bash
# `-o` naming one of the inputs is refused with exit 2 before clang runs, so
# the source survives (issue 23, item 6): a link, a compile, another
# spelling of the same path, an input from a response file. An output that
# only shares the input's file name (another folder) is fine.
. "$(dirname "$0")/lib/common.sh"
. "$SRC/tests/integration/lib/driver.sh"
need clang-19
driver_sysroot linux/arm64 musl
printf 'int main(void) { return 0; }\n' >same.c
cp same.c orig.c
mkdir -p sub out
cp same.c sub/same.c
refused() { # args...
  local rc=0
  "$XSTATIC" cc --target linux/arm64 "$@" >"$WORK/out.txt" 2>"$WORK/err" || rc=$?
  [ "$rc" = 2 ] || fail "cc $*: exit $rc, expected 2: $(cat "$WORK/err")"
  expect_contains "$(cat "$WORK/err")" "xstatic: error: -o "
  cmp -s same.c orig.c || fail "cc $*: same.c was overwritten"
  cmp -s sub/same.c orig.c || fail "cc $*: sub/same.c was overwritten"
}
refused same.c -o same.c
refused -c same.c -o same.c
refused -E same.c -o ./same.c
refused sub/same.c -o "$WORK/sub/same.c"
refused -o sub/../same.c same.c
printf 'same.c\n' >in.rsp
refused @in.rsp -o same.c
refused -o same.c -- same.c
# Same file name, another file: allowed.
"$XSTATIC" cc --target linux/arm64 -E same.c -o out/same.c
"$XSTATIC" cc --target linux/arm64 same.c -o same
[ -s same ] && [ -s out/same.c ] || fail "ordinary outputs were not written"
cmp -s same.c orig.c || fail "same.c changed"
echo "ok"
