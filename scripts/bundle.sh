#!/usr/bin/env bash
# The bundle's release archive (docs/bundle.md): xstatic with clang and lld
# inside, one static executable for a linux/amd64 or linux/arm64 host, and
# clang's resource headers beside it, as xstatic-VERSION-linux-ARCH.tar.zst
# plus its SHA-256.
#
#   scripts/bundle.sh [--arch amd64|arm64] [OUT_DIR]
#                                        build, stage, pack and .deb: the release command
#                                        (default: this host's arch; default OUT_DIR dist/)
#   scripts/bundle.sh stage BUILD DEST   lay the bundle of BUILD (a build with the bundle target built) out in DEST
#   scripts/bundle.sh deb STAGED OUT_DIR [COMPRESSOR]
#                                        a .deb of a staged bundle: xstatic_VERSION_ARCH.deb in OUT_DIR (ARCH
#                                        read from the executable; COMPRESSOR: dpkg-deb's -Z, default xz)
#
# amd64 (this host's arch) builds in build-bundle/ from the host's Debian
# LLVM (liblld-19-dev, libpolly-19-dev ... of scripts/setup.sh).
# arm64 is cross-built here by xstatic itself:
#   1. a host xstatic (build-bundle-host/, or $XSTATIC) compiles;
#   2. `xstatic sysroot add linux/arm64 --libc glibc llvm-19-dev ...` puts
#      Debian's arm64 LLVM, clang, lld, Polly and compiler-rt static
#      libraries, and what xstatic links (libarchive, nettle, ICU, ...), into
#      the arm64 glibc sysroot of a private store (build-bundle-arm64/store,
#      or $XSTATIC_BUNDLE_STORE): about 90 packages, 1.2 GB; never the host's dpkg;
#   3. CMake configures build-bundle-arm64/build with toolchains/linux-arm64.cmake
#      (glibc) and the bundle on; the sysroot's llvm-config runs under
#      qemu-aarch64 (cmake/Dependencies.cmake);
#   4. stage, pack and .deb as for amd64, named linux-arm64 / _arm64.deb.
# Check an arm64 bundle on this host with scripts/bundle-check.sh (qemu-user).
#
# The .deb installs the staged folder as /usr/lib/xstatic (bin/, lib/clang/)
# and /usr/bin/xstatic as a link to /usr/lib/xstatic/bin/xstatic; it
# depends on nothing (the executable is static). Made by dpkg-deb
# --root-owner-group, every mtime SOURCE_DATE_EPOCH, so it is reproducible too.
#
# The archive is reproducible: files sorted by name, owner and group 0,
# every mtime SOURCE_DATE_EPOCH (default: the last commit's time), modes
# normalised, zstd at a fixed level. Two runs on the same sources and the
# same Debian packages give the same bytes (the suite bundle_chroot checks
# the staging; docs/bundle.md the archive).
#
# Layout (what clang expects around its own executable):
#   bin/xstatic                                  the one executable
#   bin/clang bin/clang++ bin/ld.lld bin/ld64.lld bin/lld-link bin/wasm-ld   links to it
#   bin/llvm-ar bin/llvm-ranlib bin/llvm-objcopy bin/llvm-strip           links to it (runtimes, release)
#   lib/clang/<major>/include                    clang's resource headers
#   lib/clang/<major>/lib/linux/                 compiler-rt builtins and crt objects of the host's
#                                                arch, as Debian's clang of that arch has them
#                                                (amd64: x86_64, i386; arm64: aarch64)
# Linux targets link libgcc from their sysroot and WASI its sysroot's
# builtins, so no other target needs more of the resource folder; the
# sanitizer runtimes (host-only, 80 MB) are left out.
set -euo pipefail
shopt -s inherit_errexit
root=$(cd "$(dirname "$0")/.." && pwd)

# The Debian architecture of an ELF executable (e_machine, bytes 18-19).
exe_arch() {
  case $(od -An -tx1 -j18 -N2 "$1" | tr -d ' \n') in
    3e00) echo amd64 ;;
    b700) echo arm64 ;;
    *) echo "bundle.sh: $1 is not an amd64 or arm64 executable" >&2; exit 2 ;;
  esac
}

# Runs a staged executable: directly on its own arch, else under qemu-user.
run_exe() { # exe args...
  local exe=$1; shift
  if [ "$(exe_arch "$exe")" = "$(dpkg --print-architecture)" ]; then "$exe" "$@"; else qemu-aarch64-static "$exe" "$@"; fi
}

