# `xstatic toolchain meson T --launcher X`: the cross file's c and cpp
# become ['/usr/bin/env', <the engine's settings>, (ccache,) <compiler>],
# Meson's way to put a launcher in front of a cross compiler. With ccache
# (the outer form, keyed by --print-fingerprint): a build, then the same
# build in a new folder hits every compile with the same objects, and the
# programs are static and run under qemu. With sccache (inner, through
# XSTATIC_LAUNCHER) the cross file names no sccache itself.
. "$(dirname "$0")/lib/common.sh"
. "$SRC/tests/integration/lib/examples.sh"
. "$SRC/tests/integration/lib/cache.sh"
need meson
need ninja
need ccache
need qemu-aarch64-static
need_target linux/arm64
need_cxx linux/arm64
isolate_ccache
cp -r "$SRC/tests/integration/projects/meson-lib" src

"$XSTATIC" -q toolchain meson linux/arm64 --launcher ccache -o ccache.ini
ccache=$(command -v ccache)
expect_contains "$(cat ccache.ini)" "c = ['/usr/bin/env', 'CCACHE_COMPILERCHECK=%compiler% --print-fingerprint', 'CCACHE_COMPILERTYPE=clang', '$ccache', '$XSTATIC_HOME/bin/aarch64-linux-musl-cc']"
expect_contains "$(cat ccache.ini)" "cpp = ['/usr/bin/env', 'CCACHE_COMPILERCHECK=%compiler% --print-fingerprint', 'CCACHE_COMPILERTYPE=clang', '$ccache', '$XSTATIC_HOME/bin/aarch64-linux-musl-c++']"

build() { # folder
  # release: no -g, so that no folder name is in the objects or the cache key
  meson setup "$1" src --cross-file ccache.ini --buildtype=release >"$1.setup.log" 2>&1 || fail "meson setup $1 failed: $(cat "$1.setup.log")"
  meson compile -C "$1" >"$1.compile.log" 2>&1 || fail "meson compile $1 failed: $(cat "$1.compile.log")"
}
ccache -z >/dev/null
build cold
compiles=$(ccache_misses)
[ "$compiles" -ge 3 ] || fail "the first build should have missed its compiles in ccache: $(ccache -s)"
ccache -z >/dev/null
build warm
expect_ccache "$compiles" 0 "the same Meson build in a new folder"
for o in $(cd cold && find . -name '*.o'); do
  cmp -s "cold/$o" "warm/$o" || fail "$o differs between the cold and the cached build"
done
check_static warm/hello linux/arm64
check_static warm/hello-cxx linux/arm64
meson test -C warm --no-suite by-path >test.log 2>&1 || fail "meson test failed: $(cat test.log warm/meson-logs/testlog.txt)"
echo "ok: Meson through ccache: $compiles compiles, all hit in a new folder"

# Inner engines ride in XSTATIC_LAUNCHER; a missing engine is xstatic's error.
"$XSTATIC" -q toolchain meson linux/arm64 --launcher distcc -o distcc.ini 2>/dev/null ||
  skip "distcc is not installed"
expect_contains "$(cat distcc.ini)" "c = ['/usr/bin/env', 'XSTATIC_LAUNCHER=distcc', '$XSTATIC_HOME/bin/aarch64-linux-musl-cc']"
must_fail "$XSTATIC" toolchain meson linux/arm64 --launcher fastcache
expect_contains "$(cat "$WORK/err")" "unknown launcher 'fastcache'"
echo "PASS: integrate_meson_launcher"
