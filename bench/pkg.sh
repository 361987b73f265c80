#!/usr/bin/env bash
# Benchmark of `xstatic pkg` (issue 22): the cold build time of each package
# for a target, in a fresh store that borrows only the sysroot and the
# downloaded Debian sources (so the time is extraction + patches + build);
# the time to import all of them into another fresh store from a `pkg
# export` archive (goal: under 5 s); and the stripped size of the static
# HTTPS client (libcurl + OpenSSL + nghttp2 + zlib).
#
#   bench/pkg.sh [TARGET [PACKAGE...]]      default: linux/arm64, every recipe
#
# XSTATIC (default build/src/xstatic) and XSTATIC_HOME (default
# build/test-store) holding the target's sysroot and, to leave the network
# out, the sources under src/pkg (any earlier `pkg install` leaves them).
# Prints a Markdown table; the machine's load goes with it (builds share the
# 2 cores: user+sys is the CPU the build itself needed).
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
xs=${XSTATIC:-$root/build/src/xstatic}
home=${XSTATIC_HOME:-$root/build/test-store}
target=${1:-linux/arm64}
shift || true
mapfile -t names < <(if [ $# -gt 0 ]; then printf '%s\n' "$@"; else
  "$xs" pkg recipes --json | python3 -c 'import json, sys; [print(r["name"]) for r in json.load(sys.stdin)]'; fi)

fresh=$(mktemp -d "${TMPDIR:-/tmp}/xstatic-bench.XXXXXX")
trap 'rm -rf "$fresh"' EXIT
"$xs" -q sysroot export "$target" -o "$fresh/sysroot.tar.zst"
"$xs" -q --store "$fresh/a" sysroot import "$fresh/sysroot.tar.zst" >/dev/null
if [ -d "$home/src/pkg" ]; then mkdir -p "$fresh/a/src" && cp -r "$home/src/pkg" "$fresh/a/src/"; fi

echo "# xstatic pkg, $target, $(date -u +%F), load $(cut -d' ' -f1-3 /proc/loadavg), $(nproc) cores"
echo
echo "| package | Debian version | cold build (wall) | CPU (user+sys) |"
echo "|---|---|---|---|"
# Dependencies first, each timed alone (the order `pkg install` builds in).
mapfile -t order < <("$xs" pkg recipes --json | python3 -c '
import json, sys
rs = {r["name"]: r for r in json.load(sys.stdin)}
out = []
def visit(n):
    for d in rs[n]["requires"]: visit(d)
    if n not in out: out.append(n)
for n in sys.argv[1:]: visit(n)
print("\n".join(out))' "${names[@]}")
for n in "${order[@]}"; do
  /usr/bin/time -f "%e %U %S" -o "$fresh/time" "$xs" -q --store "$fresh/a" pkg install "$target" "$n" >/dev/null
  read -r wall user sys <"$fresh/time"
  version=$("$xs" --store "$fresh/a" pkg list "$target" --json | python3 -c '
import json, sys
print([p["version"] for p in json.load(sys.stdin) if p["name"] == sys.argv[1]][0])' "$n")
  printf '| %s | %s | %.0f s | %.0f s |\n' "$n" "$version" "$wall" "$(awk -v u="$user" -v s="$sys" 'BEGIN { print u + s }')"
done

"$xs" -q --store "$fresh/a" pkg export "$target" -o "$fresh/pkgs.tar.zst"
"$xs" -q --store "$fresh/b" sysroot import "$fresh/sysroot.tar.zst" >/dev/null
/usr/bin/time -f "%e" -o "$fresh/time" "$xs" -q --store "$fresh/b" pkg import "$fresh/pkgs.tar.zst" >/dev/null
echo
echo "import of all ${#order[@]} packages from a pkg export archive ($(stat -c %s "$fresh/pkgs.tar.zst") bytes): $(cat "$fresh/time") s"
if printf '%s\n' "${order[@]}" | grep -qx curl; then
  XSTATIC_HOME=$fresh/b "$xs" cc --target "$target" -O2 "$root/tests/integration/programs/pkg/https_get.c" \
    -lcurl -o "$fresh/https_get"
  echo "static HTTPS client (https_get.c: libcurl, OpenSSL, nghttp2, zlib), stripped: $(stat -c %s "$fresh/https_get") bytes"
fi
