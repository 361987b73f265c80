#!/usr/bin/env bash
# The setup of CTest's fixture `bundle` (tests/CMakeLists.txt): builds the
# bundle target in this build (a no-op when it is current) and stages it as
# its release archive lays it out (scripts/bundle.sh stage) at
# BUILD/bundle-staged, for bundle_chroot and bundle_image, which require the
# fixture. One build per CTest run, however many suites use the bundle.
#
# Cost in CI (a fresh build folder: the bundle target is not in `all`):
# src/bundle's eight files, cli/main.cpp a second time and lld's ~20 s link
# of 600 MB of archives, about 100-160 s on 2 cores beside other suites; a
# no-op build and the staging (203 MB, mostly the executable) take 2-3 s.
. "$(dirname "$0")/lib/common.sh"
. "$SRC/tests/integration/lib/bundle.sh"
cmake --build "$XSTATIC_BUILD_DIR" --target help | grep -q '^bundle:' ||
  fail "the build defines no 'bundle' target: install liblld-19-dev and libpolly-19-dev (scripts/setup.sh), then re-run cmake"
start=$SECONDS
if ! nice cmake --build "$XSTATIC_BUILD_DIR" --target bundle >bundle-build.log 2>&1; then
  tail -30 bundle-build.log
  fail "the bundle target did not build"
fi
built=$((SECONDS - start))
"$SRC/scripts/bundle.sh" stage "$XSTATIC_BUILD_DIR" "$BUNDLE_STAGED"
[ "$("$BUNDLE_STAGED/bin/xstatic" --version | cut -d' ' -f1)" = xstatic ] || fail "the staged bundle does not answer --version"
[ -d "$BUNDLE_STAGED/lib/clang" ] || fail "the staged bundle has no lib/clang (resource headers)"
echo "ok: bundle built (${built} s) and staged at $BUNDLE_STAGED ($(du -sm "$BUNDLE_STAGED" | cut -f1) MB)"
