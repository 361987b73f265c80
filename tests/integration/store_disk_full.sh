#!/usr/bin/env bash
# A full disk (a tmpfs of a few MB as the store) is the user's to fix, not a
# bug: `sysroot install`, `runtimes import` and the runtimes build's source
# extraction each say "no space left on the file system at <mount>", the
# free space (and, for packages, about how much is needed), exit 3, name no
# build log that does not exist, install nothing, and leave the downloads and
# the source tarball intact (issue 23, item 9).
# SKIP: a tmpfs can be mounted only by root in a mount namespace of the suite's own.
. "$(dirname "$0")/lib/common.sh"
[ "$(id -u)" = 0 ] && unshare -m true 2>/dev/null || skip "not root, or no mount namespace: no tmpfs can be mounted"
need_sysroot linux/arm64
debs=$XSTATIC_HOME/apt/arm64/debs
ls "$debs"/musl-dev_*_arm64.deb >/dev/null 2>&1 || skip "the test store's sysroot was not installed through apt (no .deb files kept in $debs)"
"$XSTATIC" -q runtimes build linux/arm64 --runtime libc++ >/dev/null
"$XSTATIC" -q runtimes export linux/arm64 -o "$WORK/rt.tar.zst"
tarball=$(ls "$XSTATIC_HOME"/src/llvm-toolchain-*.orig.tar.* | head -1)
sums() { sha256sum "$debs"/*.deb "$tarball" "$WORK/rt.tar.zst"; }
sums >before.sha256

cat >full.sh <<'SH'
set -uo pipefail
xs=$1 work=$2 debs=$3 tarball=$4
mkdir -p "$work/full"
check() { # what rc
  [ "$2" = 3 ] || { echo "$1: exit $2 (want 3): $(cat "$work/err")"; exit 1; }
  grep -q "no space left on the file system at $work/full" "$work/err" || { echo "$1: $(cat "$work/err")"; exit 1; }
  grep -q "MB free" "$work/err" || { echo "$1: no free space said: $(cat "$work/err")"; exit 1; }
  if grep -q "build log: " "$work/err"; then
    log=$(sed -n 's/.*build log: \([^ ]*\).*/\1/p' "$work/err")
    [ -f "$log" ] || { echo "$1: names a build log that does not exist: $log"; exit 1; }
  fi
  echo "ok: $1: $(grep error: "$work/err")"
}
# 1. sysroot install from .deb files into 3 MB.
mount -t tmpfs -o size=3m tmpfs "$work/full" || exit 99
rc=0; "$xs" --store "$work/full/s" sysroot install linux/arm64 --debs "$debs" >/dev/null 2>"$work/err" || rc=$?
check "sysroot install" "$rc"
grep -q "MB needed" "$work/err" || { echo "sysroot install: no space needed said: $(cat "$work/err")"; exit 1; }
[ -z "$(ls -A "$work/full/s/sysroots" 2>/dev/null | grep -v '^\.')" ] || { echo "sysroot install left a sysroot"; exit 1; }
# 2. runtimes import into 3 MB.
umount "$work/full" && mount -t tmpfs -o size=3m tmpfs "$work/full" || exit 99
rc=0; "$xs" --store "$work/full/s" runtimes import "$work/rt.tar.zst" >/dev/null 2>"$work/err" || rc=$?
check "runtimes import" "$rc"
[ -z "$(find "$work/full/s/runtimes" -name '*.a' 2>/dev/null)" ] || { echo "runtimes import left libraries"; exit 1; }
# 3. The runtimes build's source extraction: a sysroot fits in 24 MB, LLVM's sources do not.
umount "$work/full" && mount -t tmpfs -o size=24m tmpfs "$work/full" || exit 99
"$xs" -q --store "$work/full/s" sysroot install linux/arm64 --debs "$debs" >/dev/null || { echo "a sysroot does not fit in 24 MB"; exit 1; }
rc=0; "$xs" --store "$work/full/s" runtimes build linux/arm64 --runtime libc++ --llvm-src "$tarball" >/dev/null 2>"$work/err" || rc=$?
check "runtimes build" "$rc"
grep -q "delete it so that it is fetched again" "$work/err" && { echo "runtimes build: blames the intact tarball"; exit 1; }
[ -z "$(ls -A "$work/full/s/src" 2>/dev/null)" ] || { echo "runtimes build left a source tree: $(ls -A "$work/full/s/src")"; exit 1; }
exit 0
SH
out=$(unshare -m bash full.sh "$XSTATIC" "$WORK" "$debs" "$tarball" 2>&1) || fail "$out"
echo "$out"
sha256sum -c --quiet before.sha256 || fail "a download or the source tarball changed"
echo "PASS: store_disk_full"
