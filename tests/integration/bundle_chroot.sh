#!/usr/bin/env bash
# The bundle (docs/bundle.md): xstatic with clang, lld and the LLVM binutils
# xstatic runs (llvm-ar, llvm-ranlib, llvm-objcopy, llvm-strip) inside, one
# static executable, runs in a root holding nothing but its own folder, an
# empty store, /proc, /dev, /tmp and /etc/resolv.conf (bind-mounted, for
# the mirror's name). There, with an empty environment:
#   - `sysroot install linux/arm64` through its own fetcher
#     (XSTATIC_FETCH=builtin): the mirror is the one apt's configuration
#     names on this host (read here with apt-get indextargets, given as
#     XSTATIC_MIRROR); where apt names no http:// mirror (the builtin
#     fetcher speaks no https), or XSTATIC_TEST_BUNDLE_MIRROR=local, a
#     throwaway archive signed by a throwaway key (lib/mirror.sh) on
#     127.0.0.1, with the test store's .debs;
#   - libc++ and mimalloc are imported (`runtimes import`) from the test
#     store: building libc++ needs cmake, ninja and python3 on the host and
#     a minute or more; mimalloc built from the source the fetcher takes is
#     scripts/bundle-hosts.sh's (15 s more here);
#   - C, C++ and assembler compiled (clang's -cc1 and -cc1as in-process),
#     linked with its own lld (xstatic's libc routines built there on first
#     link: the bundle's clang and llvm-ar), verified;
#   - llvm-ar, llvm-ranlib, llvm-objcopy (the debug split of `xstatic
#     release`) and llvm-strip run on those files.
# Every object, archive, linked program and objcopy/strip output must equal
# byte for byte what Debian's clang-19, lld-19 and llvm-19 make through the
# normal xstatic (or directly) from the same inputs; the arm64 programs then
# run under qemu-aarch64 outside.
#
# Costs in CI: the bundle target is built once by the fixture's setup,
# bundle_build (shared with bundle_image); then 64 s warm here at load 10
# (22 s of CPU): in the root 27 s (the sysroot fetch 9 s, the libc
# routines 4 s, six compiles and links), the .deb 7 s, cmp the rest. The same inside Debian bullseye and trixie roots is
# scripts/bundle-hosts.sh (not in CI).
. "$(dirname "$0")/lib/common.sh"
. "$SRC/tests/integration/lib/driver.sh"
. "$SRC/tests/integration/lib/mirror.sh"
. "$SRC/tests/integration/lib/bundle.sh"
need clang-19
need llvm-ar-19
need llvm-objcopy-19
need llvm-strip-19
need qemu-aarch64-static
need unshare
[ "$(id -u)" = 0 ] || skip "the chroot needs root"
mkdir probe-root
rc=0; unshare -m --root=probe-root /nonexistent 2>/dev/null || rc=$?
[ "$rc" = 127 ] || skip "unshare -m with a new root is not permitted here (exit $rc)"
# The bundle, built and laid out as its archive by the fixture's bundle_build.
need_staged_bundle
mkdir -p root
copy_staged_bundle "$WORK/root/bundle"

# What the normal xstatic compares with: the test store's linux/arm64 musl sysroot and libc++.
driver_sysroot linux/arm64 musl
"$XSTATIC" -q runtimes build linux/arm64 >/dev/null || fail "libc++ for linux/arm64 did not build"

mkdir -p root/store root/proc root/dev root/tmp root/work root/etc
chmod 1777 root/tmp

# libc++ and mimalloc for the root, exported from the test store (a first
# link there builds mimalloc); xstatic's libc routines are built in the
# root, by the bundle's clang and llvm-ar.
printf 'int main(void){return 0;}\n' >warm.c
"$XSTATIC" cc --target linux/arm64 warm.c -o warm || fail "the normal xstatic could not link for linux/arm64"
for d in "$XSTATIC_HOME"/runtimes/llvm-19-r2 "$XSTATIC_HOME"/runtimes/mimalloc-*-llvm19-r[0-9]; do
  mkdir -p "runtimes-store/runtimes/$(basename "$d")"
  cp -a "$d/arm64-musl" "runtimes-store/runtimes/$(basename "$d")/"
