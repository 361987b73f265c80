#!/usr/bin/env bash
# The inspector under libFuzzer with AddressSanitizer and UBSan: builds
# tests/fuzz with clang-19 into the build tree (lib/fuzz_build.sh, shared with
# fuzz_replay), runs every corrupted file of corrupt.py once, then
# a bounded fuzzing session (XSTATIC_FUZZ_RUNS, default 20000 executions)
# seeded with the suite's own binaries. Any sanitizer report or crash fails.
. "$(dirname "$0")/lib/common.sh"
. "$SRC/tests/integration/lib/fuzz_build.sh"
fuzzer=$fuzz_build/fuzz_inspect

"$SRC/tests/integration/inspect/make_binaries.sh" "$WORK/seeds" 2>/dev/null
python3 "$SRC/tests/integration/inspect/corrupt.py" "$WORK/seeds" "$WORK/bad" >/dev/null
# Every corrupted file once, under the sanitizers (a directory of inputs runs each once).
mkdir -p "$WORK/artifacts"
"$fuzzer" -runs=0 -rss_limit_mb=2048 -artifact_prefix="$WORK/artifacts/" "$WORK/bad" >"$WORK/replay.log" 2>&1 ||
  { grep -A30 -E "ERROR|SUMMARY" "$WORK/replay.log" | head -60; fail "a corrupted file crashed the inspector"; }

# A bounded session from the seeds; the corpus grows in $WORK only.
mkdir -p "$WORK/corpus"
cp "$WORK/seeds"/* "$WORK/corpus/"
runs=${XSTATIC_FUZZ_RUNS:-20000}
"$fuzzer" -runs="$runs" -max_len=65536 -rss_limit_mb=2048 -timeout=10 -seed=1 \
          -artifact_prefix="$WORK/artifacts/" "$WORK/corpus" >"$WORK/fuzz.log" 2>&1 ||
  { grep -A40 -E "ERROR|SUMMARY|deadly" "$WORK/fuzz.log" | head -80; ls "$WORK/artifacts"; fail "the fuzzer found a crash"; }
echo "inspect_fuzz: $(grep -c . <(ls "$WORK/bad")) corrupted files replayed and $runs fuzzing runs without a finding"
