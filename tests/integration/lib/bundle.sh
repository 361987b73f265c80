# The staged bundle the bundle_* suites share (sourced, not run): CTest's
# fixture `bundle` (bundle_build.sh, its setup) builds the bundle target
# once per run and stages it at BUNDLE_STAGED with `scripts/bundle.sh stage`;
# bundle_chroot and bundle_image require that fixture, so `ctest -R
# bundle_image` runs the build first and two suites never run one ninja
# each in the same build folder.
BUNDLE_STAGED=$XSTATIC_BUILD_DIR/bundle-staged

# Fails (not skips) when the fixture did not stage it: the suite was run
# without CTest's fixture (`ctest -FS bundle`), or the build failed.
need_staged_bundle() {
  [ -x "$BUNDLE_STAGED/bin/xstatic" ] ||
    fail "no staged bundle at $BUNDLE_STAGED: run through ctest, whose bundle_build stages it (ctest -R 'bundle_')"
}

# A copy of the staged bundle at DEST: hard links where the file system
# allows (the executable is 195 MB), else a copy.
copy_staged_bundle() { # dest
  cp -al "$BUNDLE_STAGED" "$1" 2>/dev/null || { rm -rf "$1"; cp -a "$BUNDLE_STAGED" "$1"; }
}
