#!/usr/bin/env bash
# The store a links folder belongs to: names in <storeA>/bin (and the files
# generated for them) use store A with XSTATIC_HOME unset, and fail naming
# both stores when XSTATIC_HOME names store B; never B's sysroot silently.
. "$(dirname "$0")/lib/common.sh"
. "$SRC/tests/integration/lib/driver.sh"
need clang-19
need cmake
driver_sysroot linux/arm64 musl
A=$XSTATIC_HOME
# Store B is also the default store (XDG_DATA_HOME), for calls with
# XSTATIC_HOME unset, and has a linux/arm64 sysroot of its own (a copy of
# A's manifest is enough for the lookup): a silent switch shows as --sysroot=$B/...
export XDG_DATA_HOME=$WORK/xdg
B=$XDG_DATA_HOME/xstatic
mkdir -p "$B/sysroots/arm64-musl"
cp "$A/sysroots/arm64-musl/manifest.json" "$B/sysroots/arm64-musl/"
printf 'int main(void) { return 0; }\n' >main.c

"$XSTATIC" -q toolchain cmake linux/arm64 -o arm64.cmake
[ "$(cat "$A/bin/.xstatic-store")" = "$A" ] || fail "$A/bin records no store"
cc=$A/bin/aarch64-linux-musl-cc
out=$(env -u XSTATIC_HOME "$cc" --print-command main.c -o app 2>&1) || fail "unset XSTATIC_HOME: $out"
expect_contains "$out" "--sysroot=$A/sysroots/arm64-musl"
out=$(env -u XSTATIC_HOME PATH="$A/bin:$PATH" aarch64-linux-musl-cc --print-command -c main.c 2>&1) ||
  fail "through PATH: $out"
expect_contains "$out" "--sysroot=$A/sysroots/arm64-musl"
echo "ok: <store>/bin uses its store with XSTATIC_HOME unset"

rc=0
XSTATIC_HOME=$B "$cc" --print-command -c main.c >out 2>err || rc=$?
[ "$rc" = 2 ] || fail "XSTATIC_HOME=B through A's link exited $rc: $(cat out err)"
expect_contains "$(cat err)" "$A"
expect_contains "$(cat err)" "$B"
if grep -q -- "--sysroot=$B" err; then fail "store B was used: $(cat err)"; fi
# The same store under another spelling is no mismatch.
XSTATIC_HOME=$A/ "$cc" -c main.c -o main.o || fail "XSTATIC_HOME=A/ refused"
echo "ok: XSTATIC_HOME naming another store is an error naming both"

# A CMake build configured against A, built with XSTATIC_HOME unset.
mkdir proj && printf 'cmake_minimum_required(VERSION 3.13)\nproject(p C)\nadd_executable(app main.c)\n' >proj/CMakeLists.txt
cp main.c proj/
env -u XSTATIC_HOME cmake -S proj -B build -DCMAKE_TOOLCHAIN_FILE="$WORK/arm64.cmake" >cmake.log 2>&1 ||
  fail "configure with XSTATIC_HOME unset: $(cat cmake.log)"
env -u XSTATIC_HOME XSTATIC_VERBOSE=1 cmake --build build >build.log 2>&1 || fail "build: $(cat build.log)"
expect_contains "$(cat build.log)" "--sysroot=$A/sysroots/arm64-musl"
if grep -q -- "--sysroot=$B" build.log; then fail "the CMake build used store B"; fi

# install-links into a folder of one's own records the store too, and writes <triple>-pkg-config.
"$XSTATIC" -q install-links mybin linux/arm64
[ "$(cat mybin/.xstatic-store)" = "$A" ] || fail "install-links recorded: $(cat mybin/.xstatic-store)"
[ -x mybin/aarch64-linux-musl-pkg-config ] || fail "install-links wrote no aarch64-linux-musl-pkg-config"
grep -q "$A/sysroots/arm64-musl" mybin/aarch64-linux-musl-pkg-config || fail "pkg-config looks elsewhere"
out=$(env -u XSTATIC_HOME mybin/aarch64-linux-musl-cc --print-command -c main.c 2>&1) || fail "mybin: $out"
expect_contains "$out" "--sysroot=$A/sysroots/arm64-musl"
echo "ok: install-links DIR"

# A links folder whose store lacks the sysroot says which store to fill.
"$XSTATIC" -q --store "$WORK/store-c" install-links cbin linux/arm64
rc=0
env -u XSTATIC_HOME cbin/aarch64-linux-musl-cc main.c -o app 2>err || rc=$?
[ "$rc" = 3 ] || fail "missing sysroot in the folder's store exited $rc: $(cat err)"
expect_contains "$(cat err)" "is not installed in the store $WORK/store-c"
expect_contains "$(cat err)" "XSTATIC_HOME=$WORK/store-c xstatic sysroot install linux/arm64"
echo "PASS: driver_store"
