#!/usr/bin/env bash
# A store the user cannot write (provisioned by root, or a read-only copy)
# still serves every command that only reads it: `env`, `toolchain
# cmake|meson` and `release` put the launchers its bin/ lacks into a folder of
# the user's ($XDG_CACHE_HOME/xstatic/links-<hash>, else ~/.cache/...) and say
# so, and the compilers there build from that store (issue 23, item 10).
# Two ways: a read-only bind mount of the store with an empty bin/ (root in a
# mount namespace of the suite's own), and another uid (nobody) against the
# root-made store (root, and a store path nobody can read).
# SKIP: when neither can be arranged (not root, or no mount namespace and no
# setpriv), with the reason.
. "$(dirname "$0")/lib/common.sh"
. "$SRC/tests/integration/lib/release.sh"
need make
need qemu-aarch64-static
[ "$(id -u)" = 0 ] || skip "not root: neither a read-only bind mount nor another uid can be arranged"
need_sysroot linux/arm64
printf '#include <stdio.h>\nint main(void){puts("hi from a read-only store");return 0;}\n' >hi.c
# Everything a link needs is built while the store can be written.
"$XSTATIC" -q cc --target linux/arm64 hi.c -o warm
release_project make "$WORK/p" '"linux/arm64"'
chmod 755 "$WORK"
chmod -R a+rwX "$WORK/p"
store=$(cd "$XSTATIC_HOME" && pwd -P)

# What runs in each case (as the user at hand): $1 is the HOME to use.
cat >readonly.sh <<'SH'
set -euo pipefail
# $5: user-links (the store's bin/ is empty: the user's folder must be used)
# or any (root's bin/ may be complete already, and is then used as it is).
export HOME=$1 XSTATIC_HOME=$2; xs=$3; work=$4; mode=$5
unset XDG_CACHE_HOME
cd "$HOME"
links="$HOME/.cache/xstatic/links-"
[ "$mode" = any ] && links=""
"$xs" toolchain cmake linux/arm64 -o tc.cmake 2>err || { echo "toolchain cmake: $(cat err)"; exit 1; }
if [ -n "$links" ]; then
  grep -q "bin cannot be written: the launchers are in $links" err || { echo "no note: $(cat err)"; exit 1; }
  grep -q "$links.*/aarch64-linux-musl-cc" tc.cmake || { echo "cmake file: $(grep CMAKE_C_COMPILER tc.cmake)"; exit 1; }
fi
"$xs" -q toolchain meson linux/arm64 -o cross.ini || { echo "toolchain meson failed"; exit 1; }
[ -z "$links" ] || grep -q "$links" cross.ini || { echo "meson file names no user links"; exit 1; }
eval "$("$xs" -q env linux/arm64)" || { echo "env failed"; exit 1; }
case "$CC" in "$links"*) ;; *) echo "env: CC=$CC"; exit 1 ;; esac
echo "CC=$CC"
"$CC" -O2 "$work/hi.c" -o hi || { echo "$CC failed"; exit 1; }
"$PKG_CONFIG" --version >/dev/null || { echo "pkg-config wrapper failed"; exit 1; }
"$xs" verify hi >/dev/null || { echo "hi is not a static arm64 executable"; exit 1; }
qemu-aarch64-static ./hi
cp -r "$work/p" proj && cd proj
"$xs" -q release --snapshot >rel.log 2>&1 || { echo "release: $(tail -5 rel.log)"; exit 1; }
ls dist/*linux_arm64* >/dev/null || { echo "release made no arm64 archive"; exit 1; }
SH

ran=0
# 1. A read-only bind mount of the store, with an empty read-only bin/.
if unshare -m true 2>/dev/null; then
  mkdir -p "$WORK/home1" "$WORK/emptybin"
  out=$(unshare -m bash -c '
    mount --bind "$1" "$1" && mount -o remount,ro,bind "$1" || exit 99
    if [ -d "$1/bin" ]; then mount --bind "$2" "$1/bin" && mount -o remount,ro,bind "$1/bin" || exit 98; fi
    touch "$1/probe" 2>/dev/null && { echo "the store is still writable"; exit 1; }
    bash "$3/readonly.sh" "$3/home1" "$1" "$4" "$3" user-links' _ "$store" "$WORK/emptybin" "$WORK" "$XSTATIC" 2>&1) ||
    fail "read-only store: $out"
  expect_contains "$out" "hi from a read-only store"
  echo "ok: read-only store: $out"
  ran=$((ran + 1))
else
  echo "note: no mount namespace here: the read-only bind mount case is skipped"
fi

# 2. Another uid (nobody) against the root-made store.
if command -v setpriv >/dev/null && setpriv --reuid=65534 --regid=65534 --clear-groups test -r "$store/sysroots" 2>/dev/null &&
  setpriv --reuid=65534 --regid=65534 --clear-groups test -x "$XSTATIC"; then
  mkdir -p "$WORK/home2" && chown 65534:65534 "$WORK/home2"
  out=$(setpriv --reuid=65534 --regid=65534 --clear-groups bash "$WORK/readonly.sh" "$WORK/home2" "$store" "$XSTATIC" "$WORK" any 2>&1) ||
    fail "another uid: $out"
  expect_contains "$out" "hi from a read-only store"
  echo "ok: another uid: $out"
  ran=$((ran + 1))
else
  echo "note: nobody cannot read the test store's path ($store) or xstatic: the other-uid case is skipped"
fi
[ "$ran" -gt 0 ] || skip "neither a mount namespace nor a store path readable by another uid"
echo "PASS: cli_readonly_store"
