#!/usr/bin/env bash
# The whole CTest suite under AddressSanitizer and UndefinedBehaviorSanitizer:
# configures and builds xstatic and its unit tests with
# -DXSTATIC_SANITIZE=address,undefined in their own build folder, then runs
# ctest there (extra arguments go to ctest, e.g. `-R inspect_`). Every
# sanitizer report (memory error, undefined behaviour, leak) is written to
# BUILD/sanitizer-logs as well, and any report fails this script even when
# the suite that triggered it expected the command to fail anyway.
#
#   scripts/sanitize.sh                 # everything (13 min on a quiet 2-core machine, build included)
#   scripts/sanitize.sh -R 'unit|inspect_'
#   XSTATIC_ASAN_BUILD_DIR=/tmp/asan XSTATIC_SANITIZE_JOBS=1 scripts/sanitize.sh
#   XSTATIC_SANITIZE_CXX=g++ XSTATIC_ASAN_BUILD_DIR=build-asan-gcc scripts/sanitize.sh
#
# The default compiler is clang-19 (as for the fuzzers): GCC 12's combined
# ASan+UBSan runtime ignores log_path for UBSan's reports (they go to stderr
# only, where a suite may swallow them), clang's writes them to the log
# folder. GCC's UBSan finds what clang's does not, though: it knows fwrite,
# memcpy and the like are nonnull builtins (it found fwrite(nullptr, 1, 0)
# in util::Progress), so run it with g++ now and then; its reports are still
# caught when a suite prints them or checks an exit code (a report exits 86).
set -euo pipefail
case ${1:-} in -h | --help) sed -n '2,/^set -euo pipefail$/{/^set /d;s/^# \{0,1\}//;p}' "$0"; exit 0 ;; esac
cd "$(dirname "$0")/.."
build=${XSTATIC_ASAN_BUILD_DIR:-$PWD/build-asan}
launcher=()
command -v ccache >/dev/null && launcher=(-DCMAKE_CXX_COMPILER_LAUNCHER=ccache)
# RelWithDebInfo, not Release: Release strips xstatic, and a report needs symbols.
# A unity build (CMake compiles the files of a library in batches of 16; the
# unit tests in batches of 8, tests/CMakeLists.txt says why): the
# header-only libraries (CLI11, spdlog, fmt, doctest) and LLVM's templates are
# compiled, instrumented and emitted once per batch instead of once per file.
# Measured here: the driver's first batch took 4.8 s of CPU against 19 s file
# by file; the whole instrumented build 329 s of CPU in batches of 8 and 253 s
# in batches of 16 (2026-12-06, both at load 10-13; -O1 or
# -gline-tables-only instead of -O2 -g saved nothing measurable: the time is
# the front end's).
# The plain build (scripts/setup.sh) stays one file at a time, so that each
# file keeps including what it uses.
cmake -S . -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo -DXSTATIC_SANITIZE=address,undefined \
      -DCMAKE_UNITY_BUILD=ON -DCMAKE_UNITY_BUILD_BATCH_SIZE=16 -DCMAKE_CXX_COMPILER="${XSTATIC_SANITIZE_CXX:-clang++-19}" "${launcher[@]}" >/dev/null
nice -n 10 cmake --build "$build"

logs=$build/sanitizer-logs
rm -rf "$logs" && mkdir -p "$logs"
# exitcode 86: a sanitizer report never looks like one of xstatic's own exit codes.
export ASAN_OPTIONS="exitcode=86:detect_leaks=1:log_path=$logs/asan:${ASAN_OPTIONS:-}"
export UBSAN_OPTIONS="exitcode=86:print_stacktrace=1:halt_on_error=1:log_path=$logs/ubsan:${UBSAN_OPTIONS:-}"
# The suite that runs this script skips itself in here (no build inside the build).
export XSTATIC_SANITIZE_SUITE=0
status=0
nice -n 10 ctest --test-dir "$build" --output-on-failure -j"${XSTATIC_SANITIZE_JOBS:-2}" "$@" |
  tee "$build/ctest.log" || status=$?
# A report printed to a test's output rather than to the log folder counts too.
grep -E "runtime error:|ERROR: (Address|Leak|UndefinedBehavior)Sanitizer" "$build/ctest.log" \
     >"$logs/in-test-output" || rm -f "$logs/in-test-output"
if compgen -G "$logs/*" >/dev/null; then
  echo "sanitizer reports (in $logs):"
  head -n 40 "$logs"/*
  exit 1
fi
exit $status
