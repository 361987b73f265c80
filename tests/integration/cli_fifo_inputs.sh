#!/usr/bin/env bash
# A fifo (or a device, or a folder) where a command reads a file is refused
# at once with exit 2, never read (which blocks forever on a fifo with no
# writer): lipo's inputs, sysroot and runtimes archives, response files of
# cc, also one named inside another (issue 23, item 12). Each runs under a
# timeout: 124 would be the hang.
. "$(dirname "$0")/lib/common.sh"
need timeout
need mkfifo
mkfifo "$WORK/ff"
refused() { # what-to-expect args...
  local want=$1 rc=0
  shift
  timeout 20 "$XSTATIC" "$@" >"$WORK/out" 2>"$WORK/err" || rc=$?
  [ "$rc" != 124 ] || fail "xstatic $*: hung on a fifo"
  [ "$rc" = 2 ] || fail "xstatic $*: exit $rc, expected 2: $(cat "$WORK/err")"
  expect_contains "$(cat "$WORK/err")" "xstatic: error: "
  expect_contains "$(cat "$WORK/err")" "$want"
}
refused "$WORK/ff" lipo -o "$WORK/u" "$WORK/ff" "$WORK/ff"
refused "a fifo, not a regular file" sysroot import "$WORK/ff"
refused "a fifo, not a regular file" runtimes import "$WORK/ff"
refused "a fifo, not a regular file" --store "$WORK/store" sysroot import "$WORK/ff"
refused "a device, not a regular file" runtimes import /dev/zero
refused "a fifo, not a regular file" cc --target linux/amd64 @"$WORK/ff"
printf -- '-O2 @%s\n' "$WORK/ff" >"$WORK/outer.rsp"
refused "$WORK/ff" cc --target linux/amd64 -c x.c @"$WORK/outer.rsp"
[ ! -e "$WORK/u" ] || fail "lipo wrote an output"
[ ! -e "$WORK/store/sysroots" ] || [ -z "$(ls -A "$WORK/store/sysroots")" ] || fail "import installed something"
echo "ok"
