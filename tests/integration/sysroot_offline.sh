#!/usr/bin/env bash
# Offline installs from a folder of .deb files (--debs): a good install that
# never touches apt, a missing package and a broken .deb named in the error.
. "$(dirname "$0")/lib/common.sh"
need clang-19
need_sysroot linux/amd64 musl   # fills the shared store's .deb cache for amd64
cache="$XSTATIC_HOME/apt/amd64/debs"
mkdir debs
for p in linux-libc-dev libgcc-12-dev musl-dev; do cp "$cache/${p}_"*_amd64.deb debs/; done

store="$WORK/store"
sysroot=$("$XSTATIC" -q --store "$store" sysroot install linux/amd64 --debs debs)
[ -f "$sysroot/manifest.json" ] || fail "offline install made no sysroot"
[ ! -e "$store/apt" ] || fail "an offline install used apt"
printf '#include <stdio.h>\nint main(void){puts("offline");return 0;}\n' > o.c
clang-19 --target=x86_64-linux-musl --sysroot="$sysroot" -static -fuse-ld=lld o.c -o o
[ "$(./o)" = offline ] || fail "offline sysroot does not build a working hello"

# A missing package: exit 3, the package named, the store unchanged.
mkdir partial
cp debs/linux-libc-dev_* debs/libgcc-12-dev_* partial/
store2="$WORK/store2"
must_fail "$XSTATIC" --store "$store2" sysroot install linux/amd64 --debs partial
expect_contains "$(cat err)" "musl-dev"
set +e; "$XSTATIC" -q --store "$store2" sysroot install linux/amd64 --debs partial 2>/dev/null; rc=$?; set -e
[ "$rc" = 3 ] || fail "a missing package exits $rc, not 3"

# A broken .deb (cut short): named in the error, nothing installed.
cp partial/* "$WORK/" && mkdir broken && cp partial/* broken/
musl=$(ls debs/musl-dev_*)
head -c 20000 "$musl" > "broken/$(basename "$musl")"
must_fail "$XSTATIC" --store "$store2" sysroot install linux/amd64 --debs broken
expect_contains "$(cat err)" "$(basename "$musl")"
[ ! -e "$store2/sysroots/amd64-musl" ] || fail "a broken .deb left a sysroot"
expect_no_leftovers "$store2/sysroots" '^\.tmp-' "a broken .deb left a temporary folder"
echo "ok"
