#!/usr/bin/env bash
# Time to provision a sysroot for a new target, from local .deb files
# (goal: under 5 s per target) and from the host's apt (index update and
# download included: a fresh store each run).
#
#   bench/sysroot.sh                       # linux/arm64 and linux/s390x, musl and glibc
#   TARGETS="linux/arm/v7" RUNS=3 bench/sysroot.sh
#   XSTATIC=build/src/xstatic APT=0 bench/sysroot.sh   # local .debs only
set -euo pipefail
cd "$(dirname "$0")/.."
XSTATIC=${XSTATIC:-build/src/xstatic}
TARGETS=${TARGETS:-"linux/arm64 linux/s390x"}
RUNS=${RUNS:-5}
APT=${APT:-1}
work=$(mktemp -d "${TMPDIR:-/tmp}/xstatic-bench.XXXXXX")
trap 'rm -rf "$work"' EXIT

debian_arch() {
  "$XSTATIC" targets --json | python3 -c "import json,sys; print(next(r['debian_arch'] for r in json.load(sys.stdin) if r['name']=='$1'))"
}

timeit() { # name command...
  if command -v hyperfine >/dev/null; then
    hyperfine --style basic --runs "$RUNS" --prepare "rm -rf $work/store" -n "$1" "${*:2}"
  else
    for _ in $(seq "$RUNS"); do rm -rf "$work/store"; /usr/bin/time -f "$1: %e s" "${@:2}" >/dev/null; done
  fi
}

for target in $TARGETS; do
  arch=$(debian_arch "$target")
  for libc in musl glibc; do
    # A seed store holds the .deb files, as a folder given to --debs would.
    "$XSTATIC" -q --store "$work/seed" sysroot install "$target" --libc "$libc" >/dev/null
    timeit "$target $libc from local .debs" \
      "$XSTATIC" -q --store "$work/store" sysroot install "$target" --libc "$libc" --debs "$work/seed/apt/$arch/debs"
    if [ "$APT" = 1 ]; then
      timeit "$target $libc from apt (fresh store)" \
        "$XSTATIC" -q --store "$work/store" sysroot install "$target" --libc "$libc"
    fi
  done
done
