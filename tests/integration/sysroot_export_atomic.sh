#!/usr/bin/env bash
# `sysroot export` writes a temporary file beside -o and renames it when
# done (issue 23, item 2): a SIGKILL in the middle, or a full disk, leaves
# nothing under the final name; the next export removes the killed one's
# temporary file.
. "$(dirname "$0")/lib/common.sh"
need_sysroot linux/arm64 musl

# SIGKILL while it compresses (xz is slow enough to be caught in the middle).
out="$WORK/out/arm64.tar.xz"
mkdir -p "$WORK/out"
"$XSTATIC" -q sysroot export linux/arm64 -o "$out" &
pid=$!
tmp="$WORK/out/.tmp-$pid-arm64.tar.xz"
for _ in $(seq 100); do # until some of the archive is written, wherever
  [ -s "$tmp" ] || [ -s "$out" ] && break
  sleep 0.05
done
kill -9 "$pid"
wait "$pid" 2>/dev/null || [ $? = 137 ] || fail "the killed export ended otherwise"
[ ! -e "$out" ] || fail "a killed export left $(stat -c %s "$out") bytes under the final name"
[ -e "$tmp" ] || fail "the killed export's temporary file vanished by itself"
# The next export finishes, and removes the dead one's temporary file.
"$XSTATIC" -q sysroot export linux/arm64 -o "$out"
[ -s "$out" ] || fail "export after a kill wrote nothing"
[ ! -e "$tmp" ] || fail "the killed export's temporary file is still there"
expect_no_leftovers "$WORK/out" '^\.tmp-' "temporary files left"
xz -t "$out" || fail "the finished archive is damaged"

# A full disk: a tmpfs of 1 MB (only where this suite may mount one).
if [ "$(id -u)" = 0 ] && command -v unshare >/dev/null && unshare -m true 2>/dev/null; then
  rc=0
  unshare -m bash -c '
    mount -t tmpfs -o size=1m tmpfs "$1" || exit 99
    "$2" -q sysroot export linux/arm64 -o "$1/full.tar"
    rc=$?
    ls -A "$1" >"$3/left"
    exit $rc' _ "$WORK/out" "$XSTATIC" "$WORK" 2>"$WORK/err" || rc=$?
  [ "$rc" != 99 ] || fail "cannot mount a tmpfs here"
  [ "$rc" != 0 ] || fail "export into a full file system succeeded"
  [ ! -s "$WORK/left" ] || fail "export into a full file system left: $(cat "$WORK/left")"
  expect_contains "$(cat "$WORK/err")" "xstatic: error: cannot write"
else
  echo "note: not root or no mount namespace: the full-disk case is skipped"
fi
echo "ok"
