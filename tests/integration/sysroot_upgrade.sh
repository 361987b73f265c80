#!/usr/bin/env bash
# A sysroot installed by an older xstatic, whose recipe has changed since
# (simulated by editing the manifest's recipe_fingerprint, and by removing a
# file the newer recipe adds), is shown outdated by `sysroot list` and
# `targets`, and `sysroot install` reinstalls it in one rename; a second
# install is a no-op. A sysroot holding packages added with `sysroot add` is
# refused with the command that re-adds them. Offline (--debs) for speed.
. "$(dirname "$0")/lib/common.sh"
need clang-19
need_sysroot linux/amd64 musl    # fills the shared store's .deb cache for amd64
need_sysroot linux/amd64 glibc
mkdir debs
cp "$XSTATIC_HOME"/apt/amd64/debs/*.deb debs/

store="$WORK/store"
x() { "$XSTATIC" --store "$store" "$@"; }
fingerprint() { sed -n 's/.*"recipe_fingerprint": "\([^"]*\)".*/\1/p' "$1/manifest.json"; }
no_tmp() { expect_no_leftovers "$store/sysroots" '^\.tmp-' "a .tmp-* folder was left $1"; }

sysroot=$(x -q sysroot install linux/amd64 --debs debs)
fresh=$(fingerprint "$sysroot")
[ -n "$fresh" ] || fail "a fresh install records no recipe_fingerprint"
expect_contains "$(x sysroot list --json)" '"current": true'
line=$(x targets | grep '^linux/amd64 .* musl ')
case "$line" in *ready) ;; *) fail "targets does not say ready: $line" ;; esac

# An install by an older recipe: another fingerprint, and without crtbeginS.o.
sed -i "s/\"recipe_fingerprint\": \"$fresh\"/\"recipe_fingerprint\": \"0:older\"/" "$sysroot/manifest.json"
rm "$sysroot/usr/lib/crtbeginS.o"
touch "$sysroot/old-marker"
expect_contains "$(x sysroot list --json)" '"current": false'
expect_contains "$(x sysroot list)" "outdated"
expect_contains "$(x sysroot list)" "xstatic sysroot install linux/amd64"
expect_contains "$(x targets | grep '^linux/amd64 .* musl ')" "sysroot outdated: xstatic sysroot install linux/amd64"
expect_contains "$(x targets --json)" '"sysroot_current": false'

# The failure that motivates this: a -shared link cannot open crtbeginS.o; the driver says why.
printf 'int f(void){return 1;}\n' > f.c
must_fail env XSTATIC_HOME="$store" "$XSTATIC" cc --target linux/amd64 -shared f.c -o f.so
expect_contains "$(cat err)" "crtbeginS.o"
expect_contains "$(cat err)" "installed from an older recipe"
expect_contains "$(cat err)" "update it: xstatic sysroot install linux/amd64"

out=$(x sysroot install linux/amd64 --debs debs 2>err)
[ "$out" = "$sysroot" ] || fail "the reinstall printed '$out', not $sysroot"
expect_contains "$(cat err)" "amd64-musl: recipe changed since it was installed: reinstalling"
[ "$(fingerprint "$sysroot")" = "$fresh" ] || fail "the reinstall did not record the current fingerprint"
[ -f "$sysroot/usr/lib/crtbeginS.o" ] || fail "the reinstall did not add crtbeginS.o"
[ ! -e "$sysroot/old-marker" ] || fail "the old sysroot was kept, not replaced"
no_tmp "after a reinstall"
env XSTATIC_HOME="$store" "$XSTATIC" cc --target linux/amd64 -shared f.c -o f.so ||
  fail "a -shared link still fails after the reinstall"

# The second install is a no-op: nothing said, nothing replaced.
touch "$sysroot/new-marker"
x sysroot install linux/amd64 --debs debs >/dev/null 2>err
[ ! -s err ] || fail "a current sysroot was not a no-op: $(cat err)"
[ -e "$sysroot/new-marker" ] || fail "a current sysroot was reinstalled"

# A manifest from before fingerprints (no field): unknown counts as outdated.
sed -i '/"recipe_fingerprint"/d' "$sysroot/manifest.json"
expect_contains "$(x sysroot list --json)" '"current": false'
x sysroot install linux/amd64 --debs debs >/dev/null 2>err
expect_contains "$(cat err)" "reinstalling"
[ "$(fingerprint "$sysroot")" = "$fresh" ] || fail "an unknown fingerprint was not replaced"
no_tmp "after the second reinstall"

# Packages added with `sysroot add` would be dropped: refused, with the fix.
glibc=$(x -q sysroot install linux/amd64 --libc glibc --debs debs)
sed -i "s/\"recipe_fingerprint\": \"[^\"]*\"/\"recipe_fingerprint\": \"0:older\"/" "$glibc/manifest.json"
sed -i 's/"packages": \[/"packages": [{"name": "zlib1g-dev", "version": "1", "architecture": "amd64", "sha256": "00"},/' \
  "$glibc/manifest.json"
fix="xstatic sysroot remove linux/amd64 --libc glibc && xstatic sysroot add linux/amd64 --libc glibc zlib1g-dev"
expect_contains "$(x sysroot list)" "$fix"
must_fail x sysroot install linux/amd64 --libc glibc --debs debs
expect_contains "$(cat err)" "zlib1g-dev"
expect_contains "$(cat err)" "$fix"
grep -q '"0:older"' "$glibc/manifest.json" || fail "a refused reinstall changed the sysroot"
no_tmp "after a refused reinstall"
echo "ok"
