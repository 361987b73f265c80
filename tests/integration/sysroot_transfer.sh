#!/usr/bin/env bash
# export then import reproduces the same sysroot (same manifest, links a
# hello); remove deletes it; hostile or mismatched archives are refused and
# leave the store unchanged.
. "$(dirname "$0")/lib/common.sh"
need clang-19
need python3
need_sysroot linux/arm64 musl
craft="$SRC/tests/integration/sysroot_craft.py"
src=$("$XSTATIC" sysroot path linux/arm64)

"$XSTATIC" -q sysroot export linux/arm64 -o "$WORK/arm64.tar.zst"
[ -s "$WORK/arm64.tar.zst" ] || fail "export wrote nothing"
store="$WORK/store"
dst=$("$XSTATIC" -q --store "$store" sysroot import "$WORK/arm64.tar.zst")
[ "$dst" = "$store/sysroots/arm64-musl" ] || fail "import put it in $dst"
cmp "$src/manifest.json" "$dst/manifest.json" || fail "import changed the manifest"
diff -r "$src" "$dst" >/dev/null || fail "imported tree differs from the exported one"
printf 'int main(void){return 0;}\n' > m.c
clang-19 --target=aarch64-linux-musl --sysroot="$dst" -static -fuse-ld=lld m.c -o m || fail "imported sysroot does not link"
# Importing again replaces it in place.
"$XSTATIC" -q --store "$store" sysroot import "$WORK/arm64.tar.zst" >/dev/null
expect_contains "$("$XSTATIC" --store "$store" sysroot list)" "arm64-musl"

# Hostile archives: nothing outside the store, no sysroot, no leftovers.
for case in dotdot symlink wrong-manifest; do
  python3 "$craft" import "$WORK/$case.tar.gz" "$case"
  must_fail "$XSTATIC" -q --store "$store" sysroot import "$WORK/$case.tar.gz"
  expect_contains "$(cat err)" "$case.tar.gz"
  [ ! -e "$store/sysroots/amd64-musl" ] || fail "$case: a sysroot was installed"
  expect_no_leftovers "$store/sysroots" '^\.tmp-' "$case: leftovers in the store"
done
[ ! -e "$store/xstatic-escape-import" ] && [ ! -e "$store/sysroots/xstatic-escape-import" ] || fail "import escaped"

"$XSTATIC" --store "$store" sysroot remove linux/arm64
[ ! -e "$dst" ] || fail "remove left $dst"
must_fail "$XSTATIC" --store "$store" sysroot remove linux/arm64
expect_contains "$(cat err)" "not installed"
echo "ok"
