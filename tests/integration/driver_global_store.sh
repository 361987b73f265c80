#!/usr/bin/env bash
# The global options before cc/c++ reach the compiler front end (issue 23,
# item 5): `xstatic --store DIR cc ...` uses DIR's sysroot (as
# XSTATIC_HOME=DIR would), `--store=DIR` too, -q/-v are accepted, and
# `xstatic --store DIR c++ --version` is clang's answer, not xstatic's.
. "$(dirname "$0")/lib/common.sh"
. "$SRC/tests/integration/lib/driver.sh"
need clang-19
driver_sysroot linux/arm64 musl
A=$XSTATIC_HOME
# Store B: a linux/arm64 sysroot of its own (a copy of A's manifest is
# enough for the lookup), so the command line shows which store was used.
B=$WORK/storeB
mkdir -p "$B/sysroots/arm64-musl"
cp "$A/sysroots/arm64-musl/manifest.json" "$B/sysroots/arm64-musl/"
printf 'int main(void) { return 0; }\n' >main.c

for form in "--store $B" "--store=$B" "-q --store $B" "-v --store $B -q"; do
  # shellcheck disable=SC2086
  "$XSTATIC" $form cc --target linux/arm64 --print-command -c main.c -o main.o 2>err ||
    fail "xstatic $form cc -c: $(cat err)"
  expect_contains "$(cat err)" "--sysroot=$B/sysroots/arm64-musl"
  [ -s main.o ] || fail "xstatic $form cc wrote no object"
  rm -f main.o
done
# Without --store: XSTATIC_HOME (store A), as before.
"$XSTATIC" cc --target linux/arm64 --print-command -c main.c -o main.o 2>err
expect_contains "$(cat err)" "--sysroot=$A/sysroots/arm64-musl"
# A store without the sysroot: the usual "not installed" (exit 3), naming that store's remedy.
mkdir -p "$WORK/empty"
rc=0
"$XSTATIC" --store "$WORK/empty" cc --target linux/arm64 -c main.c -o main.o 2>err || rc=$?
[ "$rc" = 3 ] || fail "--store EMPTY cc: exit $rc, expected 3 ($(cat err))"
# c++ --version after --store is clang's version.
out=$("$XSTATIC" --store "$B" c++ --target linux/arm64 --version)
expect_contains "$out" "clang version"
echo "ok"