done
"$XSTATIC" -q --store "$WORK/runtimes-store" runtimes export linux/arm64 -o root/work/runtimes.tar.zst >/dev/null

# The mirror the root's fetcher takes Debian's archive from: apt's own on this host.
root_env=(XSTATIC_FETCH=builtin)
mirror= security=
if [ "${XSTATIC_TEST_BUNDLE_MIRROR:-}" != local ] && command -v apt-get >/dev/null; then
  targets=$(apt-get indextargets --format '$(REPO_URI) $(RELEASE)' 2>/dev/null | sort -u)
  mirror=$(awk '$1 ~ /^http:\/\// && $2 == "bookworm" {print $1; exit}' <<<"$targets")
  security=$(awk '$1 ~ /^http:\/\// && $2 == "bookworm-security" {print $1; exit}' <<<"$targets")
fi
if [ -n "$mirror" ]; then
  root_env+=(XSTATIC_MIRROR="${mirror%/}")
  [ -z "$security" ] || root_env+=(XSTATIC_SECURITY_MIRROR="${security%/}")
  [ -e /etc/resolv.conf ] || fail "apt names $mirror but there is no /etc/resolv.conf to resolve it in the root"
  touch root/etc/resolv.conf
  echo "the root fetches from apt's mirror: $mirror${security:+ and $security}"
else
  need gpg
  need python3
  need xz
  need dpkg-deb
  trap 'stop_gpg_agents; stop_daemons' EXIT
  debs=()
  for p in linux-libc-dev libgcc-12-dev musl-dev; do
    debs+=("$(ls "$XSTATIC_HOME/apt/arm64/debs/${p}_"*_arm64.deb | sort -V | tail -1)")
  done
  new_gpg_key archive
  GNUPGHOME="$WORK/gnupg-archive" gpg --batch -q --export >root/work/trusted.gpg
  make_mirror "$WORK/www" bookworm arm64 archive "${debs[@]}"
  make_mirror "$WORK/www" bookworm-updates arm64 archive
  make_mirror "$WORK/www" bookworm-security arm64 archive
  serve_mirrors "$WORK/www"
  root_env+=(XSTATIC_MIRROR="http://127.0.0.1:$PORT" XSTATIC_SECURITY_MIRROR="http://127.0.0.1:$PORT"
    XSTATIC_ARCHIVE_KEYRING=/work/trusted.gpg)
  echo "note: apt names no http:// mirror (or XSTATIC_TEST_BUNDLE_MIRROR=local): the root fetches from a throwaway archive on 127.0.0.1"
fi

cp "$SRC/tests/integration/programs/bundle_hello.c" root/work/hello.c
cp "$SRC/tests/integration/programs/bundle_hello.cpp" root/work/hello.cpp
cat >root/work/add.S <<'ASM'
    .text
    .globl add_two
    .type add_two, %function
add_two:
    add x0, x0, #2
    ret
ASM

# Runs a program of the bundle (xstatic unless named) in the root (cwd
# /work) with an empty environment: no PATH into the host, no clang, no apt.
UNSHARE=$(command -v unshare)
ROOT_ENV="${root_env[*]}"
in_root_exec() { # path-in-root args...
  # shellcheck disable=SC2086 # ROOT_ENV is NAME=VALUE words without spaces
  env -i PATH=/bundle/bin HOME=/tmp TMPDIR=/tmp XSTATIC_HOME=/store $ROOT_ENV \
    "$UNSHARE" -m --root="$WORK/root" --wd=/work "$@"
}
in_root_tool() { local tool=$1; shift; in_root_exec "/bundle/bin/$tool" "$@"; }
in_root() { in_root_tool xstatic "$@"; }
with_mounts() { # function args...: runs it in a mount namespace of its own
  unshare -m --propagation private bash -c '
    set -euo pipefail
    mount -t proc proc "$WORK/root/proc"
    mount --rbind /dev "$WORK/root/dev"
    if [ -e "$WORK/root/etc/resolv.conf" ]; then mount --bind /etc/resolv.conf "$WORK/root/etc/resolv.conf"; fi
    '"$(declare -f in_root_exec in_root_tool in_root "$1")"'
    "$@"' bash "$@"
}
export WORK UNSHARE ROOT_ENV
# unshare -m: the mounts exist only in that namespace and end with it, so
# nothing is left mounted however the suite ends; the trap checks it.
trap 'if grep -q " $WORK/root/" /proc/mounts; then echo "FAIL: a mount leaked" >&2; fi; stop_gpg_agents; stop_daemons; stop_suite_sccache; rm -rf "$WORK"' EXIT

