#!/usr/bin/env bash
# Checks a bundle (docs/bundle.md) on this host, including one built for
# another arch: the arm64 bundle of `scripts/bundle.sh --arch arm64` runs
# here under qemu-aarch64 (user mode). Not in CI: it needs the bundle built
# (the arm64 one is a ~25 min cross build, docs/bundle.md "linux/arm64 hosts").
#
#   scripts/bundle-check.sh BUNDLE     a staged folder or an xstatic-VERSION-linux-ARCH.tar.zst
#
# With the bundle, from the test store's musl sysroots and runtimes (libc++,
# mimalloc, xstatic's libc routines; $XSTATIC_TEST_STORE, default
# build/test-store, read only: a private store links its sysroots and copies
# the runtimes), for linux/arm64 and linux/amd64: compile a C and a C++
# hello (-c), link each object into a program, `verify --static` both.
# The same inputs through the normal xstatic ($XSTATIC, default
# build/src/xstatic: Debian's clang-19 and lld-19) must give the same
# bytes (cmp), and the programs must run (arm64 under qemu-aarch64-static,
# amd64 natively). Then llvm-ar and llvm-strip of the bundle against
# llvm-19's, and a -rtlib=compiler-rt link for the bundle's own arch.
#
# A foreign bundle's xstatic starts its clang, and clang its ld.lld, as
# child processes: the kernel must run those arm64 executables through
# qemu. The check registers qemu-aarch64-static with binfmt_misc inside a
# user namespace of its own (binfmt_misc has one instance per user
# namespace since Linux 6.7), so the host's binfmt handlers are neither
# used nor changed, and the registration ends with the namespace.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
[ $# = 1 ] || { echo "usage: scripts/bundle-check.sh BUNDLE (a staged folder or a .tar.zst)" >&2; exit 2; }
for tool in qemu-aarch64-static unshare zstd cmp od; do
  command -v "$tool" >/dev/null || { echo "bundle-check.sh: $tool is not installed" >&2; exit 3; }
done
xstatic=${XSTATIC:-$root/build/src/xstatic}
test_store=${XSTATIC_TEST_STORE:-$root/build/test-store}
[ -x "$xstatic" ] || { echo "bundle-check.sh: no $xstatic: build xstatic (cmake --build build) or set XSTATIC" >&2; exit 3; }

work=$(mktemp -d "${TMPDIR:-/tmp}/xstatic-bundle-check.XXXXXX")
trap 'rm -rf "$work"' EXIT
if [ -f "$1" ]; then
  t0=$(date +%s)
  tar -C "$work" -xf "$1"
  bundle=$(ls -d "$work"/xstatic-*)
  echo "unpacked $(basename "$1") ($(stat -c %s "$1") bytes): $(($(date +%s) - t0)) s"
else
  bundle=$(cd "$1" && pwd)
fi
case $(od -An -tx1 -j18 -N2 "$bundle/bin/xstatic" | tr -d ' \n') in
  3e00) arch=amd64 ;;
  b700) arch=arm64 ;;
  *) echo "bundle-check.sh: $bundle/bin/xstatic is not an amd64 or arm64 executable" >&2; exit 2 ;;
esac
foreign=0
[ "$arch" = "$(dpkg --print-architecture)" ] || foreign=1
echo "bundle: $bundle ($arch$([ $foreign = 0 ] || echo ', foreign: run under qemu-aarch64-static'))"

# The private store: the test store's sysroots linked (read only), its runtimes copied.
store=$work/store
mkdir -p "$store/sysroots" "$store/runtimes"
for s in arm64-musl amd64-musl; do
  [ -f "$test_store/sysroots/$s/manifest.json" ] ||
    { echo "bundle-check.sh: $test_store has no $s sysroot: XSTATIC_HOME=$test_store $xstatic sysroot install linux/${s%-musl}" >&2; exit 3; }
  ln -s "$test_store/sysroots/$s" "$store/sysroots/$s"
done
for d in "$test_store"/runtimes/llvm-19-r[0-9] "$test_store"/runtimes/mimalloc-*-llvm19-r[0-9] "$test_store"/runtimes/libc-*-llvm19; do
  [ -d "$d" ] || continue
  for s in arm64-musl amd64-musl; do
    [ -d "$d/$s" ] || continue
    mkdir -p "$store/runtimes/$(basename "$d")"
    cp -a "$d/$s" "$store/runtimes/$(basename "$d")/"
  done
done

mkdir "$work/w"
cp "$root/tests/integration/programs/bundle_hello.c" "$work/w/hello.c"
cp "$root/tests/integration/programs/bundle_hello.cpp" "$work/w/hello.cpp"

