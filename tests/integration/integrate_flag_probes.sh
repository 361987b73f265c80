#!/usr/bin/env bash
# A CMake project that asks for CMake 2.8.5 (policy CMP0065 OLD: -rdynamic on
# every executable link, flag probes included) and probes flags under
# -Werror: every flag clang accepts passes, a bogus one still fails, and the
# program builds static and its by-target test passes under the emulator.
. "$(dirname "$0")/lib/common.sh"
. "$SRC/tests/integration/lib/examples.sh"
need cmake
need qemu-aarch64-static
need_target linux/arm64
"$XSTATIC" -q toolchain cmake linux/arm64 -o arm64.cmake
cmake -S "$SRC/tests/integration/projects/cmake-old" -B build -DCMAKE_TOOLCHAIN_FILE="$WORK/arm64.cmake" \
  >configure.log 2>&1 || fail "configure failed: $(cat configure.log)"
expect_contains "$(cat configure.log)" "xstatic-probes: failed=[]"
expect_contains "$(cat configure.log)" "xstatic-probes: bogus=[]"
cmake --build build >build.log 2>&1 || fail "build failed: $(cat build.log)"
check_static build/hello linux/arm64
# The case this suite is about: CMake did put -rdynamic on the link.
grep -q -- "-rdynamic" build/CMakeFiles/hello.dir/link.txt || fail "CMake added no -rdynamic: $(cat build/CMakeFiles/hello.dir/link.txt)"
ctest --test-dir build -R by-target --output-on-failure >ctest.log 2>&1 || fail "ctest failed: $(cat ctest.log)"
echo "PASS: integrate_flag_probes"
