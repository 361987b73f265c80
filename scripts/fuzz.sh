#!/usr/bin/env bash
# A fuzzing campaign over every parser of untrusted input (tests/fuzz):
#
#   scripts/fuzz.sh [SECONDS] [TARGET...]     # default 60 s each, every target
#   XSTATIC_FUZZ_RUNS=2000000 scripts/fuzz.sh 0 deb   # a number of executions instead of a time
#
# Builds the fuzzers with clang-19 (-fsanitize=fuzzer,address,undefined) in
# XSTATIC_FUZZ_BUILD_DIR (default build/fuzz), then runs each target, one at a
# time, at low priority. Everything it keeps is under XSTATIC_FUZZ_OUT
# (default fuzz-out/): TARGET/corpus (grows across runs: new inputs that
# reach new code), TARGET/seeds (made by tests/fuzz/seeds.sh), TARGET/crashes
# (crash-*, leak-*, timeout-*, oom-* inputs) and TARGET/log. It prints one
# line per target: executions, edges covered (cov), features (ft), corpus
# size, findings. Exits 1 when a target found anything. A finding becomes a
# regression test: fix it, then copy the input into tests/fuzz/regressions/
# TARGET/, which the fuzz_replay suite replays on every CTest run.
set -euo pipefail
case ${1:-} in -h | --help) sed -n '2,/^set -euo pipefail$/{/^set /d;s/^# \{0,1\}//;p}' "$0"; exit 0 ;; esac
root=$(cd "$(dirname "$0")/.." && pwd)
seconds=${1:-60}
[[ $seconds =~ ^[0-9]+$ ]] || { echo "usage: $0 [SECONDS] [TARGET...] (--help says more)" >&2; exit 2; }
shift || true
all=(inspect deb import args target release sbom openpgp debindex fetch)
targets=("$@")
[ ${#targets[@]} -gt 0 ] || targets=("${all[@]}")
build=${XSTATIC_FUZZ_BUILD_DIR:-$root/build/fuzz}
out=${XSTATIC_FUZZ_OUT:-$root/fuzz-out}

command -v clang++-19 >/dev/null || { echo "clang++-19 is missing: run 'sudo apt-get install clang-19'" >&2; exit 3; }
rt=$(clang-19 --print-file-name=libclang_rt.fuzzer-x86_64.a)
[ -f "$rt" ] || { echo "libFuzzer is missing: run 'sudo apt-get install libclang-rt-19-dev'" >&2; exit 3; }
launcher=()
command -v ccache >/dev/null && launcher=(-DCMAKE_CXX_COMPILER_LAUNCHER=ccache)
if [ ! -f "$build/build.ninja" ]; then
  cmake -S "$root/tests/fuzz" -B "$build" -G Ninja -DCMAKE_CXX_COMPILER=clang++-19 \
        -DCMAKE_BUILD_TYPE=RelWithDebInfo "${launcher[@]}" >/dev/null
fi
nice -n 10 ninja -C "$build" >/dev/null

# Per target: the largest input worth mutating (bigger seeds are cut there).
max_len() { case $1 in inspect | openpgp) echo 65536 ;; deb | import) echo 131072 ;; target) echo 256 ;; *) echo 4096 ;; esac; }
dict() { case $1 in import) echo deb ;; *) echo "$1" ;; esac; }

found=0
printf '%-8s %12s %7s %7s %7s %s\n' target execs cov ft corpus findings
for t in "${targets[@]}"; do
  d=$out/$t
  mkdir -p "$d/corpus" "$d/crashes"
  [ -d "$d/seeds" ] || "$root/tests/fuzz/seeds.sh" "$t" "$d/seeds"
  limit=(-max_total_time="$seconds")
  [ -n "${XSTATIC_FUZZ_RUNS:-}" ] && limit=(-runs="$XSTATIC_FUZZ_RUNS")
  dictfile=$root/tests/fuzz/dict/$(dict "$t").dict
  status=0
  nice -n 15 "$build/fuzz_$t" "${limit[@]}" -max_len="$(max_len "$t")" -timeout=10 -rss_limit_mb=2048 \
    -dict="$dictfile" -print_final_stats=1 -artifact_prefix="$d/crashes/" \
    "$d/corpus" "$d/seeds" >"$d/log" 2>&1 || status=$?
  execs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$d/log" | tail -1)
  last=$(grep -E '^#[0-9]+' "$d/log" | tail -1 || true)
  cov=$(sed -n 's/.* cov: \([0-9]*\).*/\1/p' <<<"$last")
  ft=$(sed -n 's/.* ft: \([0-9]*\).*/\1/p' <<<"$last")
  corpus=$(find "$d/corpus" -type f | wc -l)
  findings=$(find "$d/crashes" -type f | wc -l)
  note=""
  if [ "$status" != 0 ] || [ "$findings" != 0 ]; then
    found=1
    note=" (exit $status; see $d/log and $d/crashes)"
  fi
  printf '%-8s %12s %7s %7s %7s %s%s\n' "$t" "${execs:-?}" "${cov:-?}" "${ft:-?}" "$corpus" "$findings" "$note"
done
exit $found
