#!/usr/bin/env bash
# The container image of the bundle (Dockerfile.bundle, docs/bundle.md "The
# image"): a staged bundle at /opt/xstatic, a store at /xstatic filled by the
# bundle itself from exported archives, FROM scratch unless --base names
# another image. No apt and no RUN in the image build.
#
#   scripts/bundle-image.sh STAGED [--preload DIR] [--base IMAGE] [-t TAG]
#   scripts/bundle-image.sh STAGED --context DIR [--preload DIR]   # only lay out the build context
#
#   STAGED       a staged bundle: scripts/bundle.sh stage BUILD DEST, or an
#                unpacked xstatic-VERSION-linux-amd64.tar.zst
#   --preload    a folder of archives: sysroot-*.tar* (`xstatic sysroot
#                export`) and runtimes*.tar* (`xstatic runtimes export`),
#                imported (checked) by STAGED's xstatic into the image's store
#   --base       the image to put it on (default scratch: no shell)
#   -t           the tag (default localhost/xstatic-bundle:VERSION)
#   --no-cache   build every layer again (the engine's cache would reuse
#                layers of the same content)
#
# The engine is podman, else docker; XSTATIC_IMAGE_ENGINE overrides it (a
# command line: "podman --runtime runc"). Reproducible: every file's mtime is
# SOURCE_DATE_EPOCH (default: the last commit's time), owners root, modes
# normalised, and podman gets --timestamp (the image's created time and the
# layers' file times); the same bundle and archives give the same image ID.
# Prints the image ID, then its size.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
die() { echo "bundle-image.sh: $*" >&2; exit 2; }
staged="" preload="" base=scratch tag="" context="" no_cache=0
while [ $# -gt 0 ]; do
  case $1 in
    --preload) preload=${2:?--preload DIR}; shift 2 ;;
    --base) base=${2:?--base IMAGE}; shift 2 ;;
    -t) tag=${2:?-t TAG}; shift 2 ;;
    --context) context=${2:?--context DIR}; shift 2 ;;
    --no-cache) no_cache=1; shift ;;
    -h | --help) awk 'NR > 1 && /^#/ {sub(/^# ?/, ""); print; next} NR > 1 {exit}' "$0"; exit 0 ;;
    -*) die "unknown option $1 (see --help)" ;;
    *) [ -z "$staged" ] || die "one staged bundle only: $1"; staged=$1; shift ;;
  esac
done
[ -n "$staged" ] || die "usage: scripts/bundle-image.sh STAGED [--preload DIR] [--base IMAGE] [-t TAG]"
xs=$staged/bin/xstatic
[ -x "$xs" ] || die "$staged holds no bin/xstatic: stage the bundle first (scripts/bundle.sh stage BUILD DEST)"
[ -z "$preload" ] || [ -d "$preload" ] || die "--preload $preload is not a folder"
version=$("$xs" --version | awk '{print $2}')
epoch=${SOURCE_DATE_EPOCH:-$(git -C "$root" log -1 --format=%ct 2>/dev/null || echo 0)}

if [ -n "$context" ]; then
  [ ! -e "$context" ] || [ -z "$(ls -A "$context")" ] || die "--context $context is not empty"
  mkdir -p "$context"
  ctx=$(cd "$context" && pwd)
else
  ctx=$(mktemp -d "${TMPDIR:-/tmp}/xstatic-image.XXXXXX")
  trap 'rm -rf "$ctx"' EXIT
fi

# The bundle: hard links where the file system allows (the executable is
# 195 MB); its files' mtimes are set to the epoch either way, as
# `bundle.sh deb` does.
cp -al "$staged" "$ctx/bundle" 2>/dev/null || { rm -rf "$ctx/bundle"; cp -a "$staged" "$ctx/bundle"; }

# The store, filled by the bundle's own xstatic: what an image user links
# with needs no network and builds nothing.
store=$ctx/rootfs/xstatic
mkdir -p "$store" "$ctx/rootfs/tmp"
if [ -n "$preload" ]; then
  shopt -s nullglob
  for f in "$preload"/sysroot-*.tar*; do "$xs" -q --store "$store" sysroot import "$f" >/dev/null; done
  for f in "$preload"/runtimes*.tar*; do "$xs" -q --store "$store" runtimes import "$f" >/dev/null; done
  shopt -u nullglob
fi
# Any user may use and extend it (docker run -u UID): what was imported is
# read-only, the store's folders are writable by all with the sticky bit.
# The imports' lock files are root's: a user must be able to make its own.
rm -f "$store"/locks/*
mkdir -p "$store"/{sysroots,runtimes,locks,logs,src}
find "$store" -type d -exec chmod 0755 {} +
chmod -R a+rX,go-w "$store"
chmod 1777 "$store" "$store"/{sysroots,runtimes,locks,logs,src} "$ctx/rootfs/tmp"
find "$store/runtimes" -mindepth 1 -maxdepth 1 -type d -exec chmod 1777 {} +
chmod -R u+rwX,go+rX,go-w "$ctx/bundle"
cp "$root/Dockerfile.bundle" "$ctx/Dockerfile"
find "$ctx" -exec touch -h -d "@$epoch" {} +
if [ -n "$context" ]; then
  echo "$ctx"
  exit 0
fi

read -r -a engine <<<"${XSTATIC_IMAGE_ENGINE:-$(command -v podman >/dev/null && echo podman || echo docker)}"
[ -n "$tag" ] || tag=localhost/xstatic-bundle:$version
build=(build --network=none --build-arg BASE="$base" --build-arg VERSION="$version" -t "$tag")
[ "$no_cache" = 0 ] || build+=(--no-cache)
case ${engine[0]##*/} in
  podman) build+=(--timestamp "$epoch" --quiet) ;;
  *) build+=(--build-arg SOURCE_DATE_EPOCH="$epoch" --quiet) ;;
esac
"${engine[@]}" "${build[@]}" "$ctx" >/dev/null
"${engine[@]}" image inspect --format '{{.Id}}' "$tag"
"${engine[@]}" image inspect --format '{{.Size}}' "$tag"
