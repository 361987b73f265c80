#!/usr/bin/env bash
# The run-time speed of what xstatic builds (not of xstatic itself): each
# workload in bench/programs/ built five ways from the same source with -O2,
#
#   musl           xstatic --malloc=musl --libc-routines=musl   (all musl's own)
#   musl+mimalloc  xstatic --libc-routines=musl   (mimalloc, built by xstatic)
#   musl+xstatic   xstatic (the default: mimalloc, and xstatic's strlen and
#                  qsort: docs/libc.md)
#   glibc-static   xstatic --libc glibc
#   glibc-dynamic  the host's clang-19, dynamic (the usual build; the baseline)
#
# then timed with hyperfine (median of RUNS runs after a warm-up), at 1, 2
# and 4 threads where the workload takes a thread count. Prints markdown
# tables: median seconds and the ratio to glibc-dynamic, peak RSS (one run
# under /usr/bin/time), and the stripped size of each binary. The C++ workload links libc++ on musl and
# libstdc++ on glibc (each target's own C++ library).
#
#   bench/runtime.sh                   # linux/amd64, the host
#   RUNS=10 THREADS="1 2 4 8" bench/runtime.sh
#   GAPS=0 bench/runtime.sh            # skip the libc routines (memcpy, strlen, qsort, printf, handoff)
#   ONLY=prodcons bench/runtime.sh     # the workloads whose name matches (grep -E)
#   TARGET=linux/arm64 ONLY='libc_(strlen|qsort)' bench/runtime.sh
#                                      # arm64 under qemu-aarch64-static: no
#                                      # glibc-dynamic; ratios to glibc-static
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
XSTATIC=$(realpath "${XSTATIC:-build/src/xstatic}")
RUNS=${RUNS:-5}
THREADS=${THREADS:-1 2 4}
GAPS=${GAPS:-1}
TARGET=${TARGET:-linux/amd64}
runner=()
[ "$TARGET" = linux/amd64 ] || runner=("$("$XSTATIC" targets --json | python3 -c '
import json, sys
print([r for r in json.load(sys.stdin) if r["name"] == sys.argv[1] and r["libc"] == "musl"][0]["qemu"])' "$TARGET")")
command -v hyperfine >/dev/null || { echo "bench/runtime.sh needs hyperfine (apt-get install hyperfine)"; exit 1; }
work=$(mktemp -d "${TMPDIR:-/tmp}/xstatic-bench-runtime.XXXXXX")
trap 'rm -rf "$work"' EXIT
cd "$work"

"$XSTATIC" -q sysroot install "$TARGET" >/dev/null
"$XSTATIC" -q sysroot install "$TARGET" --libc glibc >/dev/null
"$XSTATIC" -q runtimes build "$TARGET" >/dev/null

builds="musl musl+mimalloc musl+xstatic glibc-static glibc-dynamic"
base=glibc-dynamic
if [ "$TARGET" != linux/amd64 ]; then builds="musl musl+mimalloc musl+xstatic glibc-static"; base=glibc-static; fi
build() { # name source build
  local name=$1 src=$2 how=$3 drv=cc host=clang-19
  case $src in *.cpp) drv=c++ host=clang++-19 ;; esac
  local out=$name.$how flags=(-O2 -pthread) t=(--target "$TARGET")
  case $how in
    musl) "$XSTATIC" $drv "${t[@]}" --malloc=musl --libc-routines=musl "${flags[@]}" "$src" -o "$out" ;;
    musl+mimalloc) "$XSTATIC" $drv "${t[@]}" --libc-routines=musl "${flags[@]}" "$src" -o "$out" ;;
    musl+xstatic) "$XSTATIC" $drv "${t[@]}" "${flags[@]}" "$src" -o "$out" ;;
    glibc-static) "$XSTATIC" $drv "${t[@]}" --libc glibc "${flags[@]}" "$src" -o "$out" 2>/dev/null ;;
    glibc-dynamic) $host "${flags[@]}" "$src" -o "$out" && strip "$out" ;;
  esac
}

