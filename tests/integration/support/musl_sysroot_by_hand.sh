#!/usr/bin/env bash
# Stand-in for `xstatic sysroot install ARCH` until the sysroot module lands:
# lays out a musl sysroot exactly as design.md describes (musl-dev,
# linux-libc-dev and libgcc-12-dev for the Debian architecture, fetched with a
# private apt state built from the host's own apt sources).
# Usage: musl_sysroot_by_hand.sh DEBIAN_ARCH GNU_TRIPLE_ARCH DEST
set -euo pipefail
arch=$1 gnu=$2 dest=$3
[ -f "$dest/manifest.json" ] && exit 0
state=$(dirname "$dest")/.hand-apt-$arch
mkdir -p "$state"/{lists/partial,cache/archives/partial,debs,etc}
cp /etc/apt/sources.list.d/*.sources "$state/etc/" 2>/dev/null || true
[ -f /etc/apt/sources.list ] && cp /etc/apt/sources.list "$state/etc/sources.list"
opts=(-o APT::Architecture="$arch" -o APT::Architectures="$arch"
      -o Dir::Etc::SourceList="$state/etc/sources.list" -o Dir::Etc::SourceParts="$state/etc"
      -o Dir::State::Lists="$state/lists" -o Dir::Cache="$state/cache"
      -o Dir::State::status=/dev/null -o Debug::NoLocking=1)
apt-get "${opts[@]}" -qq update >/dev/null
(cd "$state/debs" && apt-get "${opts[@]}" -qq download "musl-dev:$arch" "linux-libc-dev:$arch" "libgcc-12-dev:$arch" >/dev/null 2>&1)
tmp=$(mktemp -d "$(dirname "$dest")/.tmp-hand-XXXXXX")
raw=$tmp/raw
mkdir -p "$raw" "$tmp/root/usr/include" "$tmp/root/usr/lib"
for deb in "$state"/debs/*.deb; do dpkg-deb -x "$deb" "$raw"; done
cp -a "$raw/usr/include/$gnu-linux-musl/." "$tmp/root/usr/include/"
cp -a "$raw/usr/include/linux" "$raw/usr/include/asm-generic" "$tmp/root/usr/include/"
cp -a "$raw/usr/include/$gnu-linux-gnu/asm" "$tmp/root/usr/include/"
cp -a "$raw/usr/lib/$gnu-linux-musl/." "$tmp/root/usr/lib/"
for f in libgcc.a libgcc_eh.a crtbeginT.o crtend.o; do
  cp "$raw/usr/lib/gcc/$gnu-linux-gnu/12/$f" "$tmp/root/usr/lib/"
done
echo '{"made_by": "tests/integration/support/musl_sysroot_by_hand.sh"}' > "$tmp/root/manifest.json"
mkdir -p "$(dirname "$dest")"
mv -T "$tmp/root" "$dest" 2>/dev/null || true  # another suite may have won the race
rm -rf "$tmp"
