#!/usr/bin/env bash
# Formatting is enforced, not only configured: every C++ file under src/,
# include/ and tests/unit/ is as clang-format-19 and .clang-format want it
# (column limit, sorted includes). Fix with: cmake --build build --target format
set -euo pipefail
cd "${XSTATIC_SOURCE_DIR:-$(dirname "$0")/../..}"
command -v clang-format-19 >/dev/null 2>&1 || { echo "SKIP: clang-format-19 is not installed"; exit 77; }
mapfile -t files < <(find src include tests/unit -name '*.cpp' -o -name '*.hpp' | sort)
[ "${#files[@]}" -gt 100 ] || { echo "FAIL: only ${#files[@]} source files found in $PWD" >&2; exit 1; }
err=$(mktemp)
trap 'rm -f "$err"' EXIT
if ! clang-format-19 --dry-run -Werror "${files[@]}" 2>"$err"; then
  grep -o '^[^:]*:[0-9]*' "$err" | sort -u | head -40 >&2
  echo "FAIL: the files above are not clang-formatted; run: cmake --build build --target format" >&2
  exit 1
fi
echo "ok: ${#files[@]} files formatted"
