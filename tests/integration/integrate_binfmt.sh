#!/usr/bin/env bash
# `xstatic binfmt install|status|remove`: with a handler registered, tests
# that exec a foreign binary by path pass: CMake's add_test(COMMAND
# ${dir}/hello) and a Meson test whose Python runner execs the program. The
# suite removes what it registers (trap), and skips where binfmt_misc cannot
# be used (not root; a container or kernel that refuses it).
. "$(dirname "$0")/lib/common.sh"
. "$SRC/tests/integration/lib/examples.sh"
need qemu-aarch64-static
need cmake
need meson
need ninja
[ "$(id -u)" = 0 ] || skip "binfmt_misc needs root (run as root to test 'xstatic binfmt')"
need flock
need_target linux/arm64
# A handler is global to the machine: one binfmt suite at a time (other
# worktrees and CI jobs on this machine included), or one's remove would pull
# the handler from under the other's tests.
exec 9>"${TMPDIR:-/tmp}/xstatic-binfmt-suite.lock"
flock -w 900 9 || skip "another binfmt suite held the lock for 15 minutes"
printf 'int main(void) { return 0; }\n' >t.c
"$XSTATIC" cc --target linux/arm64 t.c -o t

# A handler someone else registered (binfmt-support, systemd-binfmt) would make
# the before/after checks meaningless; leave such a machine alone.
status=$("$XSTATIC" binfmt status linux/arm64)
case $status in
  *"not registered"* | *"not mounted"*) ;;
  *xstatic-qemu-aarch64*) "$XSTATIC" -q binfmt remove linux/arm64 ;;  # left by an interrupted run
  *) skip "another binfmt handler already runs arm64 binaries: $status" ;;
esac
if ./t 2>/dev/null; then skip "arm64 binaries already run here without a handler"; fi

# Without a handler, CMake's test registered by path cannot run (the emulator wraps only by-target tests).
"$XSTATIC" -q toolchain cmake linux/arm64 -o arm64.cmake
cmake -S "$SRC/tests/integration/projects/cmake-old" -B cmake-build -DCMAKE_TOOLCHAIN_FILE="$WORK/arm64.cmake" \
  >configure.log 2>&1 || fail "configure failed: $(cat configure.log)"
cmake --build cmake-build >build.log 2>&1 || fail "build failed: $(cat build.log)"
if ctest --test-dir cmake-build -R by-path >before.log 2>&1; then fail "by-path test passed with no handler"; fi

# Clean-up after the verdict: the handler may not have been installed.
trap 'stop_suite_sccache; "$XSTATIC" -q binfmt remove linux/arm64 >/dev/null 2>&1 || true; rm -rf "$WORK"' EXIT
rc=0
"$XSTATIC" binfmt install linux/arm64 >install.log 2>&1 || rc=$?
case $rc in
  0) ;;
  1 | 3) skip "binfmt_misc cannot be used here: $(cat install.log)" ;;
  *) fail "binfmt install exited $rc: $(cat install.log)" ;;
esac
expect_contains "$(cat install.log)" "registered xstatic-qemu-aarch64 -> /usr/bin/qemu-aarch64-static (flags F)"
expect_contains "$("$XSTATIC" binfmt install linux/arm64)" "already registered"  # idempotent
expect_contains "$("$XSTATIC" binfmt status linux/arm64)" "linux/arm64: xstatic-qemu-aarch64 -> /usr/bin/qemu-aarch64-static (flags F)"
./t || fail "an arm64 binary exec'd by path does not run with the handler"
# A stale handler of ours (here: registered without the F flag) is replaced, not kept.
"$XSTATIC" -q binfmt remove linux/arm64
printf '%s' ':xstatic-qemu-aarch64:M:0:\x7f\x45\x4c\x46\x02\x01\x01\x00\x00\x00\x00\x00\x00\x00\x00\x00\x02\x00\xb7\x00:\xff\xff\xff\xff\xff\xff\xff\x00\xff\xff\xff\xff\xff\xff\xff\xff\xfe\xff\xff\xff:/usr/bin/qemu-aarch64-static:' \
  >/proc/sys/fs/binfmt_misc/register
expect_contains "$("$XSTATIC" binfmt status linux/arm64)" "(flags none)"
expect_contains "$("$XSTATIC" binfmt install linux/arm64)" "registered xstatic-qemu-aarch64"
expect_contains "$("$XSTATIC" binfmt status linux/arm64)" "(flags F)"
echo "ok: install, idempotent, stale handler replaced, status"

# CMake: tests registered by path and by target both pass.
ctest --test-dir cmake-build --output-on-failure >ctest.log 2>&1 || fail "ctest failed: $(cat ctest.log)"
expect_contains "$(cat ctest.log)" "100% tests passed, 0 tests failed out of 2"
echo "ok: ctest with a test registered by path"

# Meson: the Python runner that execs the program by path.
need_cxx linux/arm64
"$XSTATIC" -q toolchain meson linux/arm64 -o arm64.ini
cp -r "$SRC/tests/integration/projects/meson-lib" msrc
meson setup mbuild msrc --cross-file arm64.ini >msetup.log 2>&1 || fail "meson setup: $(cat msetup.log)"
meson test -C mbuild >mtest.log 2>&1 || fail "meson test: $(cat mtest.log mbuild/meson-logs/testlog.txt)"
expect_contains "$(cat mtest.log)" "Ok:                 3"
echo "ok: meson test with a runner that execs by path"

"$XSTATIC" binfmt remove linux/arm64 >remove.log 2>&1 || fail "binfmt remove: $(cat remove.log)"
expect_contains "$(cat remove.log)" "xstatic-qemu-aarch64: removed"
[ ! -e /proc/sys/fs/binfmt_misc/xstatic-qemu-aarch64 ] || fail "the handler is still registered"
if ./t 2>/dev/null; then fail "arm64 binaries still run after remove"; fi
expect_contains "$("$XSTATIC" binfmt remove linux/arm64)" "not registered"  # idempotent too
echo "ok: remove leaves no handler"
echo "PASS: integrate_binfmt"
