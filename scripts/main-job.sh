#!/usr/bin/env bash
# The main job that scripts/setup.sh runs after building xstatic: each step is
# one command, appended in pipeline order (provision, build, verify, run).
# XSTATIC is the xstatic binary (setup.sh sets it).
set -euo pipefail
: "${XSTATIC:?set XSTATIC to the xstatic binary}"
say() { printf '\n==> %s\n' "$*"; }

say "provisioning sysroots for linux/amd64 and linux/arm64"
"$XSTATIC" sysroot install linux/amd64 linux/arm64

# The driver: examples/hello built static for each target, checked by the
# inspector, and run (arm64 under qemu-user, no binfmt needed).
root=$(cd "$(dirname "$0")/.." && pwd)
out=${XSTATIC_BUILD_DIR:-$root/build}/main-job
mkdir -p "$out"
for target in linux/amd64 linux/arm64; do
  bin="$out/hello-${target//\//-}"
  say "building examples/hello for $target"
  "$XSTATIC" cc --target "$target" -O2 "$root/examples/hello/hello.c" -o "$bin"
  say "verifying $bin is a static $target executable"
  "$XSTATIC" verify "$bin" --static --target "$target"
  say "running $bin (xstatic run: natively, or under the target's qemu-user)"
  got=$("$XSTATIC" run -- "$bin")
  [ "$got" = "hello from xstatic" ] || { echo "main job: $bin printed '$got'" >&2; exit 1; }
  echo "$got ($(stat -c %s "$bin") bytes)"
done
