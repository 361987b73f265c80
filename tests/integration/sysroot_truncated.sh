#!/usr/bin/env bash
# A sysroot archive that lost members (cut at a member boundary, where
# libarchive sees a clean end, or in the middle of one), lacks its index, or
# has a file too many, too few or altered is refused with exit 2: no sysroot
# installed, no leftovers in the store (issue 23, item 1).
. "$(dirname "$0")/lib/common.sh"
need python3
need zstd
need_sysroot linux/arm64 musl
craft="$SRC/tests/integration/sysroot_craft.py"

"$XSTATIC" -q sysroot export linux/arm64 -o "$WORK/full.tar"
"$XSTATIC" -q sysroot export linux/arm64 -o "$WORK/full.tar.zst"
store="$WORK/store"
refused() { # archive what
  local rc=0
  "$XSTATIC" -q --store "$store" sysroot import "$1" >/dev/null 2>"$WORK/err" || rc=$?
  [ "$rc" = 2 ] || fail "$2: import exited $rc, expected 2 ($(cat "$WORK/err"))"
  expect_contains "$(cat "$WORK/err")" "xstatic: error: $1"
  [ ! -e "$store/sysroots/arm64-musl" ] || fail "$2: a sysroot was installed"
  expect_no_leftovers "$store/sysroots" '^\.tmp-' "$2: leftovers in the store"
  if "$XSTATIC" --store "$store" sysroot list 2>/dev/null | grep -q arm64-musl; then fail "$2: listed"; fi
}

# Cut points: member boundaries at 1/3 and 2/3, the last member's start, the middle of a member.
for cut in $(python3 "$craft" cuts "$WORK/full.tar"); do
  head -c "$cut" "$WORK/full.tar" > "$WORK/cut-$cut.tar"
  refused "$WORK/cut-$cut.tar" "cut at $cut"
done
size=$(stat -c %s "$WORK/full.tar.zst")
head -c $((size / 2)) "$WORK/full.tar.zst" > "$WORK/half.tar.zst"
refused "$WORK/half.tar.zst" "zstd cut in half"

for case in no-index:"no xstatic-sysroot.json" drop:"indexed but missing" extra:"is not in the index" \
  alter:"does not match its digest"; do
  python3 "$craft" mutate "$WORK/full.tar" "$WORK/${case%%:*}.tar" "${case%%:*}"
  refused "$WORK/${case%%:*}.tar" "${case%%:*}"
  expect_contains "$(cat "$WORK/err")" "${case#*:}"
done

# The whole archive, both compressions, still imports and matches the source.
for f in full.tar full.tar.zst; do
  dst=$("$XSTATIC" -q --store "$store" sysroot import "$WORK/$f")
  diff -r "$("$XSTATIC" sysroot path linux/arm64)" "$dst" >/dev/null || fail "$f: imported tree differs"
done
echo "ok"