build_in_root() {
  in_root sysroot install linux/arm64
  in_root runtimes import runtimes.tar.zst
  in_root cc --target linux/arm64 -c hello.c -o hello.bundle.o
  in_root c++ --target linux/arm64 -c hello.cpp -o hello_cpp.bundle.o
  in_root cc --target linux/arm64 -c add.S -o add.bundle.o
  in_root cc --target linux/arm64 hello.c -o hello.bundle
  in_root c++ --target linux/arm64 hello.cpp -o hello_cpp.bundle
  in_root verify hello.bundle --target linux/arm64 --static
  in_root verify hello_cpp.bundle --target linux/arm64 --static
  # The binutils: an archive (then its symbol table by ranlib), and release's debug split.
  in_root_tool llvm-ar rcsD objs.bundle.a hello.bundle.o add.bundle.o
  in_root_tool llvm-ar qcS nosym.bundle.a hello_cpp.bundle.o add.bundle.o
  in_root_tool llvm-ranlib -D nosym.bundle.a
  # A build system's <triple>-ar (install-links) runs the bundle's llvm-ar.
  in_root install-links /work/links linux/arm64 >/dev/null
  in_root_exec /work/links/aarch64-linux-musl-ar rcsD objs-link.bundle.a hello.bundle.o add.bundle.o
  in_root cc --target linux/arm64 -g hello.c -o hello_g
  mkdir -p "$WORK/root/work/b"
  in_root_tool llvm-objcopy --only-keep-debug hello_g b/hello_g.debug
  in_root_tool llvm-objcopy --strip-all --add-gnu-debuglink=b/hello_g.debug hello_g b/hello_g.split
  in_root_tool llvm-strip -o b/hello_g.stripped hello_g
}
start=$(date +%s)
with_mounts build_in_root >in-root.log 2>&1 || { cat in-root.log; fail "the bundle failed in the empty root"; }
grep -q 'installed arm64-musl' in-root.log || { cat in-root.log; fail "the sysroot was not installed in the root"; }
grep 'installed arm64-musl' in-root.log
echo "ok: in an empty root the bundle fetched the arm64 sysroot, compiled C, C++ and assembler, linked, verified, archived and split debug info ($(($(date +%s) - start)) s)"

