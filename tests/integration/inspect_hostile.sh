#!/usr/bin/env bash
# Malformed input never crashes the inspector: thousands of truncated,
# byte-flipped and header-patched copies of the test binaries (corrupt.py),
# given to inspect and verify many at a time. Each call must exit 0 or 2 (not
# a signal, not 70), and every file must get either a report or exactly one
# error line naming it, so one bad file never hides the others.
. "$(dirname "$0")/lib/common.sh"
need clang-19
need python3

bins=$WORK/bins
"$SRC/tests/integration/inspect/make_binaries.sh" "$bins" 2>/dev/null
python3 "$SRC/tests/integration/inspect/corrupt.py" "$bins" "$WORK/bad" >"$WORK/count"
total=$(cat "$WORK/count")
[ "$total" -gt 3000 ] || fail "expected thousands of corrupted files, got $total"

cd "$WORK/bad"
ls >"$WORK/list"
split -l 500 "$WORK/list" "$WORK/chunk."
errors=0 reports=0
for chunk in "$WORK"/chunk.*; do
  mapfile -t files <"$chunk"
  rc=0
  "$XSTATIC" inspect --json "${files[@]}" >"$WORK/out.json" 2>"$WORK/err" || rc=$?
  if [ $rc != 0 ] && [ $rc != 2 ]; then
    # Find the file that did it, for the log.
    for f in "${files[@]}"; do
      r=0; "$XSTATIC" inspect "$f" >/dev/null 2>&1 || r=$?
      [ $r = 0 ] || [ $r = 2 ] || fail "inspect $f exited $r (a crash or an internal error)"
    done
    fail "inspect exited $rc on $chunk"
  fi
  counts=$(python3 - "$WORK/out.json" "${#files[@]}" <<'PY'
import json, sys
items = json.load(open(sys.argv[1]))
assert len(items) == int(sys.argv[2]), "%d results for %s files" % (len(items), sys.argv[2])
print(sum("error" in i for i in items), sum("error" not in i for i in items))
PY
) || fail "inspect --json on $chunk did not give one result per file"
  read -r e r <<<"$counts"
  [ "$(grep -c '^xstatic: error: ' "$WORK/err")" = "$e" ] || fail "error lines on stderr != errors in JSON ($chunk)"
  errors=$((errors + e)) reports=$((reports + r))
  # verify goes through the same reader: exit 1 or 2, never a crash.
  rc=0; "$XSTATIC" verify --static "${files[@]}" >/dev/null 2>&1 || rc=$?
  [ $rc = 1 ] || [ $rc = 2 ] || [ $rc = 0 ] || fail "verify exited $rc on $chunk"
done
[ "$errors" -gt 1000 ] || fail "only $errors of $total corrupted files were rejected"
# Rejections name the file and say what is wrong.
expect_exit 2 "$XSTATIC" inspect amd64-dynamic.dynamic-past-end arm64-static.phentsize mac-arm64.cmdsize0
out=$(cat "$WORK/out")
expect_contains "$out" "amd64-dynamic.dynamic-past-end: malformed elf: PT_DYNAMIC lies past the end of the file"
expect_contains "$out" "arm64-static.phentsize: malformed elf: e_phentsize is 32, expected 56"
expect_contains "$out" "mac-arm64.cmdsize0: malformed macho: truncated or malformed object (load command 0 with size less than 8 bytes)"
expect_exit 2 "$XSTATIC" inspect mac-universal.fat-overlap mac-universal.fat-same-arch amd64-static.xnum-sh-info \
  amd64-dynamic.dyn1-tag1 hello.exe.dir1-rva
out=$(cat "$WORK/out")
expect_contains "$out" "mac-universal.fat-overlap: malformed macho-universal: truncated or malformed fat file"
expect_contains "$out" "overlaps cputype"
expect_contains "$out" "contains two of the same architecture"
expect_contains "$out" "amd64-static.xnum-sh-info: malformed elf: program headers lie past the end of the file"
expect_contains "$out" "amd64-dynamic.dyn1-tag1: malformed elf: dynamic string offset"
expect_contains "$out" "hello.exe.dir1-rva: malformed pe: RVA 0xfffffff0 for import table not found"
# A PT_DYNAMIC without DT_NULL and a PT_NOTE whose offset + size overflows are survivable: reported.
out=$("$XSTATIC" inspect amd64-dynamic.dynamic-no-null)
expect_contains "$out" "note          the dynamic section has no DT_NULL terminator"
for f in amd64-dynamic.ph*-offset-overflow; do
  # Read (0) or refused as malformed (2): either, but no crash.
  out=$("$XSTATIC" inspect "$f" 2>&1) || [ $? = 2 ] || fail "$f: inspect neither read nor refused it: $out"
  case "$out" in *"malformed elf: PT_INTERP lies past the end"* | *"build id"*) ;; *) fail "$f: $out" ;; esac
done
echo "inspect_hostile: $total corrupted files: $errors clean errors, $reports still readable, no crash"
