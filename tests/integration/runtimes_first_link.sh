#!/usr/bin/env bash
# The first C++ link of a musl target builds mimalloc and xstatic's libc
# routines on another thread while libc++ builds (issue 24), each under its
# own lock and installed by its own rename. Checked here without the cost of
# libc++: in a store of its own whose LLVM source is a stand-in tree whose
# configure takes a second and then fails. Built one after the other (as
# before), the link would stop at libc++'s failure and build neither;
# beside it, both are installed when the failure is reported (the link
# waits for their thread), the link fails naming libc++'s log, and no
# half-built folder is left. About 6 s of CPU (mimalloc, the routines, two
# failed configures), 11 s wall at load 6.
. "$(dirname "$0")/lib/common.sh"
. "$SRC/tests/integration/lib/runtimes.sh"
runtimes_need_sysroot linux/arm64
# mimalloc's tarball from the shared store (fetched there by its first mimalloc build, once).
tarballs=("$XSTATIC_HOME"/src/mimalloc_*.orig.tar.*)
if [ ! -f "${tarballs[0]}" ]; then
  "$XSTATIC" -q runtimes build linux/arm64 --runtime mimalloc >/dev/null || fail "mimalloc build in the shared store"
  tarballs=("$XSTATIC_HOME"/src/mimalloc_*.orig.tar.*)
fi
mimalloc_tarball=${tarballs[0]}
[ -f "$mimalloc_tarball" ] || fail "no mimalloc tarball in $XSTATIC_HOME/src after building mimalloc"

store=$WORK/store
mkdir -p "$store/sysroots" "$store/src"
ln -s "$XSTATIC_HOME/sysroots/arm64-musl" "$store/sysroots/arm64-musl"
ln -s "$mimalloc_tarball" "$store/src/"
# The stand-in LLVM source: the tarball's name (so nothing is downloaded)
# and an extracted tree whose runtimes/ configure fails after a second.
version=$(clang-19 -dumpversion)
touch "$store/src/llvm-toolchain-${CLANG_MAJOR}_$version.orig.tar.xz"
tree=$store/src/llvm-$version
mkdir -p "$tree/runtimes" "$tree/libcxx" "$tree/libcxxabi" "$tree/libunwind"
cat >"$tree/runtimes/CMakeLists.txt" <<'CMAKE'
cmake_minimum_required(VERSION 3.20)
project(Runtimes NONE)
execute_process(COMMAND sleep 1)
message(FATAL_ERROR "stand-in runtimes: configure fails on purpose")
CMAKE
cat >hello.cpp <<'CPP'
int main() { return 0; }
CPP

status=0
XSTATIC_HOME=$store "$XSTATIC" c++ --target linux/arm64 -O2 hello.cpp -o hello 2>link.err || status=$?
[ "$status" != 0 ] || fail "the link succeeded with a libc++ source whose configure fails"
[ ! -e hello ] || fail "a failed link left an output"
expect_contains "$(cat link.err)" "build log: $store/logs/runtimes-llvm$CLANG_MAJOR-arm64-musl.log"
expect_contains "$(cat "$store/logs/runtimes-llvm$CLANG_MAJOR-arm64-musl.log")" "configure fails on purpose"
# Both side runtimes were built and installed while libc++ configured.
for pattern in "mimalloc-*-llvm$CLANG_MAJOR-r*" "libc-*-llvm$CLANG_MAJOR"; do
  dirs=("$store"/runtimes/$pattern/arm64-musl)
  dir=${dirs[0]}
  [ -d "$dir" ] || fail "no $pattern/arm64-musl: not built beside libc++ (link output: $(cat link.err))"
  [ -f "$dir/manifest.json" ] || fail "$dir has no manifest"
done
expect_contains "$(cat link.err)" "building the mimalloc allocator for it once"
expect_contains "$(cat link.err)" "xstatic's libc routines for linux/arm64 (musl) built in"
# Nothing half-built: no libc++ folder, no scratch folder anywhere under runtimes/.
libcxx=$(find "$store/runtimes" -mindepth 2 -maxdepth 2 -path "$store/runtimes/llvm-*")
[ -z "$libcxx" ] || fail "a failed libc++ build left a folder: $libcxx"
leftover=$(find "$store/runtimes" -name '.tmp-*')
[ -z "$leftover" ] || fail "scratch folders left: $leftover"

# The next link finds both and builds only libc++ (it fails again the same way, and fast).
status=0
XSTATIC_HOME=$store "$XSTATIC" c++ --target linux/arm64 -O2 hello.cpp -o hello 2>again.err || status=$?
[ "$status" != 0 ] || fail "the second link succeeded"
case $(cat again.err) in *"building the mimalloc"* | *"libc routines"*) fail "built again: $(cat again.err)" ;; esac
echo "ok"
