#!/usr/bin/env bash
# Compile caches on the generated project of the driver_ccache suite (60 C
# + 50 C++ files + main, linux/arm64, make -j$JOBS), wall time, median of
# $RUNS (hyperfine, the build folder deleted before each run):
#   cold          no cache
#   warm ccache   outer: CC="ccache aarch64-linux-musl-cc", compiler_check
#                 = xstatic cc --print-fingerprint (`xstatic env --launcher ccache`)
#   warm ccache   inner: XSTATIC_LAUNCHER=ccache
#   warm sccache  inner: XSTATIC_LAUNCHER=sccache (own server, stopped at the end)
# (goal: warm at most 0.2x cold). Then, per compile of one C file:
#   - the inner launcher's overhead: `aarch64-linux-musl-cc --launcher ccache -c`
#     against ccache on the clang command xstatic runs (--print-command),
#     on a cache hit (the worst case for it) and on a miss (goal: < 2%),
#     in wall time and in CPU time (user + system: what a loaded machine
#     does not blur);
#   - the hot path of the outer form: `--print-fingerprint` alone, and a
#     ccache hit with compiler_check=mtime against the fingerprint.
#
#   bench/cache.sh
#   RUNS=5 JOBS=4 XSTATIC=build/src/xstatic bench/cache.sh
#   ONLY=compile bench/cache.sh    # the per-compile part only
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
XSTATIC=$(realpath "${XSTATIC:-build/src/xstatic}")
RUNS=${RUNS:-3}
JOBS=${JOBS:-2}
for tool in hyperfine ccache sccache make python3; do
  command -v "$tool" >/dev/null || { echo "bench/cache.sh needs $tool (scripts/setup.sh installs it)"; exit 1; }
done
work=$(mktemp -d "${TMPDIR:-/tmp}/xstatic-bench-cache.XXXXXX")
server=
cleanup() {
  if [ -n "$server" ]; then sccache --stop-server >/dev/null 2>&1 || true; kill "$server" 2>/dev/null || true; fi
  rm -rf "$work"
}
trap cleanup EXIT
cd "$work"
fail() { echo "bench/cache.sh: $*" >&2; exit 1; }
. "$root/tests/integration/lib/cache.sh"

"$XSTATIC" -q sysroot install linux/arm64 >/dev/null
# The compiler names of this xstatic, in a folder of the bench's own (the
# store's bin/ follows whichever xstatic last ran `xstatic env`).
"$XSTATIC" -q install-links "$work/bin" linux/arm64 >/dev/null
export CC=$work/bin/aarch64-linux-musl-cc CXX=$work/bin/aarch64-linux-musl-c++
"$XSTATIC" c++ --target linux/arm64 -x c++ - -o probe <<<'#include <string>
int main() { return std::string("x").size() - 1; }' >/dev/null  # libc++ and mimalloc built once
gen_project proj
for v in $(compgen -v CCACHE_) $(compgen -v SCCACHE_); do unset "$v"; done
export CCACHE_DIR=$work/ccache CCACHE_CONFIGPATH=$work/ccache.conf
: >"$CCACHE_CONFIGPATH"
export SCCACHE_DIR=$work/sccache SCCACHE_CONF=$work/sccache.toml SCCACHE_IDLE_TIMEOUT=300
export SCCACHE_SERVER_PORT=$((20000 + $$ % 20000))
: >"$SCCACHE_CONF"
SCCACHE_NO_DAEMON=1 SCCACHE_START_SERVER=1 timeout 1800 sccache >sccache.log 2>&1 &  # the server, in the foreground
server=$!
for _ in $(seq 50); do sccache --show-stats >/dev/null 2>&1 && break; sleep 0.2; done

outer="CCACHE_COMPILERCHECK='%compiler% --print-fingerprint' CCACHE_COMPILERTYPE=clang"
echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg) ($(nproc) cores)"
if [ "${ONLY:-}" != compile ]; then
build="make -s -C proj -j$JOBS BUILD=$work/b"
cold="$build"
ccache_outer="env $outer $build 'CC=ccache $CC' 'CXX=ccache $CXX'"
ccache_inner="env XSTATIC_LAUNCHER=ccache $build"
sccache_inner="env XSTATIC_LAUNCHER=sccache $build"
for warm in "$ccache_outer" "$ccache_inner" "$sccache_inner"; do rm -rf b; sh -c "$warm"; done  # fill the caches
echo "project: $(project_files proj) files, linux/arm64, make -j$JOBS, median of $RUNS"
hyperfine --show-output --runs "$RUNS" --prepare "rm -rf $work/b" --export-json builds.json \
  -n cold "$cold" -n "warm ccache (outer)" "$ccache_outer" -n "warm ccache (inner)" "$ccache_inner" \
  -n "warm sccache (inner)" "$sccache_inner" >builds.log 2>&1 || { tail -30 builds.log; exit 1; }
