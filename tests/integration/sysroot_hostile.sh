#!/usr/bin/env bash
# Crafted .deb files with an absolute path, a '../' path, a symlink escaping
# the root, a write through a symlink, and a hard link escaping the root:
# each is refused naming the package and member, nothing is written outside
# the temporary folder, and the store is unchanged.
. "$(dirname "$0")/lib/common.sh"
need python3
need_sysroot linux/amd64 musl
cache="$XSTATIC_HOME/apt/amd64/debs"
craft="$SRC/tests/integration/sysroot_craft.py"
store="$WORK/store"

for case in absolute dotdot symlink through-symlink hardlink; do
  rm -rf debs && mkdir debs
  cp "$cache"/linux-libc-dev_*_amd64.deb "$cache"/libgcc-12-dev_*_amd64.deb debs/
  python3 "$craft" deb debs/musl-dev_99_amd64.deb "$case"   # version 99 wins over any real one
  must_fail "$XSTATIC" --store "$store" sysroot install linux/amd64 --debs debs
  msg=$(cat err)
  expect_contains "$msg" "musl-dev_99_amd64.deb: refused member"
  case $case in
    absolute) expect_contains "$msg" "absolute path" ;;
    dotdot) expect_contains "$msg" "'..'" ;;
    symlink) expect_contains "$msg" "outside the sysroot" ;;
    through-symlink) expect_contains "$msg" "through a symlink" ;;
    hardlink) expect_contains "$msg" "hard link outside the sysroot" ;;
  esac
  [ ! -e /tmp/xstatic-escape-absolute ] || fail "absolute path escaped"
  [ ! -e /tmp/xstatic-escape-symlink ] || fail "symlink escaped"
  for f in "$store/xstatic-escape-dotdot" "$store/sysroots/xstatic-escape-dotdot" "$store/xstatic-escape-through"; do
    [ ! -e "$f" ] || fail "$case wrote $f"
  done
  [ ! -e "$store/sysroots/amd64-musl" ] || fail "$case: a sysroot was installed"
  expect_no_leftovers "$store/sysroots" '^\.tmp-' "$case: temporary folder left behind"
done
echo "ok"