# In the namespace: an empty environment but the store, PATH only the bundle's bin/.
# shellcheck disable=SC2153,SC2317 # WORK, BUNDLE, FOREIGN and ARCH come through the environment; run in bash -c
in_bundle() {
  set -euo pipefail
  if [ "$FOREIGN" = 1 ]; then
    mount -t binfmt_misc binfmt_misc /proc/sys/fs/binfmt_misc
    # shellcheck disable=SC2028 # the kernel reads the \x escapes itself (as qemu-binfmt-conf.sh writes them)
    echo ':xstatic-check-aarch64:M::\x7fELF\x02\x01\x01\x00\x00\x00\x00\x00\x00\x00\x00\x00\x02\x00\xb7\x00:\xff\xff\xff\xff\xff\xff\xff\x00\xff\xff\xff\xff\xff\xff\xff\xff\xfe\xff\xff\xff:/usr/bin/qemu-aarch64-static:F' \
      >/proc/sys/fs/binfmt_misc/register
  fi
  cd "$WORK/w"
  xb() { env -i PATH="$BUNDLE/bin" HOME="$WORK" TMPDIR="$WORK" XSTATIC_HOME="$WORK/store" "$BUNDLE/bin/xstatic" "$@"; }
  step() { local t0; t0=$(date +%s%N); "$@"; echo "  $(( ($(date +%s%N) - t0) / 1000000 )) ms: xstatic ${*:2}"; }
  env -i "$BUNDLE/bin/clang" --version | head -1
  for a in arm64 amd64; do
    step xb cc --target linux/$a -c hello.c -o hello-$a.bundle.o
    step xb c++ --target linux/$a -c hello.cpp -o hello_cpp-$a.bundle.o
    step xb cc --target linux/$a hello-$a.bundle.o -o hello-$a.bundle
    step xb c++ --target linux/$a hello_cpp-$a.bundle.o -o hello_cpp-$a.bundle
    step xb verify --target linux/$a --static hello-$a.bundle hello_cpp-$a.bundle
  done
  # The resource folder's compiler-rt builtins are the bundle's own arch's
  # (Debian's clang of that arch has the same): -rtlib=compiler-rt finds them.
  step xb cc --target "linux/$ARCH" -rtlib=compiler-rt "hello-$ARCH.bundle.o" -o hello-rt.bundle
  # The binutils xstatic runs: an archive with its symbol table, a strip.
  env -i "$BUNDLE/bin/llvm-ar" rcsD objs.bundle.a hello-arm64.bundle.o hello_cpp-arm64.bundle.o
  env -i "$BUNDLE/bin/llvm-strip" -o hello_cpp-arm64.stripped.bundle.o hello_cpp-arm64.bundle.o
}
t0=$(date +%s)
WORK=$work BUNDLE=$bundle FOREIGN=$foreign ARCH=$arch unshare -U -r -m --propagation private \
  bash -c "$(declare -f in_bundle); in_bundle" >"$work/bundle.log" 2>&1 ||
  { cat "$work/bundle.log"; echo "FAIL: the bundle failed (above)" >&2; exit 1; }
cat "$work/bundle.log"
echo "ok: the $arch bundle compiled, linked and verified C and C++ hellos for linux/arm64 and linux/amd64 ($(($(date +%s) - t0)) s)"

# The same inputs through the normal xstatic (Debian's clang-19 and lld-19), same store and folder.
cd "$work/w"
for a in arm64 amd64; do
  XSTATIC_HOME=$store "$xstatic" cc --target linux/$a -c hello.c -o hello-$a.debian.o
  XSTATIC_HOME=$store "$xstatic" c++ --target linux/$a -c hello.cpp -o hello_cpp-$a.debian.o
  XSTATIC_HOME=$store "$xstatic" cc --target linux/$a hello-$a.debian.o -o hello-$a.debian
  XSTATIC_HOME=$store "$xstatic" c++ --target linux/$a hello_cpp-$a.debian.o -o hello_cpp-$a.debian
  for f in hello-$a.bundle.o hello_cpp-$a.bundle.o hello-$a.bundle hello_cpp-$a.bundle; do
    cmp "$f" "${f/.bundle/.debian}" || { echo "FAIL: $f differs from what Debian's clang-19/lld-19 made" >&2; exit 1; }
  done
done
echo "ok: objects and programs (C, C++; arm64, amd64) are byte-identical to Debian clang-19's and lld-19's"
if command -v llvm-ar-19 >/dev/null && command -v llvm-strip-19 >/dev/null; then
  llvm-ar-19 rcsD objs.debian.a hello-arm64.bundle.o hello_cpp-arm64.bundle.o
  llvm-strip-19 -o hello_cpp-arm64.stripped.debian.o hello_cpp-arm64.bundle.o
  cmp objs.bundle.a objs.debian.a || { echo "FAIL: the bundle's llvm-ar rcsD differs from llvm-ar-19's" >&2; exit 1; }
  cmp hello_cpp-arm64.stripped.bundle.o hello_cpp-arm64.stripped.debian.o ||
    { echo "FAIL: the bundle's llvm-strip differs from llvm-strip-19's" >&2; exit 1; }
  echo "ok: the bundle's llvm-ar and llvm-strip give llvm-19's bytes"
fi

run_arm64() { qemu-aarch64-static "$@"; }
run_amd64() { if [ "$(dpkg --print-architecture)" = amd64 ]; then "$@"; else qemu-x86_64-static "$@"; fi; }
for a in arm64 amd64; do
  [ "$("run_$a" ./hello-$a.bundle)" = "hello from the bundle" ] || { echo "FAIL: hello-$a.bundle printed the wrong thing" >&2; exit 1; }
  [ "$("run_$a" ./hello_cpp-$a.bundle)" = "caught libc++ 19" ] || { echo "FAIL: hello_cpp-$a.bundle printed the wrong thing" >&2; exit 1; }
done
[ "$("run_$arch" ./hello-rt.bundle)" = "hello from the bundle" ] || { echo "FAIL: hello-rt.bundle (compiler-rt builtins) printed the wrong thing" >&2; exit 1; }
echo "ok: the programs the $arch bundle made run (arm64 under qemu-aarch64-static, amd64 natively)"
