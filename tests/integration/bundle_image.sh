#!/usr/bin/env bash
# The container image of the bundle (Dockerfile.bundle, scripts/bundle-image.sh,
# docs/bundle.md "The image"), built for real with podman from the bundle
# the fixture staged (bundle_build) and the test store's linux/amd64 and
# linux/arm64 sysroots and runtimes (exported, then imported by the bundle
# into the image's store). FROM scratch: no shell, no apt.
#   - in the image (--network=none): `xstatic --version`, `sysroot list`
#     (the preloaded store), cc of a hello for linux/amd64 and linux/arm64
#     and c++ (libc++) for linux/arm64 in a bind-mounted folder, `verify`;
#     nothing is built or fetched at run time;
#   - on the host: the amd64 programs run, the arm64 ones under qemu-aarch64;
#   - as uid 1000 with a named volume on the store (filled from the image):
#     a link, and a sysroot added to the store (linux/arm/v7 imported), then
#     linked for and run under qemu-arm;
#   - reproducible, and any base: the same bundle staged again (new files,
#     new mtimes) and the archives imported again, built on Debian
#     bullseye's root from the test store's cache (made by
#     driver_glibc_floor, which CTest runs first) imported as an image, give
#     the scratch image's two layers, and a shell there runs xstatic from
#     PATH; without that root, the scratch image again with no cache gives
#     the same image ID.
# Images, volumes and containers live in a podman storage of the suite's
# own; it removes them and checks that nothing is left (no intermediate
# image, container or mount).
#
# Cost in CI: about a minute (117-134 s wall here at load 8-12 on 2 cores;
# about 50 s of CPU in its own processes, most of it the two image builds'
# copies and digests of 270 MB, plus the compiles inside the containers).
# The from-source image (Dockerfile, 25-40 min) stays opt-in: docker_image.
. "$(dirname "$0")/lib/common.sh"
. "$SRC/tests/integration/lib/bundle.sh"
need podman
need runc
need qemu-aarch64-static
need qemu-arm-static
[ "$(id -u)" = 0 ] || skip "podman builds and runs images here as root"
# Podman as design.md found it works on these machines (runc: crun fails on
# cgroups and rlimits; cgroupfs; fixed rlimits; no network), with a storage
# of the suite's own under WORK (overlay, as the machine's default): nothing
# of the machine's images is touched, and nothing of the suite's outlives it.
pod_cmd="podman --runtime runc --cgroup-manager cgroupfs --root $WORK/containers --runroot $WORK/run --storage-driver overlay"
pod() { $pod_cmd "$@"; }
run_opts=(--rm --network=none --ulimit nofile=4096:4096 --ulimit nproc=4096:4096)
# Clean-up after the verdict, on every way out: the suite's own checks that
# nothing is left run at its end (images, containers, mounts), so a removal
# that fails here is not a second verdict, only a leftover of a failed run.
cleanup_podman() {
  timeout 60 podman --runtime runc --root "$WORK/containers" --runroot "$WORK/run" --storage-driver overlay \
    rmi -a -f >/dev/null 2>&1 || true
  timeout 60 podman --runtime runc --root "$WORK/containers" --runroot "$WORK/run" --storage-driver overlay \
    volume rm -a -f >/dev/null 2>&1 || true
}
trap 'cleanup_podman; stop_suite_sccache; rm -rf "$WORK"' EXIT
probe=$(pod info --format '{{.Store.GraphDriverName}}' 2>&1) ||
  skip "podman cannot run here: $(tail -1 <<<"$probe")"
# A container of one static program, run as the suite's will be: where
# the runner forbids it (nested containers without overlay, rlimits,
# namespaces), the suite says so here, before any work.
need_sysroot linux/amd64
mkdir probe-root
printf 'int main(void){return 0;}\n' >probe.c
"$XSTATIC" cc --target linux/amd64 probe.c -o probe-root/probe || fail "the normal xstatic could not link for linux/amd64"
tar -C probe-root -cf - . | pod import --quiet - localhost/xstatic-test-probe >/dev/null ||
  skip "podman cannot import an image here"
out=$(pod run "${run_opts[@]}" localhost/xstatic-test-probe /probe 2>&1) ||
  skip "podman cannot run a container here: $(tail -1 <<<"$out")"
pod rmi localhost/xstatic-test-probe >/dev/null
echo "podman $(pod --version | awk '{print $3}'), storage driver $probe (the suite's own storage), runs containers"
need_staged_bundle
tag=localhost/xstatic-test-bundle
vol=xstatic-test-store

# The archives a CI cache would carry, from the test store: the sysroots,
# and the runtimes a C link (mimalloc, the libc routines: one warm link
# each) and an arm64 C++ link (libc++, which bundle_chroot needs too) take.
for t in linux/amd64 linux/arm64 linux/arm/v7; do need_sysroot "$t"; done
printf 'int main(void){return 0;}\n' >warm.c
for t in linux/amd64 linux/arm64; do
  "$XSTATIC" cc --target "$t" warm.c -o warm || fail "the normal xstatic could not link for $t"
