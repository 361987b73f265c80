#!/usr/bin/env bash
# A Meson project (static library, a C and a C++ program, `meson test`) configured with the
# cross file of `xstatic toolchain meson`, with only the system folders on
# PATH and XSTATIC_HOME unset: the cross file and the links it names carry
# everything (lld through c_ld, the store through the links folder).
# The test whose Python runner execs the program by path is in integrate_binfmt.
. "$(dirname "$0")/lib/common.sh"
. "$SRC/tests/integration/lib/examples.sh"
need meson
need ninja
need qemu-aarch64-static
need_target linux/arm64
need_cxx linux/arm64
"$XSTATIC" -q toolchain meson linux/arm64 -o arm64.ini
grep -q "^c_ld = 'lld'" arm64.ini || fail "the cross file names no linker: $(cat arm64.ini)"
cp -r "$SRC/tests/integration/projects/meson-lib" src
clean() { env -u XSTATIC_HOME PATH=/usr/bin:/bin "$@"; }

clean meson setup build src --cross-file arm64.ini >setup.log 2>&1 || fail "meson setup failed: $(cat setup.log)"
expect_contains "$(cat setup.log)" "C linker for the host machine: $XSTATIC_HOME/bin/aarch64-linux-musl-cc ld.lld"
expect_contains "$(cat setup.log)" "C++ linker for the host machine: $XSTATIC_HOME/bin/aarch64-linux-musl-c++ ld.lld"
clean meson compile -C build >compile.log 2>&1 || fail "meson compile failed: $(cat compile.log)"
check_static build/hello linux/arm64
check_static build/hello-cxx linux/arm64
clean meson test -C build --no-suite by-path >test.log 2>&1 || fail "meson test failed: $(cat test.log build/meson-logs/testlog.txt)"
expect_contains "$(cat test.log)" "Ok:                 2"
echo "ok: meson setup, compile and test with PATH=/usr/bin:/bin"

# Without c_ld in the cross file Meson asks the compiler itself (-Wl,--version): still lld.
grep -v "_ld = " arm64.ini >arm64-no-ld.ini
clean meson setup build2 src --cross-file arm64-no-ld.ini >setup2.log 2>&1 ||
  fail "meson setup without c_ld failed: $(cat setup2.log)"
expect_contains "$(cat setup2.log)" "ld.lld"
echo "PASS: integrate_meson"
