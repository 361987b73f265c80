#!/usr/bin/env bash
# Formatting is enforced, not only configured: every C++ file under src/,
# include/ and tests/unit/ is as clang-format-19 and .clang-format want it
# (column limit, sorted includes). Fix with: cmake --build build --target format
. "$(dirname "$0")/lib/common.sh"
need clang-format-19
cd "$SRC"
mapfile -t files < <(find src include tests/unit -name '*.cpp' -o -name '*.hpp' | sort)
[ "${#files[@]}" -gt 100 ] || fail "only ${#files[@]} source files found in $PWD"
err=$WORK/clang-format.err
if ! clang-format-19 --dry-run -Werror "${files[@]}" 2>"$err"; then
  grep -o '^[^:]*:[0-9]*' "$err" | sort -u | head -40 >&2
  fail "the files above are not clang-formatted; run: cmake --build build --target format"
fi
echo "ok: ${#files[@]} files formatted"