stage() { # build dest
  local build=$1 dest=$2 exe=$1/bundle/bin/xstatic
  [ -x "$exe" ] || { echo "bundle.sh: no $exe: build the 'bundle' target first" >&2; exit 2; }
  # The build's bundle/lib/clang/<major> is a link to the resource folder of
  # the LLVM it was built from: the host's, or the target sysroot's (arm64).
  local major resource name
  major=$(basename "$(ls -d "$build"/bundle/lib/clang/[0-9]*)")
  resource=$(readlink -f "$build/bundle/lib/clang/$major")
  rm -rf "$dest"
  mkdir -p "$dest/bin" "$dest/lib/clang/$major/lib/linux"
  cp "$exe" "$dest/bin/xstatic"
  for name in clang clang++ ld.lld ld64.lld lld-link wasm-ld llvm-ar llvm-ranlib llvm-objcopy llvm-strip; do ln -s xstatic "$dest/bin/$name"; done
  cp -R "$resource/include" "$dest/lib/clang/$major/include"
  local f
  for f in "$resource"/lib/linux/libclang_rt.builtins-*.a "$resource"/lib/linux/clang_rt.crt*.o; do
    [ -e "$f" ] && cp "$f" "$dest/lib/clang/$major/lib/linux/"
  done
  return 0
}

pack() { # staged-dir out-dir -> prints the archive's path
  local staged=$1 out=$2 name epoch
  name=$(basename "$staged")
  epoch=${SOURCE_DATE_EPOCH:-$(git -C "$root" log -1 --format=%ct 2>/dev/null || echo 0)}
  (cd "$(dirname "$staged")" &&
    tar --sort=name --owner=0 --group=0 --numeric-owner --mtime="@$epoch" \
      --mode='u+rwX,go+rX,go-w' --format=gnu -cf - "$name") |
    zstd -q -19 -T2 -o "$out/$name.tar.zst" -f
  (cd "$out" && sha256sum "$name.tar.zst" >"$name.tar.zst.sha256")
  echo "$out/$name.tar.zst"
}

deb() { # staged-dir out-dir [compressor] -> prints the .deb's path
  local staged=$1 out=$2 compressor=${3:-xz} epoch version tree arch
  epoch=${SOURCE_DATE_EPOCH:-$(git -C "$root" log -1 --format=%ct 2>/dev/null || echo 0)}
  version=$(run_exe "$staged/bin/xstatic" --version | awk '{print $2}')
  arch=$(exe_arch "$staged/bin/xstatic")
  tree=$(mktemp -d "${TMPDIR:-/tmp}/xstatic-deb.XXXXXX")
  mkdir -p "$tree/DEBIAN" "$tree/usr/lib" "$tree/usr/bin"
  # Hard links where the file system allows (the executable is 195 MB); the
  # staged files' mtimes are set to the epoch either way.
  cp -al "$staged" "$tree/usr/lib/xstatic" 2>/dev/null || { rm -rf "$tree/usr/lib/xstatic"; cp -a "$staged" "$tree/usr/lib/xstatic"; }
  ln -s ../lib/xstatic/bin/xstatic "$tree/usr/bin/xstatic"
  cat >"$tree/DEBIAN/control" <<CONTROL
Package: xstatic
Version: $version
Architecture: $arch
Maintainer: xstatic developers <xstatic@users.noreply.invalid>
Installed-Size: $(du -sk --apparent-size "$tree/usr" | cut -f1)
Section: devel
Priority: optional
Description: static C/C++ cross-compiler driver with clang and lld inside
 One static executable holding xstatic, clang (driver, cc1, cc1as), lld
 and the LLVM binutils xstatic runs, with clang's resource headers. It
 makes static programs for Go-style targets (linux/arm64, linux/amd64...)
 from Debian's musl and glibc sysroots, fetched by itself.
CONTROL
  chmod -R u+rwX,go+rX,go-w "$tree"
  find "$tree" -exec touch -h -d "@$epoch" {} +
  SOURCE_DATE_EPOCH=$epoch dpkg-deb --root-owner-group -Z"$compressor" --build "$tree" \
    "$out/xstatic_${version}_$arch.deb" >/dev/null
  rm -rf "$tree"
  echo "$out/xstatic_${version}_$arch.deb"
}

