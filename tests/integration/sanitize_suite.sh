#!/usr/bin/env bash
# The CTest suites that feed xstatic untrusted or wrong input, under
# AddressSanitizer and UndefinedBehaviorSanitizer (LeakSanitizer included),
# on every CTest run: scripts/sanitize.sh builds xstatic and its unit tests
# with -DXSTATIC_SANITIZE=address,undefined (clang-19) under the build tree
# (build/asan) and runs there the unit tests and the suites of the parsers,
# the store's transactions and the command line: inspect_hostile,
# inspect_not_binaries, sysroot_*, cli_*,
# the import/export and error suites of runtimes, pkg and release, and the
# driver suites that exercise its own code (flags, verify, store, linker).
# Any ASan/UBSan/LSan report fails, even in a command that was expected to
# fail.
#
# Bounded for CI's time: the suites left out compile whole projects through
# xstatic (driver_ccache alone ran 16 minutes under ASan), which repeats the
# same driver code thousands of times and added 25 minutes to CI without
# reaching another line of it; and inspect_elf and inspect_formats (3.6
# minutes under ASan on a loaded machine), whose inputs are well-formed
# binaries: the inspector's refusals of bad ones stay in (inspect_hostile,
# inspect_not_binaries), and its parsers are fuzzed under ASan+UBSan by
# inspect_fuzz in the plain run; and sysroot_fetch_real (50 s under ASan in
# CI, most of it reading Debian's 45 MB of indexes), whose code runs under
# ASan in sysroot_fetch_builtin against a hostile archive and in fuzz_fetch
# and fuzz_debindex. XSTATIC_SANITIZE_SCOPE=full runs every suite
# (as `scripts/sanitize.sh` with no arguments does: docs/reliability.md);
# fuzz_replay and inspect_fuzz run the parsers' own ASan+UBSan fuzzing build
# in the plain run, and docker_image, code_format and this suite are never run
# in here.
#
# XSTATIC_SANITIZE_SUITE=0 skips it (a quick local run).
. "$(dirname "$0")/lib/common.sh"
[ "${XSTATIC_SANITIZE_SUITE:-1}" != 0 ] || skip "XSTATIC_SANITIZE_SUITE=0"
need clang++-19
# The inner suites share this build's store: sysroots are provisioned once.
export XSTATIC_TEST_STORE=$XSTATIC_HOME
never='sanitize_suite|code_format|docker_image|fuzz_replay|inspect_fuzz'
if [ "${XSTATIC_SANITIZE_SCOPE:-ci}" = full ]; then
  # runtimes_killed_build races a kill against a build, which ASan's slower
  # start makes flaky; the plain run checks it.
  select=(-E "^($never|runtimes_killed_build)$")
  least=50
else
  select=(-R '^(unit|inspect_(hostile|not_binaries)|sysroot_.*|cli_.*|runtimes_transfer|pkg_(cache|errors)|release_(errors|debug|stale_staging|dist_project)|driver_(hello|flags|verify|output_input|linker|store|global_store|doctor)|integrate_(cli|toolchain_find))$'
          -E "^($never|sysroot_fetch_real)$")
  least=30
fi
XSTATIC_ASAN_BUILD_DIR=$XSTATIC_BUILD_DIR/asan XSTATIC_SANITIZE_JOBS=${XSTATIC_SANITIZE_JOBS:-2} \
  "$SRC/scripts/sanitize.sh" "${select[@]}" \
  >"$WORK/log" 2>&1 || { tail -120 "$WORK/log"; fail "under the sanitizers"; }
grep -E "tests passed|Total Test time" "$WORK/log"
ran=$(count_matches "Test \+#[0-9]\+: .* Passed" "$WORK/log")
[ "$ran" -ge "$least" ] || { cat "$WORK/log"; fail "only $ran suites passed under the sanitizers"; }
echo "sanitize_suite: $ran suites (scope ${XSTATIC_SANITIZE_SCOPE:-ci}) passed under ASan+UBSan with no sanitizer report"