# What is in the root: only what the suite put there, and what xstatic made in its store.
got=$(ls root | tr '\n' ' ')
[ "$got" = "bundle dev etc proc store tmp work " ] || fail "the root holds more than the bundle: $got"
[ -z "$(find root/proc root/dev -mindepth 1 -print -quit)" ] || fail "a mount is still in place after the namespace ended"
[ ! -e root/store/apt ] || fail "the root's store has apt state: the bundle used apt"
ls root/store/runtimes/libc-*/arm64-musl/lib/*.a >/dev/null 2>&1 || fail "the root built no libc routines (llvm-ar)"

# The same inputs through the normal xstatic, Debian's clang-19 and llvm-19, same paths relative to /work.
cd root/work
"$XSTATIC" cc --target linux/arm64 -c hello.c -o hello.debian.o
"$XSTATIC" c++ --target linux/arm64 -c hello.cpp -o hello_cpp.debian.o
"$XSTATIC" cc --target linux/arm64 -c add.S -o add.debian.o
"$XSTATIC" cc --target linux/arm64 hello.c -o hello.debian
"$XSTATIC" c++ --target linux/arm64 hello.cpp -o hello_cpp.debian
for f in hello.o hello_cpp.o add.o; do
  cmp "${f%.o}.bundle.o" "${f%.o}.debian.o" || fail "$f from the bundle differs from Debian clang-19's"
done
for f in hello hello_cpp; do
  cmp "$f.bundle" "$f.debian" || fail "$f linked by the bundle's lld differs from Debian lld-19's"
done
echo "ok: objects (C, C++, assembler) and linked programs are byte-identical to Debian clang-19's"

llvm-ar-19 rcsD objs.debian.a hello.bundle.o add.bundle.o
llvm-ar-19 qcS nosym.debian.a hello_cpp.bundle.o add.bundle.o
llvm-ranlib-19 -D nosym.debian.a
cmp objs.bundle.a objs.debian.a || fail "the bundle's llvm-ar rcsD differs from llvm-ar-19's"
cmp objs-link.bundle.a objs.debian.a || fail "aarch64-linux-musl-ar (install-links) in the root differs from llvm-ar-19"
cmp nosym.bundle.a nosym.debian.a || fail "the bundle's llvm-ranlib differs from llvm-ranlib-19's"
mkdir d && cp hello_g d/ && cd d
llvm-objcopy-19 --only-keep-debug hello_g ../b/hello_g.debug.d
llvm-objcopy-19 --strip-all --add-gnu-debuglink=../b/hello_g.debug hello_g hello_g.split
llvm-strip-19 -o hello_g.stripped hello_g
cd ..
cmp b/hello_g.debug b/hello_g.debug.d || fail "the bundle's objcopy --only-keep-debug differs from llvm-objcopy-19's"
for f in hello_g.split hello_g.stripped; do
  cmp "b/$f" "d/$f" || fail "the bundle's $f differs from llvm-objcopy-19/llvm-strip-19's"
  [ -x "b/$f" ] || fail "b/$f lost its execute permission"
done
echo "ok: llvm-ar, llvm-ranlib, llvm-objcopy and llvm-strip of the bundle give llvm-19's bytes"

[ "$(qemu-aarch64-static ./hello.bundle)" = "hello from the bundle" ] || fail "hello.bundle printed the wrong thing"
[ "$(qemu-aarch64-static ./hello_cpp.bundle)" = "caught libc++ 19" ] || fail "hello_cpp.bundle printed the wrong thing"
[ "$(qemu-aarch64-static ./b/hello_g.split)" = "hello from the bundle" ] || fail "the split hello_g does not run"
echo "ok: the bundle's arm64 programs run under qemu-aarch64"

# The .deb (scripts/bundle.sh deb; uncompressed here, as xz would take
# minutes of CPU), installed by dpkg into a throwaway root of its own: the
# /usr/bin/xstatic link finds its bin/ and clang, and links the same hello.
cd "$WORK"
need dpkg
deb_start=$(date +%s)
"$SRC/scripts/bundle.sh" deb "$WORK/root/bundle" "$WORK" none >/dev/null
mkdir -p debroot/var/lib/dpkg/info debroot/var/lib/dpkg/updates debroot/store debroot/work debroot/tmp debroot/proc
touch debroot/var/lib/dpkg/status
dpkg --root="$WORK/debroot" --force-script-chrootless -i "$WORK"/xstatic_*_amd64.deb >dpkg.log 2>&1 ||
  { cat dpkg.log; fail "dpkg could not install the bundle's .deb"; }
[ "$(readlink debroot/usr/bin/xstatic)" = ../lib/xstatic/bin/xstatic ] || fail "the .deb has no /usr/bin/xstatic link"
cp root/work/hello.c debroot/work/
unshare -m --propagation private bash -c '
  set -euo pipefail
  mount --bind "$WORK/root/store" "$WORK/debroot/store"
  mount -t proc proc "$WORK/debroot/proc"
  in_deb() {
    env -i PATH=/usr/bin HOME=/tmp XSTATIC_HOME=/store \
      "$UNSHARE" -m --root="$WORK/debroot" --wd=/work /usr/bin/xstatic "$@"
  }
  in_deb --version
  in_deb cc --target linux/arm64 hello.c -o hello' >deb.log 2>&1 || { cat deb.log; fail "the installed .deb failed"; }
cmp debroot/work/hello root/work/hello.bundle || fail "the .deb's xstatic linked another hello than the bundle's"
echo "ok: the .deb installs with dpkg into an empty root, where /usr/bin/xstatic links the same hello ($(stat -c %s "$WORK"/xstatic_*_amd64.deb) B uncompressed, $(($(date +%s) - deb_start)) s)"
