#!/usr/bin/env bash
# A path the user gave that cannot be written (a build or dist folder under
# /proc, a store there, a read-only store) is exit 2 naming the path, with a
# hint, before anything is built; never 70 "internal error" from a
# filesystem_error (issue 23, item 7).
. "$(dirname "$0")/lib/common.sh"
. "$SRC/tests/integration/lib/release.sh"
need make
need_sysroot linux/arm64
user_error() { # path-in-message args...
  local want=$1 rc=0
  shift
  "$XSTATIC" "$@" >/dev/null 2>"$WORK/err" || rc=$?
  [ "$rc" = 2 ] || fail "xstatic $*: exit $rc, expected 2: $(cat "$WORK/err")"
  grep -q "^xstatic: error: .*$want" "$WORK/err" || fail "xstatic $*: $(cat "$WORK/err")"
  grep -q "hint: " "$WORK/err" || fail "xstatic $*: no hint: $(cat "$WORK/err")"
}
release_project make "$WORK/p" '"linux/arm64"'
(
  cd "$WORK/p"
  user_error /proc/xstatic-build release --snapshot --build-dir /proc/xstatic-build
  user_error /proc/xstatic-dist release --snapshot --dist /proc/xstatic-dist
  [ ! -e "$WORK/p/.xstatic/release/linux_arm64" ] || fail "a release into /proc built something first"
)
"$XSTATIC" -q sysroot export linux/arm64 -o "$WORK/arm64.tar"
echo x >"$WORK/rt.tar"
user_error /proc/xstatic-store --store /proc/xstatic-store runtimes import "$WORK/rt.tar"
user_error /proc/xstatic-store --store /proc/xstatic-store sysroot import "$WORK/arm64.tar"

# A read-only store (a read-only bind mount, where this suite may make one).
if [ "$(id -u)" = 0 ] && unshare -m true 2>/dev/null; then
  mkdir -p "$WORK/ro/runtimes" "$WORK/ro/sysroots" "$WORK/ro/locks"
  unshare -m bash -c '
    mount --bind "$1/ro" "$1/ro" && mount -o remount,ro,bind "$1/ro" || exit 99
    for cmd in "runtimes import $1/rt.tar" "sysroot import $1/arm64.tar"; do
      rc=0
      "$2" --store "$1/ro" $cmd >/dev/null 2>"$1/err" || rc=$?
      [ "$rc" = 2 ] || { echo "read-only store: $cmd: exit $rc: $(cat "$1/err")"; exit 1; }
      grep -q "hint: " "$1/err" || { echo "read-only store: $cmd: no hint"; exit 1; }
    done' _ "$WORK" "$XSTATIC" || fail "read-only store (exit $?)"
else
  echo "note: not root or no mount namespace: the read-only store case is skipped"
fi
echo "ok"
