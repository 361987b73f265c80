#!/usr/bin/env bash
# The whole CTest suite under AddressSanitizer and UndefinedBehaviorSanitizer
# (LeakSanitizer included), on every CTest run: scripts/sanitize.sh builds
# xstatic and its unit tests with -DXSTATIC_SANITIZE=address,undefined
# (clang-19) under the build tree (build/asan) and runs there every suite but
# these: this one, code_format (no xstatic in it), docker_image (its own
# image), fuzz_replay and inspect_fuzz (the parsers' ASan+UBSan fuzzing
# build, which the plain run already runs), and the pkg suites that build and
# link real libraries (pkg_https, pkg_smoke, pkg_projects, pkg_release: minutes
# of compiling that the ASan xstatic adds nothing to; pkg_cache and pkg_errors
# run the pkg module itself and stay), and runtimes_killed_build (a race with
# a kill, flaky under ASan's slower start; the plain run checks it). Any
# ASan/UBSan/LSan report fails,
# even in a command that was expected to fail.
#
# Cost, measured on a 2-core machine: the sanitized build 6.5 minutes and its
# suites 6 more when alone; CTest starts this suite first (COST) so that the
# rest runs beside it: a clean-clone .ci/run took 26 min (17 without it).
# XSTATIC_SANITIZE_SUITE=0 skips it (a quick local run); scripts/sanitize.sh
# runs the same outside CTest.
. "$(dirname "$0")/lib/common.sh"
[ "${XSTATIC_SANITIZE_SUITE:-1}" != 0 ] || skip "XSTATIC_SANITIZE_SUITE=0"
need clang++-19
# The inner suites share this build's store: sysroots are provisioned once.
export XSTATIC_TEST_STORE=$XSTATIC_HOME
XSTATIC_ASAN_BUILD_DIR=$XSTATIC_BUILD_DIR/asan XSTATIC_SANITIZE_JOBS=${XSTATIC_SANITIZE_JOBS:-2} \
  "$SRC/scripts/sanitize.sh" -E '^(sanitize_suite|code_format|docker_image|fuzz_replay|inspect_fuzz|pkg_https|pkg_smoke|pkg_projects|pkg_release|runtimes_killed_build)$' \
  >"$WORK/log" 2>&1 || { tail -120 "$WORK/log"; fail "under the sanitizers"; }
grep -E "tests passed|Total Test time" "$WORK/log"
ran=$(grep -cE "Test +#[0-9]+: .* Passed" "$WORK/log" || true)
[ "$ran" -ge 40 ] || { cat "$WORK/log"; fail "only $ran suites passed under the sanitizers"; }
echo "sanitize_suite: $ran suites passed under ASan+UBSan with no sanitizer report"
