#!/usr/bin/env bash
# A CMake project that asks for CMake 2.8.5 (policy CMP0065 OLD: -rdynamic on
# every executable link, flag probes included) and probes flags under
# -Werror: every flag clang accepts passes, a bogus one still fails, and the
# program builds static and its by-target test passes under the emulator.
# The toolchain says the platform has no shared libraries, so CMake adds no
# -rdynamic itself any more: the suite asks for it as a user's flag does, and
# the project's SHARED library is built static (libuv's case).
. "$(dirname "$0")/lib/common.sh"
. "$SRC/tests/integration/lib/examples.sh"
need cmake
need qemu-aarch64-static
need_target linux/arm64
"$XSTATIC" -q toolchain cmake linux/arm64 -o arm64.cmake
cmake -S "$SRC/tests/integration/projects/cmake-old" -B build -DCMAKE_TOOLCHAIN_FILE="$WORK/arm64.cmake" \
  -DCMAKE_EXE_LINKER_FLAGS=-rdynamic \
  >configure.log 2>&1 || fail "configure failed: $(cat configure.log)"
expect_contains "$(cat configure.log)" "xstatic-probes: failed=[]"
expect_contains "$(cat configure.log)" "xstatic-probes: bogus=[]"
cmake --build build >build.log 2>&1 || fail "build failed: $(cat build.log)"
check_static build/hello linux/arm64
[ -f build/libgreet.a ] || fail "add_library(greet SHARED) built no static libgreet.a: $(ls build)"
ls build/libgreet.so* >/dev/null 2>&1 && fail "add_library(greet SHARED) built a shared library"
# The case this suite is about: -rdynamic was on every link, the probes' too.
grep -q -- "-rdynamic" build/CMakeFiles/hello.dir/link.txt || fail "no -rdynamic on the link: $(cat build/CMakeFiles/hello.dir/link.txt)"
ctest --test-dir build -R by-target --output-on-failure >ctest.log 2>&1 || fail "ctest failed: $(cat ctest.log)"
echo "PASS: integrate_flag_probes"
