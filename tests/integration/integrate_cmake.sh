# examples/cmake-project through CMake: linux/arm64 with the vendored
# toolchains/linux-arm64.cmake, linux/amd64 with a file printed by
# `xstatic toolchain cmake`; every binary verified static; the project's own
# tests pass under ctest (arm64 through CMAKE_CROSSCOMPILING_EMULATOR = qemu).
. "$(dirname "$0")/lib/common.sh"
. "$SRC/tests/integration/lib/examples.sh"
need qemu-aarch64-static
need cmake
export XSTATIC  # found by toolchains/xstatic.cmake

for t in "${TARGETS[@]}"; do
  a=$(arch_of "$t")
  need_target "$t"
  need_cxx "$t"
  if [ "$a" = arm64 ]; then
    toolchain=$TOOLCHAINS/linux-arm64.cmake
  else
    toolchain=$WORK/$a.cmake
    "$XSTATIC" -q toolchain cmake "$t" -o "$toolchain"
  fi
  gen=()
  command -v ninja >/dev/null && gen=(-G Ninja)
  cmake "${gen[@]}" -S "$EXAMPLES/cmake-project" -B "build-$a" -DCMAKE_TOOLCHAIN_FILE="$toolchain" \
    -DCMAKE_BUILD_TYPE=Release >"configure-$a.log" 2>&1 || fail "configure for $t failed: $(cat "configure-$a.log")"
  cmake --build "build-$a" >"build-$a.log" 2>&1 || fail "build for $t failed: $(tail -30 "build-$a.log")"
  for exe in wordstat-cli wordstat-tests; do check_static "build-$a/$exe" "$t"; done
  ctest --test-dir "build-$a" --output-on-failure >"ctest-$a.log" 2>&1 || fail "ctest for $t failed: $(cat "ctest-$a.log")"
  expect_contains "$(cat "ctest-$a.log")" "100% tests passed, 0 tests failed out of 4"
  if [ "$a" = arm64 ]; then
    # The tests really ran as arm64 code: ctest's command line went through qemu.
    grep -q "qemu-aarch64-static" "build-$a/CTestTestfile.cmake" || fail "ctest did not use the emulator"
  fi
done
echo "PASS: integrate_cmake"
