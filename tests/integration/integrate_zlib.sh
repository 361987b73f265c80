# A project with a dependency: `xstatic sysroot add` puts Debian's
# zlib1g-dev into the glibc arm64 sysroot, then examples/zlib-project builds
# static with make + pkg-config and with CMake's find_package(ZLIB), and runs.
. "$(dirname "$0")/lib/common.sh"
. "$SRC/tests/integration/lib/examples.sh"
need cmake

t=linux/arm64
need_target "$t" glibc
out=$("$XSTATIC" -q sysroot add "$t" --libc glibc zlib1g-dev) || fail "sysroot add zlib1g-dev failed"
sysroot=$("$XSTATIC" sysroot path "$t" --libc glibc)
[ -f "$sysroot/usr/lib/aarch64-linux-gnu/libz.a" ] || fail "libz.a is not in $sysroot"
[ -f "$sysroot/usr/lib/aarch64-linux-gnu/pkgconfig/zlib.pc" ] || fail "zlib.pc is not in $sysroot"
grep -q '"zlib1g-dev"' "$sysroot/manifest.json" || fail "the manifest does not record zlib1g-dev"
grep -q '"zlib1g"' "$sysroot/manifest.json" || fail "the library zlib1g-dev depends on was not added"
# Adding again changes nothing.
out=$("$XSTATIC" -q sysroot add "$t" --libc glibc zlib1g-dev) || fail "a second sysroot add failed"
[ "$out" = "present zlib1g-dev" ] || fail "a second add did more than nothing: $out"
# musl refuses, saying why and what to do instead.
must_fail "$XSTATIC" -q sysroot add "$t" zlib1g-dev
expect_contains "$(cat "$WORK/err")" "__snprintf_chk"
expect_contains "$(cat "$WORK/err")" "--libc glibc"

need qemu-aarch64-static
need make

# This suite is about the sysroot's own Debian libz.a: an `xstatic pkg` zlib
# for the same target (pkg_glibc builds one in the shared test store) would
# be found first, so packages are left out (XSTATIC_PKGS=none, which the
# driver, pkg-config and the toolchain file honour).
export XSTATIC_PKGS=none

# make + the target's pkg-config.
copy_example zlib-project make
(eval "$("$XSTATIC" -q env "$t" --libc glibc)" && make -C make) >make.log 2>&1 ||
  fail "make with zlib failed: $(cat make.log)"
check_static make/zpipe "$t" glibc
check_runs "round trip ok" make/zpipe

# CMake's FindZLIB must pick libz.a from the sysroot.
XSTATIC_LIBC=glibc XSTATIC=$XSTATIC cmake -S "$EXAMPLES/zlib-project" -B cm \
  -DCMAKE_TOOLCHAIN_FILE="$TOOLCHAINS/linux-arm64.cmake" >cm.log 2>&1 || fail "configure failed: $(cat cm.log)"
grep -q "ZLIB_LIBRARY_RELEASE:FILEPATH=$sysroot/usr/lib/aarch64-linux-gnu/libz.a" cm/CMakeCache.txt ||
  fail "FindZLIB did not pick the sysroot's libz.a: $(grep ZLIB_LIBRARY cm/CMakeCache.txt)"
cmake --build cm >cmb.log 2>&1 || fail "build failed: $(cat cmb.log)"
check_static cm/zpipe "$t" glibc
check_runs "round trip ok" cm/zpipe

# Why musl refuses, shown on the real file: Debian's libz.a calls glibc's
# _FORTIFY_SOURCE functions (gzprintf -> __vsnprintf_chk), which musl lacks.
need_target "$t"
mkdir -p zinc && cp "$sysroot/usr/include/zlib.h" "$sysroot/usr/include/zconf.h" zinc/
cat >gz.c <<'C'
#include <zlib.h>
int main(void) {
  gzFile f = gzopen("/dev/null", "wb");
  gzprintf(f, "%d\n", 42);
  return gzclose(f);
}
C
if "$XSTATIC" cc --target "$t" -Izinc gz.c "$sysroot/usr/lib/aarch64-linux-gnu/libz.a" -o musl-gz >musl.log 2>&1; then
  fail "Debian's glibc-built libz.a linked against musl: the refusal's reason no longer holds"
fi
expect_contains "$(cat musl.log)" "_chk"
echo "PASS: integrate_zlib"
