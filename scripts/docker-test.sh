#!/usr/bin/env bash
# Builds the Dockerfile for real and runs README's main job in the image as a
# non-root user: examples/hello built for linux/amd64 and linux/arm64,
# verified static, run (arm64 under qemu-user), plus a C++ program on the
# image's prebuilt runtimes. Prints the image's size and the build's time.
#
#   scripts/docker-test.sh                  # the full build: sysroots and runtimes built in the image
#   scripts/docker-test.sh --preload STORE  # sysroots and runtimes exported from STORE and imported
#                                           # in the image (what a CI cache does; no libc++ build)
#   --keep                                  # keep the image (localhost/xstatic:test)
#
# No image registry is needed: the base image is made from Debian's archive
# with the host's own apt sources (mmdebstrap), once, and kept as
# localhost/xstatic-base/bookworm:minbase. Podman runs as root, with runc and
# cgroupfs (crun fails on cgroups and rlimits on some hosts). Needs: podman,
# runc, mmdebstrap (scripts/setup.sh installs them). Exits 77 when it cannot
# run here (not root, or a tool missing), for CTest.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
preload="" keep=0
while [ $# -gt 0 ]; do
  case $1 in
    --preload) preload=$2; shift 2 ;;
    --keep) keep=1; shift ;;
    *) echo "usage: $0 [--preload STORE] [--keep]" >&2; exit 2 ;;
  esac
done
say() { printf '\n==> %s\n' "$*"; }
for tool in podman runc mmdebstrap; do
  command -v "$tool" >/dev/null || { echo "SKIP: $tool is not installed (sudo apt-get install podman runc mmdebstrap)"; exit 77; }
done
[ "$(id -u)" = 0 ] || { echo "SKIP: podman builds here as root (run with sudo)"; exit 77; }

base=${XSTATIC_DOCKER_BASE:-localhost/xstatic-base/bookworm:minbase}
image=localhost/xstatic:test
run_opts=(--ulimit nofile=4096:4096 --ulimit nproc=4096:4096 --network host)
pod() { podman --runtime runc --cgroup-manager cgroupfs "$@"; }
work=$(mktemp -d "${TMPDIR:-/tmp}/xstatic-docker.XXXXXX")
cleanup() {
  rm -rf "$work"
  if [ "$keep" = 0 ]; then pod rmi -f "$image" >/dev/null 2>&1 || true; fi
}
trap cleanup EXIT

# The base image: Debian's minbase made from the host's apt sources (the
# archive the host already reaches), so apt in the build reaches it too.
if ! pod image exists "$base"; then
  say "making the base image $base from Debian's archive (mmdebstrap, a few minutes, once)"
  sources=$(ls /etc/apt/sources.list.d/*.sources 2>/dev/null || true)
  [ -n "$sources" ] || sources=$(ls /etc/apt/sources.list /etc/apt/sources.list.d/*.list 2>/dev/null || true)
  # shellcheck disable=SC2086 # a list of files
  cat $sources | nice -n 10 mmdebstrap --quiet --variant=minbase bookworm "$work/base.tar" -
  pod import --quiet "$work/base.tar" "$base" >/dev/null
  rm -f "$work/base.tar"
fi

# The build context: the source tree as git sees it (tracked and new files,
# nothing ignored), plus .preload/ when asked.
ctx=$work/ctx
mkdir -p "$ctx"
(cd "$root" && git ls-files -z --cached --others --exclude-standard | xargs -0 -I{} find {} -maxdepth 0 -type f -print0 |
  tar --null -T - -cf -) | tar -xf - -C "$ctx"
if [ -n "$preload" ]; then
  xs=${XSTATIC:-$root/build/src/xstatic}
  say "preloading sysroots and runtimes from $preload"
  mkdir -p "$ctx/.preload"
  for t in linux/amd64 linux/arm64; do
    "$xs" -q --store "$preload" sysroot export "$t" -o "$ctx/.preload/sysroot-${t#linux/}.tar.zst"
  done
  "$xs" -q --store "$preload" runtimes export linux/amd64 linux/arm64 -o "$ctx/.preload/runtimes.tar.zst"
  ls -l "$ctx/.preload"
fi

say "building the image (podman build, nice)"
start=$(date +%s)
nice -n 10 podman --runtime runc --cgroup-manager cgroupfs build "${run_opts[@]}" --build-arg BASE="$base" \
  --build-arg JOBS="$(nproc)" -t "$image" "$ctx"
build_s=$(( $(date +%s) - start ))
size=$(pod image inspect --format '{{.Size}}' "$image")

say "README's main job in the image, as a non-root user (uid 4242)"
pod run --rm "${run_opts[@]}" -u 4242:4242 -v "$root/examples:/examples:ro" "$image" bash -euc '
  cd "$(mktemp -d)"
  xstatic sysroot list
  for target in linux/amd64 linux/arm64; do
    bin=hello-${target#linux/}
    xstatic cc --target "$target" -O2 /examples/hello/hello.c -o "$bin"
    xstatic verify "$bin" --static --target "$target"
    got=$(xstatic run -- "./$bin")
    [ "$got" = "hello from xstatic" ] || { echo "$bin printed: $got" >&2; exit 1; }
    echo "$target: $got ($(stat -c %s "$bin") bytes)"
    printf "#include <iostream>\nint main() { std::cout << \"c++ ok\\\\n\"; }\n" >hello.cpp
    xstatic c++ --target "$target" -O2 hello.cpp -o "cxx-${target#linux/}"
    [ "$(xstatic run -- "./cxx-${target#linux/}")" = "c++ ok" ] || { echo "C++ on $target failed" >&2; exit 1; }
  done
  # Nothing was built at run time: no sources fetched, no build logs.
  built=$(find "$XSTATIC_HOME/src" "$XSTATIC_HOME/logs" -mindepth 1 -maxdepth 1)
  [ -z "$built" ] || { echo "a runtime was built at run time: $built" >&2; exit 1; }
  # The store takes a new target from a non-root user (folders sticky, writable by all).
  xstatic -q sysroot install linux/386 >/dev/null
  xstatic cc --target linux/386 /examples/hello/hello.c -o hello-386
  [ "$(xstatic run -- ./hello-386)" = "hello from xstatic" ]
  echo "linux/386: installed and built as uid $(id -u)"
  # The image keeps the emulator of every target in the table and no other.
  want=$(xstatic targets --json | grep -o "\"qemu-[a-z0-9_]*-static\"" | tr -d "\"" | sort -u)
  for q in $want; do command -v "$q" >/dev/null || { echo "$q is missing from the image" >&2; exit 1; }; done
  have=$(cd /usr/bin && ls qemu-*-static | sort)
  [ "$have" = "$want" ] || { echo "emulators in the image: $have; the table names: $want" >&2; exit 1; }
  echo "emulators: $(echo $have)"
'
echo
echo "docker-test: ok: image $image $((size / 1000000)) MB, built in ${build_s} s${preload:+ (preloaded from $preload)}"