# name source "arguments..." (one run per argument list)
workloads=()
add() { workloads+=("$1|$2|$3"); }
threads_args=""
for t in $THREADS; do threads_args+="$t,"; done
add alloc_threads "$root/bench/programs/alloc_threads.cpp" "${threads_args%,}"
add prodcons "$root/bench/programs/prodcons.c" "${threads_args%,}"
add alloc_single "$root/bench/programs/alloc_single.c" "-"
if [ "$GAPS" = 1 ]; then
  for mode in memcpy strlen memchr strchr memcmp qsort printf handoff; do add "libc_$mode" "$root/bench/programs/libc_gaps.c" "$mode"; done
fi

results=$work/results.tsv
: >"$results"
for w in "${workloads[@]}"; do
  IFS='|' read -r name src args <<<"$w"
  if [ -n "${ONLY:-}" ] && ! grep -qE "$ONLY" <<<"$name"; then continue; fi
  bin=${name%%_*}
  [ "$name" = "${name#libc_}" ] && bin=$name || bin=libc_gaps
  for how in $builds; do [ -x "$bin.$how" ] || build "$bin" "$src" "$how"; done
  IFS=',' read -ra arglist <<<"$args"
  for a in "${arglist[@]}"; do
    arg=$a
    [ "$a" = - ] && arg=""
    for how in $builds; do
      echo "== $name $a $how" >&2
      hyperfine -N --warmup 1 --runs "$RUNS" --export-json "$work/h.json" "${runner[*]:+${runner[*]} }./$bin.$how $arg" >/dev/null 2>&1
      # wall-clock median, and the mean CPU time (user + system): on a loaded
      # machine the second is the one that still says what the code costs
      read -r median cpu < <(python3 -c 'import json,sys; r = json.load(open(sys.argv[1]))["results"][0]; print(r["median"], r["user"] + r["system"])' "$work/h.json")
      rss=$( { /usr/bin/time -f %M "${runner[@]}" "./$bin.$how" $arg >/dev/null; } 2>&1 | tail -1)  # peak RSS, KB
      printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$name" "$a" "$how" "$median" "$(stat -c %s "$bin.$how")" "$rss" "$cpu" >>"$results"
    done
  done
done

python3 - "$results" "$RUNS" "$builds" "$base" "$TARGET" <<'PY'
import sys, collections
rows = [l.rstrip("\n").split("\t") for l in open(sys.argv[1]) if l.strip()]
builds, base_build, target = sys.argv[3].split(), sys.argv[4], sys.argv[5]
table = collections.OrderedDict()
for name, arg, how, median, size, rss, cpu in rows:
    table.setdefault((name, arg), {})[how] = (float(median), int(size), int(rss), float(cpu))
print(f"median of {sys.argv[2]} runs, seconds (ratio to {base_build}); {target}, -O2\n")
print("| workload | threads | " + " | ".join(builds) + " |")
print("|---|---|" + "---|" * len(builds))
for (name, arg), by in table.items():
    base = by[base_build][0]
    cells = [f"{by[b][0]:.3f} ({by[b][0] / base:.2f}x)" for b in builds]
    print(f"| {name} | {'' if arg in ('-',) or name.startswith('libc_') else arg} | " + " | ".join(cells) + " |")
print(f"\nCPU seconds (user + system, mean of {sys.argv[2]} runs; ratio to {base_build})\n")
print("| workload | threads | " + " | ".join(builds) + " |")
print("|---|---|" + "---|" * len(builds))
for (name, arg), by in table.items():
    base = by[base_build][3]
    cells = [f"{by[b][3]:.3f} ({by[b][3] / base:.2f}x)" for b in builds]
    print(f"| {name} | {'' if arg in ('-',) or name.startswith('libc_') else arg} | " + " | ".join(cells) + " |")
print("\npeak RSS, MB (one run)\n")
print("| workload | threads | " + " | ".join(builds) + " |")
print("|---|---|" + "---|" * len(builds))
for (name, arg), by in table.items():
    if name.startswith("libc_"): continue
    print(f"| {name} | {'' if arg == '-' else arg} | " + " | ".join(f"{by[b][2] / 1024:.1f}" for b in builds) + " |")
print("\nstripped size, bytes\n")
print("| program | " + " | ".join(builds) + " |")
print("|---|" + "---|" * len(builds))
seen = set()
for (name, arg), by in table.items():
    prog = "libc_gaps" if name.startswith("libc_") else name
    if prog in seen: continue
    seen.add(prog)
    print(f"| {prog} | " + " | ".join(f"{by[b][1]:,}" for b in builds) + " |")
PY
