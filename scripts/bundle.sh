#!/usr/bin/env bash
# The bundle's release archive (docs/bundle.md): xstatic with clang and lld
# inside, one static executable for linux/amd64 hosts, and clang's resource
# headers beside it, as xstatic-VERSION-linux-amd64.tar.zst plus its SHA-256.
#
#   scripts/bundle.sh [OUT_DIR]          build (build-bundle/), stage, pack and .deb: the release command
#   scripts/bundle.sh stage BUILD DEST   lay the bundle of BUILD (a build with the bundle target built) out in DEST
#   scripts/bundle.sh deb STAGED OUT_DIR [COMPRESSOR]
#                                        a .deb of a staged bundle: xstatic_VERSION_amd64.deb in OUT_DIR
#                                        (COMPRESSOR: dpkg-deb's -Z, default xz; the test uses gzip)
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
#   lib/clang/<major>/lib/linux/                 compiler-rt builtins and crt objects (x86_64, i386)
# Linux targets link libgcc from their sysroot and WASI its sysroot's
# builtins, so no other target needs more of the resource folder; the
# sanitizer runtimes (host-only, 80 MB) are left out.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)

stage() { # build dest
  local build=$1 dest=$2 exe=$1/bundle/bin/xstatic
  [ -x "$exe" ] || { echo "bundle.sh: no $exe: build the 'bundle' target first" >&2; exit 2; }
  local llvm_config major resource
  llvm_config=$(grep -m1 '^XSTATIC_LLVM_CONFIG:' "$build/CMakeCache.txt" | cut -d= -f2)
  major=$("$llvm_config" --version | cut -d. -f1)
  resource=$("$llvm_config" --libdir)/clang/$major
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
  local staged=$1 out=$2 compressor=${3:-xz} epoch version tree
  epoch=${SOURCE_DATE_EPOCH:-$(git -C "$root" log -1 --format=%ct 2>/dev/null || echo 0)}
  version=$("$staged/bin/xstatic" --version | awk '{print $2}')
  tree=$(mktemp -d "${TMPDIR:-/tmp}/xstatic-deb.XXXXXX")
  mkdir -p "$tree/DEBIAN" "$tree/usr/lib" "$tree/usr/bin"
  # Hard links where the file system allows (the executable is 195 MB); the
  # staged files' mtimes are set to the epoch either way.
  cp -al "$staged" "$tree/usr/lib/xstatic" 2>/dev/null || { rm -rf "$tree/usr/lib/xstatic"; cp -a "$staged" "$tree/usr/lib/xstatic"; }
  ln -s ../lib/xstatic/bin/xstatic "$tree/usr/bin/xstatic"
  cat >"$tree/DEBIAN/control" <<CONTROL
Package: xstatic
Version: $version
Architecture: amd64
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
    "$out/xstatic_${version}_amd64.deb" >/dev/null
  rm -rf "$tree"
  echo "$out/xstatic_${version}_amd64.deb"
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

out=$(mkdir -p "${1:-$root/dist}" && cd "${1:-$root/dist}" && pwd)
build=${XSTATIC_BUNDLE_BUILD_DIR:-$root/build-bundle}
cmake -S "$root" -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=Release -DXSTATIC_BUNDLE=ON -DXSTATIC_BUILD_TESTS=OFF >/dev/null
nice cmake --build "$build" --target bundle -- -j"${XSTATIC_JOBS:-2}"
version=$("$build/bundle/bin/xstatic" --version | awk '{print $2}')
staging=$(mktemp -d "${TMPDIR:-/tmp}/xstatic-bundle.XXXXXX")
trap 'rm -rf "$staging"' EXIT
stage "$build" "$staging/xstatic-$version-linux-amd64"
archive=$(pack "$staging/xstatic-$version-linux-amd64" "$out")
package=$(deb "$staging/xstatic-$version-linux-amd64" "$out")
(cd "$out" && sha256sum "$(basename "$package")" >"$(basename "$package").sha256")
echo "$archive: $(stat -c %s "$archive") bytes, unpacked $(du -sb "$staging/xstatic-$version-linux-amd64" | cut -f1) bytes"
echo "$package: $(stat -c %s "$package") bytes"
cat "$archive.sha256" "$package.sha256"