done
"$XSTATIC" -q runtimes build linux/arm64 >/dev/null || fail "libc++ for linux/arm64 did not build"
mkdir preload extra
"$XSTATIC" -q sysroot export linux/amd64 -o preload/sysroot-amd64.tar
"$XSTATIC" -q sysroot export linux/arm64 -o preload/sysroot-arm64.tar
"$XSTATIC" -q runtimes export linux/amd64 linux/arm64 -o preload/runtimes.tar >/dev/null
"$XSTATIC" -q sysroot export linux/arm/v7 -o extra/sysroot-armv7.tar

export XSTATIC_IMAGE_ENGINE=$pod_cmd
build_image() { # staged-copy tag [options...]: prints the image ID
  local staged=$1 t=$2 out
  shift 2
  out=$("$SRC/scripts/bundle-image.sh" "$staged" --preload "$WORK/preload" -t "$t" "$@") ||
    fail "scripts/bundle-image.sh $* failed"
  head -1 <<<"$out"
}
start=$SECONDS
copy_staged_bundle "$WORK/staged-1"
id=$(build_image "$WORK/staged-1" "$tag:scratch")
build_s=$((SECONDS - start))
size=$(pod image inspect --format '{{.Size}}' "$tag:scratch")
layers=$(pod image inspect --format '{{len .RootFS.Layers}}' "$tag:scratch")
[ "$layers" = 2 ] || fail "the scratch image has $layers layers, expected 2 (the bundle, the store)"
echo "ok: image from the bundle built FROM scratch in ${build_s} s: $((size / 1000000)) MB, 2 layers"

cat >hello.c <<'C'
#include <stdio.h>
int main(void) { puts("hello from the image"); return 0; }
C
cat >hello.cpp <<'CPP'
#include <iostream>
#include <stdexcept>
int main() {
  try { throw std::runtime_error("caught"); } catch (const std::exception& e) { std::cout << e.what() << " in the image\n"; }
}
CPP
mkdir src && cp hello.c hello.cpp src/ && chmod 777 src
in_image() { pod run "${run_opts[@]}" -v "$WORK/src:/src" "$@"; }

out=$(in_image "$tag:scratch" xstatic --version)
[ "$out" = "$("$BUNDLE_STAGED/bin/xstatic" --version)" ] || fail "xstatic --version in the image: $out"
list=$(in_image "$tag:scratch" xstatic sysroot list)
for s in amd64-musl arm64-musl; do expect_contains "$list" "/xstatic/sysroots/$s"; done
for t in amd64 arm64; do
  in_image "$tag:scratch" xstatic cc --target "linux/$t" -O2 hello.c -o "hello-$t" ||
    fail "xstatic cc --target linux/$t in the image failed"
done
in_image "$tag:scratch" xstatic c++ --target linux/arm64 -O2 hello.cpp -o hello-cxx-arm64 ||
  fail "xstatic c++ --target linux/arm64 in the image failed"
in_image "$tag:scratch" xstatic verify --static hello-amd64 hello-arm64 hello-cxx-arm64 >verify.out 2>&1 ||
  fail "verify in the image failed: $(cat verify.out)"
for t in amd64 arm64; do expect_contains "$(cat verify.out)" "hello-$t: ok (linux/$t, static"; done
[ "$(src/hello-amd64)" = "hello from the image" ] || fail "hello-amd64 printed the wrong thing"
[ "$(qemu-aarch64-static src/hello-arm64)" = "hello from the image" ] || fail "hello-arm64 printed the wrong thing"
[ "$(qemu-aarch64-static src/hello-cxx-arm64)" = "caught in the image" ] || fail "hello-cxx-arm64 printed the wrong thing"
"$XSTATIC" verify src/hello-cxx-arm64 --static --target linux/arm64 >/dev/null || fail "hello-cxx-arm64 is not static arm64"
# The same program from the normal xstatic (Debian's clang-19): the same bytes.
"$XSTATIC" cc --target linux/arm64 -O2 hello.c -o hello-arm64.debian
cmp src/hello-arm64 hello-arm64.debian || fail "hello-arm64 made in the image differs from Debian clang-19's"
echo "ok: in the scratch image xstatic linked C for linux/amd64 and linux/arm64 and C++ for linux/arm64, verified; they run on the host (arm64 under qemu), the arm64 hello equal to Debian clang-19's"