python3 - builds.json <<'PY'
import json, statistics, sys
rs = json.load(open(sys.argv[1]))["results"]
cold = statistics.median(rs[0]["times"])
for r in rs:
    m = statistics.median(r["times"])
    print(f"  {r['command']:22s} {m:7.2f} s   {m / cold:5.2f}x cold   (runs: {', '.join(f'{t:.2f}' for t in r['times'])})")
PY

fi

# One compile: a C file of a few hundred lines.
printf '#include <stdio.h>\n#include <string.h>\n#include <stdlib.h>\n' >one.c
for i in $(seq 150); do
  printf 'int f%d(const char *s) { char b[64]; snprintf(b, sizeof b, "%%s-%d", s); return (int)strlen(b) * %d; }\n' "$i" "$i" "$i"
done >>one.c
clang_cmd=$("$CC" -O2 -c one.c -o one.o --print-command 2>&1 >/dev/null | tail -1)
# --launcher rather than `env XSTATIC_LAUNCHER=`: env(1) would be one more
# exec that the direct command does not pay.
inner="$CC --launcher ccache -O2 -c one.c -o one.o"
direct="ccache $clang_cmd"
sh -c "$inner"  # a hit from now on
hyperfine -N --style none --warmup 5 --runs 60 --export-json hit.json "$inner" "$direct" >/dev/null
hyperfine -N --style none --warmup 2 --runs 15 --export-json miss.json \
  "env CCACHE_RECACHE=1 $CC --launcher ccache -O2 -c one.c -o one.o" "env CCACHE_RECACHE=1 ccache $clang_cmd" >/dev/null
fp="$CC --print-fingerprint"
sh -c "env $outer ccache $CC -O2 -c one.c -o one.o; ccache $CC -O2 -c one.c -o one.o"  # both forms cached
hyperfine -N --style none --warmup 5 --runs 60 --export-json outer.json "$fp" "$(type -P true)" \
  "env CCACHE_COMPILERCHECK=mtime ccache $CC -O2 -c one.c -o one.o" \
  "env CCACHE_COMPILERCHECK=%compiler%\ --print-fingerprint ccache $CC -O2 -c one.c -o one.o" >/dev/null
python3 - hit.json miss.json outer.json <<'PY'
import json, statistics, sys
def medians(f):
    return [statistics.median(r["times"]) for r in json.load(open(f))["results"]]
def cpu(f):
    return [r["user"] + r["system"] for r in json.load(open(f))["results"]]
(hi, hd), (mi, md), (fp, tr, mt, ff) = medians(sys.argv[1]), medians(sys.argv[2]), medians(sys.argv[3])
(ci, cd), (cmi, cmd) = cpu(sys.argv[1]), cpu(sys.argv[2])
print("one C file (150 functions), inner launcher against ccache on the same clang command:")
print(f"  cache hit : {hi*1000:7.2f} ms vs {hd*1000:7.2f} ms: +{(hi-hd)*1000:.2f} ms per compile ({100*(hi/hd-1):+.1f}%)")
print(f"  cache miss: {mi*1000:7.2f} ms vs {md*1000:7.2f} ms ({100*(mi/md-1):+.1f}%: mostly the machine's noise)")
print(f"  xstatic's own cost (the hit difference) per missed compile: {100*(hi-hd)/md:.1f}% (goal < 2%)")
print(f"  CPU (user+system, mean): hit {ci*1000:.2f} ms vs {cd*1000:.2f} ms: +{(ci-cd)*1000:.2f} ms, "
      f"{100*(ci-cd)/cmd:.1f}% of a missed compile's CPU ({cmd*1000:.0f} ms)")
print("outer form, hot path:")
print(f"  xstatic cc --print-fingerprint alone: {fp*1000:.2f} ms (exec of /bin/true: {tr*1000:.2f} ms)")
print(f"  ccache hit, compiler_check=mtime: {mt*1000:.2f} ms; =fingerprint: {ff*1000:.2f} ms (+{(ff-mt)*1000:.2f} ms)")
PY
