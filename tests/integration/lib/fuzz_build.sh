# The libFuzzer build for the fuzz suites (fuzz_replay, inspect_fuzz);
# sourced after common.sh: builds tests/fuzz (every libFuzzer target,
# clang-19 + ASan + UBSan) once under the build tree, under a lock so that
# suites running in parallel share one build. Sets $fuzz_build; skips the
# suite when clang-19 or libFuzzer is missing. (scripts/fuzz.sh, a campaign
# outside CTest, builds the same project by itself.)
need clang++-19
need python3
need flock
rt=$(clang-19 --print-file-name=libclang_rt.fuzzer-x86_64.a)
[ -f "$rt" ] || skip "libFuzzer is not installed (apt-get install libclang-rt-19-dev)"
fuzz_build=$XSTATIC_BUILD_DIR/fuzz
(
  flock 9
  if [ ! -f "$fuzz_build/build.ninja" ]; then
    launcher=()
    command -v ccache >/dev/null && launcher=(-DCMAKE_CXX_COMPILER_LAUNCHER=ccache)
    cmake -S "$SRC/tests/fuzz" -B "$fuzz_build" -G Ninja -DCMAKE_CXX_COMPILER=clang++-19 \
          -DCMAKE_BUILD_TYPE=RelWithDebInfo "${launcher[@]}" >"$WORK/configure.log" ||
      { cat "$WORK/configure.log"; exit 1; }
  fi
  ninja -C "$fuzz_build" >"$WORK/build.log" 2>&1 || { tail -30 "$WORK/build.log"; exit 1; }
) 9>"$XSTATIC_BUILD_DIR/fuzz.lock" || fail "building the fuzzers (tests/fuzz)"