# A user that is not root, the store on a named volume (filled from the
# image): links with what is there and adds a sysroot of its own.
cp extra/sysroot-armv7.tar src/ && chmod 644 src/sysroot-armv7.tar
pod volume create "$vol" >/dev/null
as_user() { in_image --user 1000:1000 -v "$vol:/xstatic" "$tag:scratch" xstatic "$@"; }
as_user cc --target linux/arm64 -O2 hello.c -o hello-user || fail "uid 1000 could not link with the image's store"
cmp src/hello-user src/hello-arm64 || fail "uid 1000's hello differs from root's"
# Nothing was built or fetched for a preloaded target: no sources, no build logs.
vol_dir=$(pod volume inspect --format '{{.Mountpoint}}' "$vol")
[ -z "$(find "$vol_dir/src" "$vol_dir/logs" -mindepth 1 -print -quit)" ] ||
  fail "something was built or fetched at run time: $(ls "$vol_dir/src" "$vol_dir/logs")"
# A new target: its sysroot imported into the volume by that user, then a
# link for it with musl's malloc (mimalloc would fetch its source, and the
# container has no network).
as_user -q sysroot import sysroot-armv7.tar >/dev/null || fail "uid 1000 could not add a sysroot to the store volume"
as_user cc --target linux/arm/v7 --malloc=musl hello.c -o hello-armv7 || fail "uid 1000 could not link for the sysroot it added"
[ "$(qemu-arm-static src/hello-armv7)" = "hello from the image" ] || fail "hello-armv7 printed the wrong thing"
[ "$(stat -c %u src/hello-armv7)" = 1000 ] || fail "hello-armv7 is not owned by uid 1000"
[ "$(stat -c %u "$vol_dir/sysroots/armhf-musl")" = 1000 ] || fail "the added sysroot is not uid 1000's"
echo "ok: uid 1000 with the store on a volume linked with what the image holds (nothing built), added linux/arm/v7 and linked for it"

# Reproducible: a second staging (new files, new mtimes) and a second import
# of the same archives give the same layers. With a base at hand (a Debian
# root: driver_glibc_floor's bullseye, cached in the test store, imported as
# an image) that build is also the "any base" check: its two layers must be
# the scratch image's, and a shell there finds xstatic on PATH. Without one,
# the scratch image is built again with no cache and must have the same ID.
copy_staged_bundle "$WORK/staged-2"
# The executable a file of its own (not a hard link to the fixture's
# staging, which other suites read), with this moment's mtime.
cp --remove-destination "$BUNDLE_STAGED/bin/xstatic" "$WORK/staged-2/bin/xstatic"
layers_of() { pod image inspect --format '{{range .RootFS.Layers}}{{println .}}{{end}}' "$1" | grep . | tail -2; }
base_root=$XSTATIC_HOME/test-cache/bullseye-amd64
if [ -x "$base_root/bin/sh" ]; then
  tar -C "$base_root" -cf - . | pod import --quiet - "$tag-base:bullseye" >/dev/null
  build_image "$WORK/staged-2" "$tag:debian" --base "$tag-base:bullseye" >/dev/null
  [ "$(layers_of "$tag:debian")" = "$(layers_of "$tag:scratch")" ] ||
    fail "the same bundle and archives on a Debian base gave other layers: $(layers_of "$tag:debian") vs $(layers_of "$tag:scratch")"
  echo "ok: built again from a new staging and import, on a Debian base: the same two layers"
  out=$(in_image "$tag:debian" sh -c 'command -v xstatic && xstatic cc --target linux/amd64 hello.c -o hello-base && ./hello-base')
  expect_contains "$out" /opt/xstatic/bin/xstatic
  expect_contains "$out" "hello from the image"
  echo "ok: on a Debian base (bullseye's root imported) a shell runs xstatic from PATH and its program"
else
  echo "note: no Debian root in the test store ($base_root, made by driver_glibc_floor): the --base form is not built in this run"
  again=$(build_image "$WORK/staged-2" "$tag:again" --no-cache)
  [ "$again" = "$id" ] || fail "the same bundle and archives gave another image: $again, then $id"
  echo "ok: built again with no cache from a new staging and import: the same image ID ${id:0:12}"
fi

for i in "$tag:scratch" "$tag:again" "$tag:debian" "$tag-base:bullseye"; do
  if pod image exists "$i"; then pod rmi -f "$i" >/dev/null || fail "podman rmi $i failed"; fi
done
pod volume rm -f "$vol" >/dev/null || fail "podman volume rm $vol failed"
left=$(pod images -a --format '{{.ID}}')
[ -z "$left" ] || fail "images left after removing the suite's tags: $left"
[ -z "$(pod ps -a --format '{{.ID}}')" ] || fail "a container of the suite is left: $(pod ps -a)"
! grep -q " $WORK/" /proc/mounts || fail "a mount under $WORK is left: $(grep " $WORK/" /proc/mounts)"
echo "ok: the suite's images, intermediate images, volume and containers are removed"
