#!/usr/bin/env bash
# Files that are not binaries but pass a first look (zero bytes read as a
# COFF object of machine 0, also a 2 GB sparse file; PE headers of machine 0
# or claiming 65535 sections): inspect calls them malformed (exit 2) and
# verify never says "ok" (issue 23, item 11).
. "$(dirname "$0")/lib/common.sh"
need python3
python3 "$SRC/tests/integration/inspect/not_binaries.py" "$WORK/n"
truncate -s 2G "$WORK/n/sparse-2g"
for f in "$WORK"/n/*; do
  rc=0
  "$XSTATIC" inspect "$f" >"$WORK/out" 2>"$WORK/err" || rc=$?
  [ "$rc" = 2 ] || fail "inspect $(basename "$f"): exit $rc, expected 2: $(cat "$WORK/out" "$WORK/err")"
  expect_contains "$(cat "$WORK/err")" "xstatic: error: $f"
  for policy in "" "--static" "--target windows/amd64" "--stripped"; do
    rc=0
    # shellcheck disable=SC2086
    "$XSTATIC" verify "$f" $policy >"$WORK/out" 2>"$WORK/err" || rc=$?
    [ "$rc" = 1 ] || [ "$rc" = 2 ] || fail "verify $(basename "$f") $policy: exit $rc: $(cat "$WORK/out")"
    if grep -q ": ok" "$WORK/out"; then fail "verify $(basename "$f") $policy said: $(cat "$WORK/out")"; fi
  done
done
echo "ok"
