#!/usr/bin/env bash
# The bundle on an older and a newer Linux host (docs/bundle.md, issue 26):
# Debian bullseye (glibc 2.31) and trixie (glibc 2.41) roots made with
# mmdebstrap (variant minbase: no clang, no llvm, no apt state of ours),
# from the mirror apt's configuration names on this machine. In each root,
# with the bundle bind-mounted at /opt/xstatic and nothing on PATH but the
# root's own /usr/bin and /bin: `xstatic sysroot install linux/arm64`
# through the bundle's own fetcher (XSTATIC_FETCH=builtin), libc++ imported
# (`runtimes import`: building it needs cmake, ninja and python3), then
# `xstatic cc` and `xstatic c++` (mimalloc and xstatic's libc routines
# built there by the bundle's clang and llvm-ar) and `verify`; the arm64
# programs then run under qemu-aarch64-static outside, and each host's
# must equal the others' (the same sysroot, bookworm's, on every host).
#
#   scripts/bundle-hosts.sh [BUILD [RELEASE...]]
#
# BUILD: a build folder whose 'bundle' target is built (default build/);
# RELEASE: Debian releases to try (default: bullseye trixie). libc++ for
# linux/arm64 comes from the store $XSTATIC_LIBCXX_STORE (default
# BUILD/test-store). Roots are made once and kept in $XSTATIC_HOSTS_CACHE
# (default BUILD/bundle-hosts). Not a CTest suite: mmdebstrap takes minutes
# per root. Needs root, unshare, mmdebstrap, qemu-user-static.
set -euo pipefail
src=$(cd "$(dirname "$0")/.." && pwd)
build=$(cd "${1:-$src/build}" && pwd)
[ $# -eq 0 ] || shift
releases=("$@")
[ ${#releases[@]} -gt 0 ] || releases=(bullseye trixie)
cache=${XSTATIC_HOSTS_CACHE:-$build/bundle-hosts}
libcxx_store=${XSTATIC_LIBCXX_STORE:-$build/test-store}

die() { echo "bundle-hosts.sh: $*" >&2; exit 1; }
[ "$(id -u)" = 0 ] || die "needs root (chroot, mounts)"
for tool in mmdebstrap unshare qemu-aarch64-static apt-get; do
  command -v "$tool" >/dev/null || die "$tool is not installed"
done
[ -x "$build/bundle/bin/xstatic" ] || die "no $build/bundle/bin/xstatic: build the 'bundle' target first"
[ -d "$libcxx_store/runtimes/llvm-19-r2/arm64-musl" ] ||
  die "no libc++ for linux/arm64 in $libcxx_store: run 'xstatic runtimes build linux/arm64' there"

# The mirror, as apt's configuration names it (no address of ours).
targets=$(apt-get indextargets --format '$(REPO_URI) $(RELEASE)' | sort -u)
mirror=$(awk '$1 ~ /^http:\/\// && $2 !~ /-/ {print $1; exit}' <<<"$targets")
security=$(awk '$1 ~ /^http:\/\// && $2 ~ /-security$/ {print $1; exit}' <<<"$targets")
[ -n "$mirror" ] || die "apt's configuration names no http:// Debian mirror"
mirror=${mirror%/} security=${security%/}

work=$(mktemp -d "${TMPDIR:-/tmp}/xstatic-hosts.XXXXXX")
trap 'rm -rf "$work"' EXIT
"$src/scripts/bundle.sh" stage "$build" "$work/bundle"
mkdir -p "$work/libcxx-store/runtimes/llvm-19-r2"
cp -a "$libcxx_store/runtimes/llvm-19-r2/arm64-musl" "$work/libcxx-store/runtimes/llvm-19-r2/"
"$build/src/xstatic" -q --store "$work/libcxx-store" runtimes export linux/arm64 -o "$work/libcxx.tar.zst" >/dev/null

make_root() { # release -> the root's path (made once into the cache)
  local rel=$1 dir=$cache/$1 tmp start
  if [ ! -x "$dir/bin/sh" ]; then
    mkdir -p "$cache"
    tmp=$cache/.tmp-$rel-$$
    rm -rf "$tmp"
    start=$SECONDS
    nice mmdebstrap --quiet --variant=minbase "$rel" "$tmp" "$mirror" >&2 || { rm -rf "$tmp"; die "mmdebstrap $rel failed"; }
    mv -T "$tmp" "$dir"
    echo "$rel: root made by mmdebstrap in $((SECONDS - start)) s, $(du -sm "$dir" | cut -f1) MB" >&2
  fi
  mkdir -p "$dir/opt/xstatic" "$dir/work"
  echo "$dir"
}

# The steps run in the root, with the root's own shell.
cat >"$work/steps.sh" <<'STEPS'
set -eu
cd /work
if command -v clang >/dev/null || command -v clang-19 >/dev/null || command -v ld.lld >/dev/null; then
  echo "this root has a clang or lld of its own" >&2; exit 1
fi
# t COMMAND...: runs it, then says how long it took (the root's sh may be dash).
t() {
  s=$(date +%s.%N)
  "$@"
  shift
  echo "  $(date +%s.%N) $s $*" | awk '{ t = $1 - $2; $1 = ""; $2 = ""; printf "%.1f s:%s\n", t, substr($0, 1, 90) }' >&2
}
X=/opt/xstatic/bin/xstatic
printf '#include <stdio.h>\n#include <stdlib.h>\nint main(void){char *p = malloc(32); if (!p) return 1;\nsnprintf(p, 32, "hello from the bundle"); puts(p); free(p); return 0;}\n' >hello.c
printf '#include <iostream>\n#include <map>\n#include <string>\nint main(){std::map<std::string,int> m{{"libc++",19}}; std::cout << "libc++ " << m["libc++"] << "\\n";}\n' >hello.cpp
t $X -q sysroot install linux/arm64 >/dev/null
t $X -q runtimes import libcxx.tar.zst >/dev/null
t $X cc --target linux/arm64 hello.c -o hello
t $X c++ --target linux/arm64 hello.cpp -o hello_cpp
t $X verify hello hello_cpp --target linux/arm64 --static
STEPS

status=0
for rel in "${releases[@]}"; do
  dir=$(make_root "$rel")
  out=$work/$rel
  mkdir -p "$out"
  cp "$work/libcxx.tar.zst" "$work/steps.sh" "$out/"
  echo "$rel: $(sed -n 's/^PRETTY_NAME="\(.*\)"/\1/p' "$dir/etc/os-release"), $(chroot "$dir" /usr/bin/ldd --version 2>/dev/null | head -1)"
  start=$SECONDS
  env_args=(PATH=/usr/bin:/bin HOME=/tmp XSTATIC_HOME=/work/store XSTATIC_FETCH=builtin XSTATIC_MIRROR="$mirror")
  [ -z "$security" ] || env_args+=(XSTATIC_SECURITY_MIRROR="$security")
  # bundle root out env...: the mounts live in this namespace only.
  if unshare -m --propagation private bash -c '
      set -euo pipefail
      bundle=$1 root=$2 out=$3
      shift 3
      mount --bind "$bundle" "$root/opt/xstatic"
      mount --bind "$out" "$root/work"
      mount -t proc proc "$root/proc"
      mount --rbind /dev "$root/dev"
      if [ -e /etc/resolv.conf ]; then touch "$root/etc/resolv.conf"; mount --bind /etc/resolv.conf "$root/etc/resolv.conf"; fi
      chroot "$root" env -i "$@" sh /work/steps.sh' bash "$work/bundle" "$dir" "$out" "${env_args[@]}"; then
    got=$(qemu-aarch64-static "$out/hello") && got2=$(qemu-aarch64-static "$out/hello_cpp") || got="did not run"
    if [ "$got" = "hello from the bundle" ] && [ "$got2" = "libc++ 19" ]; then
      echo "$rel: ok in $((SECONDS - start)) s: sysroot fetched, C and C++ linked, verified, run under qemu ($(sha256sum <"$out/hello" | cut -c1-16))"
    else
      echo "$rel: FAILED: the arm64 programs printed '$got' / '${got2:-}'"; status=1
    fi
  else
    echo "$rel: FAILED in the root"; status=1
  fi
done
# The same bytes on every host.
sums=$(for rel in "${releases[@]}"; do [ -e "$work/$rel/hello" ] && sha256sum <"$work/$rel/hello"; done | sort -u | wc -l)
[ "$sums" -le 1 ] || { echo "the hellos differ between hosts"; status=1; }
exit $status
