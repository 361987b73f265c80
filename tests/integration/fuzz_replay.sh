#!/usr/bin/env bash
# Every libFuzzer target (tests/fuzz: inspect, deb, import, args, target, sbom,
# release, openpgp, debindex, fetch) under ASan + UBSan: replays its seed corpus (tests/fuzz/seeds.sh,
# made here with the real clang/lld, dpkg-deb, tar and compressors), the
# campaign's minimised corpus (tests/fuzz/corpus/TARGET) and its regression
# inputs (tests/fuzz/regressions/TARGET: inputs that once crashed it) once each, then fuzzes it for XSTATIC_FUZZ_SECONDS (default 5) from
# those seeds. Any sanitizer report, crash, leak, hang (-timeout=10) or
# safe-extraction breach fails. scripts/fuzz.sh runs the long campaigns.
. "$(dirname "$0")/lib/common.sh"
. "$SRC/tests/integration/lib/fuzz_build.sh"
seconds=${XSTATIC_FUZZ_SECONDS:-5}
export XSTATIC_FUZZ_TMP=$WORK
summary=()
for t in inspect deb import args target release sbom openpgp debindex fetch; do
  fuzzer=$fuzz_build/fuzz_$t
  [ -x "$fuzzer" ] || fail "$fuzzer was not built"
  "$SRC/tests/fuzz/seeds.sh" "$t" "$WORK/$t/seeds" || fail "making the $t seeds"
  mkdir -p "$WORK/$t/corpus" "$WORK/$t/artifacts"
  inputs=("$WORK/$t/seeds")
  # The campaign's corpus, minimised (scripts/fuzz.sh then -merge=1), and the inputs that once crashed it.
  for kept in corpus regressions; do
    [ -d "$SRC/tests/fuzz/$kept/$t" ] && inputs+=("$SRC/tests/fuzz/$kept/$t")
  done
  n=$(find "${inputs[@]}" -type f | wc -l)
  [ "$n" -gt 0 ] || fail "no seeds for $t"
  # A list of directories with -runs=0 runs every file in them once.
  "$fuzzer" -runs=0 -rss_limit_mb=2048 -timeout=10 -artifact_prefix="$WORK/$t/artifacts/" "${inputs[@]}" \
    >"$WORK/$t/replay.log" 2>&1 ||
    { grep -B2 -A30 -E "ERROR|BREACH|SUMMARY|deadly" "$WORK/$t/replay.log" | head -60; fail "$t: replaying its corpus"; }
  "$fuzzer" -max_total_time="$seconds" -max_len=65536 -rss_limit_mb=2048 -timeout=10 -seed=1 \
    -dict="$SRC/tests/fuzz/dict/$([ "$t" = import ] && echo deb || echo "$t").dict" -print_final_stats=1 \
    -artifact_prefix="$WORK/$t/artifacts/" "$WORK/$t/corpus" "${inputs[@]}" >"$WORK/$t/fuzz.log" 2>&1 ||
    { grep -B2 -A40 -E "ERROR|BREACH|SUMMARY|deadly" "$WORK/$t/fuzz.log" | head -80; ls "$WORK/$t/artifacts";
      fail "$t: the fuzzer found a crash"; }
  execs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$WORK/$t/fuzz.log" | tail -1)
  summary+=("$t: $n replayed, $execs runs")
done
echo "fuzz_replay: ${summary[*]}; no finding"
