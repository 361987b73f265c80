#!/usr/bin/env bash
# `sysroot install` of a target whose sysroot comes from the system (mingw
# from Debian's mingw-w64) succeeds with a note when it is there, as
# `targets` says ready and builds work; it still fails naming the package
# when it is not (issue 23, item 15).
. "$(dirname "$0")/lib/common.sh"
[ -f /usr/x86_64-w64-mingw32/include/stdio.h ] || skip "mingw-w64 is not installed"
out=$("$XSTATIC" sysroot install windows/amd64 2>err) || fail "sysroot install windows/amd64: $(cat err)"
[ "$out" = /usr/x86_64-w64-mingw32 ] || fail "sysroot install windows/amd64 printed '$out'"
expect_contains "$(cat err)" "note: windows/amd64 uses mingw from /usr/x86_64-w64-mingw32"
# -q: the path only.
[ "$("$XSTATIC" -q sysroot install windows/amd64 2>&1)" = /usr/x86_64-w64-mingw32 ] || fail "-q printed more"
expect_contains "$("$XSTATIC" targets | grep '^windows/amd64 ')" "ready"
# No imported macOS SDK in an empty store: still refused, naming the remedy.
rc=0
"$XSTATIC" --store "$WORK/empty" sysroot install darwin/arm64 >/dev/null 2>err || rc=$?
[ "$rc" != 0 ] || fail "sysroot install darwin/arm64 succeeded without an SDK"
expect_contains "$(cat err)" "xstatic sdk import"
echo "ok"