if [ "${1:-}" = deb ]; then
  [ $# -ge 3 ] || { echo "usage: scripts/bundle.sh deb STAGED OUT_DIR [COMPRESSOR]" >&2; exit 2; }
  deb "$2" "$3" "${4:-xz}"
  exit 0
fi

if [ "${1:-}" = stage ]; then
  [ $# = 3 ] || { echo "usage: scripts/bundle.sh stage BUILD DEST" >&2; exit 2; }
  stage "$2" "$3"
  exit 0
fi

# What the arm64 bundle links, from Debian's arm64 archive into the arm64
# glibc sysroot (their library dependencies come too): LLVM (llvm-19 holds
# llvm-config), clang, lld, Polly, compiler-rt's builtins for the resource
# folder, and xstatic's own dependencies (cmake/Dependencies.cmake).
cross_packages=(llvm-19 llvm-19-dev libclang-19-dev liblld-19-dev libpolly-19-dev libclang-rt-19-dev
  libarchive-dev zlib1g-dev libzstd-dev liblzma-dev libbz2-dev liblz4-dev libacl1-dev nettle-dev libgmp-dev
  libxml2-dev libicu-dev libcli11-dev libspdlog-dev libfmt-dev libtomlplusplus-dev)

started=$(date +%s)
timed() { # label command...: runs it, then says how long it took
  local t0 label=$1; shift
  t0=$(date +%s)
  "$@"
  echo "bundle.sh: $label: $(($(date +%s) - t0)) s" >&2
}

arch=$(dpkg --print-architecture)
if [ "${1:-}" = --arch ]; then
  [ $# -ge 2 ] || { echo "usage: scripts/bundle.sh [--arch amd64|arm64] [OUT_DIR]" >&2; exit 2; }
  arch=$2
  shift 2
fi
out=$(mkdir -p "${1:-$root/dist}" && cd "${1:-$root/dist}" && pwd)
jobs=${XSTATIC_JOBS:-2}
if [ "$arch" = "$(dpkg --print-architecture)" ]; then
  build=${XSTATIC_BUNDLE_BUILD_DIR:-$root/build-bundle}
  cmake -S "$root" -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=Release -DXSTATIC_BUNDLE=ON -DXSTATIC_BUILD_TESTS=OFF >/dev/null
  timed "build (bundle target)" nice cmake --build "$build" --target bundle -- -j"$jobs"
elif [ "$arch" = arm64 ]; then
  command -v qemu-aarch64-static >/dev/null || { echo "bundle.sh: --arch arm64 needs qemu-aarch64-static (package qemu-user-static)" >&2; exit 3; }
  xstatic=${XSTATIC:-}
  if [ -z "$xstatic" ]; then
    host_build=${XSTATIC_BUNDLE_HOST_BUILD_DIR:-$root/build-bundle-host}
    cmake -S "$root" -B "$host_build" -G Ninja -DCMAKE_BUILD_TYPE=Release -DXSTATIC_BUILD_TESTS=OFF >/dev/null
    timed "host xstatic" nice cmake --build "$host_build" --target xstatic -- -j"$jobs"
    xstatic=$host_build/src/xstatic
  fi
  cross=${XSTATIC_BUNDLE_BUILD_DIR:-$root/build-bundle-arm64}
  export XSTATIC_HOME=${XSTATIC_BUNDLE_STORE:-$cross/store}
  build=$cross/build
  timed "sysroot add (arm64 LLVM and the rest)" "$xstatic" sysroot add linux/arm64 --libc glibc "${cross_packages[@]}"
  timed "configure" cmake -S "$root" -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=Release \
    -DCMAKE_TOOLCHAIN_FILE="$root/toolchains/linux-arm64.cmake" -DXSTATIC_LIBC=glibc \
    -DXSTATIC_EXECUTABLE="$xstatic" -DXSTATIC_BUNDLE=ON -DXSTATIC_BUILD_TESTS=OFF >/dev/null
  timed "build (bundle target, cross)" nice cmake --build "$build" --target bundle -- -j"$jobs"
else
  echo "bundle.sh: no bundle for $arch hosts (amd64, arm64)" >&2
  exit 2
fi
version=$(run_exe "$build/bundle/bin/xstatic" --version | awk '{print $2}')
staging=$(mktemp -d "${TMPDIR:-/tmp}/xstatic-bundle.XXXXXX")
trap 'rm -rf "$staging"' EXIT
name=xstatic-$version-linux-$arch
timed stage stage "$build" "$staging/$name"
t0=$(date +%s)
archive=$(pack "$staging/$name" "$out")
echo "bundle.sh: pack (zstd -19): $(($(date +%s) - t0)) s" >&2
t0=$(date +%s)
package=$(deb "$staging/$name" "$out")
echo "bundle.sh: deb (xz): $(($(date +%s) - t0)) s" >&2
(cd "$out" && sha256sum "$(basename "$package")" >"$(basename "$package").sha256")
echo "$archive: $(stat -c %s "$archive") bytes, unpacked $(du -sb "$staging/$name" | cut -f1) bytes"
echo "$package: $(stat -c %s "$package") bytes"
echo "bundle.sh: $(($(date +%s) - started)) s in all" >&2
cat "$archive.sha256" "$package.sha256"
