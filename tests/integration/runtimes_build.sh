#!/usr/bin/env bash
# `xstatic runtimes build|list` for libc++ (mimalloc: runtimes_malloc.sh):
# what is refused and why, a failed build
# leaving nothing installed, concurrent builds of one target building once
# (with a tiny stand-in LLVM tree, through the real cmake and ninja), and
# `runtimes list`.
. "$(dirname "$0")/lib/common.sh"
. "$SRC/tests/integration/lib/runtimes.sh"

# glibc targets use libstdc++: nothing to build.
XSTATIC_HOME=$WORK/empty must_fail "$XSTATIC" runtimes build aarch64-linux-gnu
expect_contains "$(cat "$WORK/err")" "musl targets only"

# No sysroot: exit 3 and the command that installs it.
set +e
XSTATIC_HOME=$WORK/empty "$XSTATIC" runtimes build linux/arm64 2>"$WORK/err"
rc=$?
set -e
[ "$rc" = 3 ] || fail "missing sysroot: exit $rc, expected 3"
expect_contains "$(cat "$WORK/err")" "hint: xstatic sysroot install linux/arm64"

# A private store that borrows the shared test store's sysroot.
runtimes_need_sysroot linux/arm64
runtimes_need_sysroot linux/amd64
store=$WORK/store
mkdir -p "$store/sysroots"
ln -s "$XSTATIC_HOME/sysroots/arm64-musl" "$store/sysroots/arm64-musl"

# --llvm-src that does not exist, or is not LLVM: usage errors, nothing built.
set +e
XSTATIC_HOME=$store "$XSTATIC" runtimes build linux/arm64 --runtime libc++ --llvm-src "$WORK/nothing" 2>"$WORK/err"
rc=$?
set -e
[ "$rc" = 2 ] || fail "nonexistent --llvm-src: exit $rc, expected 2"
mkdir -p "$WORK/notllvm"
XSTATIC_HOME=$store must_fail "$XSTATIC" runtimes build linux/arm64 --runtime libc++ --llvm-src "$WORK/notllvm"
expect_contains "$(cat "$WORK/err")" "not an LLVM source tree"

# An LLVM-shaped tree whose runtimes build fails: the log is kept and named,
# nothing is left under runtimes/.
fake_tree() { # dir cmakelists-body
  mkdir -p "$1"/{runtimes,libcxx,libcxxabi,libunwind,cmake/Modules}
  printf 'set(LLVM_VERSION_MAJOR %s)\nset(LLVM_VERSION_MINOR 0)\nset(LLVM_VERSION_PATCH 9)\n' \
    "${3:-$CLANG_MAJOR}" >"$1/cmake/Modules/LLVMVersion.cmake"
  printf 'cmake_minimum_required(VERSION 3.20)\nproject(fake NONE)\n%s\n' "$2" >"$1/runtimes/CMakeLists.txt"
}
fake_tree "$WORK/bogus" 'message(FATAL_ERROR "bogus runtimes tree")'
XSTATIC_HOME=$store must_fail "$XSTATIC" runtimes build linux/arm64 --runtime libc++ --llvm-src "$WORK/bogus"
log=$store/logs/runtimes-llvm$CLANG_MAJOR-arm64-musl.log
expect_contains "$(cat "$WORK/err")" "build log: $log"
grep -q "bogus runtimes tree" "$log" || fail "the log does not hold cmake's error"
[ -z "$(ls -A "$store/runtimes/llvm-$CLANG_MAJOR-r2")" ] || fail "a failed build left: $(ls -A "$store/runtimes/llvm-$CLANG_MAJOR-r2")"
XSTATIC_HOME=$store "$XSTATIC" runtimes list | grep -q "no runtimes built" || fail "list shows a failed build"

# Two builds of one target at once build it once: the second waits for the
# lock, then finds it built. The stand-in tree counts its configure runs.
fake_tree "$WORK/quick" "file(APPEND \"\${CMAKE_CURRENT_LIST_DIR}/../configured\" \"x\\n\")
execute_process(COMMAND sleep 2)
install(FILES \"\${CMAKE_CURRENT_LIST_FILE}\" DESTINATION lib)"
XSTATIC_HOME=$store "$XSTATIC" runtimes build linux/arm64 --runtime libc++ --llvm-src "$WORK/quick" >out1 2>err1 &
XSTATIC_HOME=$store "$XSTATIC" runtimes build linux/arm64 --runtime libc++ --llvm-src "$WORK/quick" >out2 2>err2 &
wait %1 || fail "first concurrent build failed: $(cat err1)"
wait %2 || fail "second concurrent build failed: $(cat err2)"
[ "$(wc -l <"$WORK/quick/configured")" = 1 ] || fail "configured $(wc -l <"$WORK/quick/configured") times"
both=$(cat out1 out2)
expect_contains "$both" "linux/arm64 libc++ built:"
expect_contains "$both" "linux/arm64 libc++ already built:"
expect_contains "$(cat err1 err2)" "waiting for another xstatic"
[ -f "$store/runtimes/llvm-$CLANG_MAJOR-r2/arm64-musl/build.log" ] || fail "no build.log kept with the runtimes"

# A release tarball as --llvm-src: extracted once into src/llvm-<version>/.
ln -s "$XSTATIC_HOME/sysroots/amd64-musl" "$store/sysroots/amd64-musl"
tar -C "$WORK" -czf "$WORK/llvm-project-$CLANG_MAJOR.0.9.src.tar.gz" quick
XSTATIC_HOME=$store "$XSTATIC" runtimes build linux/amd64 --runtime libc++ --llvm-src "$WORK/llvm-project-$CLANG_MAJOR.0.9.src.tar.gz" \
  >out3 2>err3 || fail "build from a tarball: $(cat err3)"
expect_contains "$(cat out3)" "linux/amd64 libc++ built:"
[ -f "$store/src/llvm-$CLANG_MAJOR.0.9/runtimes/CMakeLists.txt" ] || fail "tarball not extracted into src/llvm-$CLANG_MAJOR.0.9"
[ -z "$(find "$store/src" -maxdepth 1 -name '.tmp-*')" ] || fail "extraction left a temporary folder"

# Sources of another LLVM major version than clang's: refused before building.
fake_tree "$WORK/old" 'message(FATAL_ERROR "must not be configured")' 18
mkdir -p "$WORK/store2/sysroots"
ln -s "$XSTATIC_HOME/sysroots/arm64-musl" "$WORK/store2/sysroots/arm64-musl"
XSTATIC_HOME=$WORK/store2 must_fail "$XSTATIC" runtimes build linux/arm64 --runtime libc++ --llvm-src "$WORK/old"
expect_contains "$(cat "$WORK/err")" "version 18.0.9, but clang is version $CLANG_MAJOR"

# list: the target, its triple and clang version, as a table and as JSON.
json=$(XSTATIC_HOME=$store "$XSTATIC" runtimes list --json)
python3 - "$json" "$CLANG_MAJOR" <<'PY' || fail "runtimes list --json: $json"
import json, sys
entries = json.loads(sys.argv[1])
assert len(entries) == 2, entries
e = [e for e in entries if e["sysroot"] == "arm64-musl"][0]
assert e["target"] == "linux/arm64" and e["triple"] == "aarch64-linux-musl", e
assert e["sysroot"] == "arm64-musl" and e["clang_major"] == int(sys.argv[2]), e
assert e["path"].endswith("runtimes/llvm-%s-r2/arm64-musl" % sys.argv[2]), e
PY
expect_contains "$(XSTATIC_HOME=$store "$XSTATIC" runtimes list)" "aarch64-linux-musl"
echo "ok"
