#!/usr/bin/env bash
# --parallel-targets: three targets built at once write the same bytes as
# one after another (archives, debug archives, SBOMs, checksums,
# artifacts.json); a failing target is still named.
. "$(dirname "$0")/lib/common.sh"
. "$SRC/tests/integration/lib/release.sh"
need make
need git
need bc
for t in linux/amd64 linux/arm64 linux/arm/v7; do need_sysroot "$t"; done

release_project make "$WORK/p" '"linux/amd64", "linux/arm64", "linux/arm/v7"'
git_commit_tag "$WORK/p" v1.0.0
cd "$WORK/p"
start=$EPOCHREALTIME
"$XSTATIC" -q release -j 1 >/dev/null
serial=$(echo "$EPOCHREALTIME - $start" | bc)
mv dist "$WORK/serial"
start=$EPOCHREALTIME
"$XSTATIC" -q release -j 1 --parallel-targets 3 >/dev/null
parallel=$(echo "$EPOCHREALTIME - $start" | bc)
[ "$(ls "$WORK/serial")" = "$(ls dist)" ] || fail "the parallel release wrote other files: $(ls dist)"
[ "$(ls dist | wc -l)" -ge 10 ] || fail "expected 3 archives, 3 debug archives, 3 SBOMs, checksums, artifacts.json"
for f in "$WORK/serial"/*; do
  cmp "$f" "dist/$(basename "$f")" || fail "$(basename "$f") differs between the serial and the parallel release"
done
echo "ok: $(ls dist | wc -l) files byte for byte equal; serial $serial s, parallel $parallel s"

# A target that fails still stops the release, naming it, and writes no dist folder.
rm -rf dist
echo 'int broken(void) { return }' >"$WORK/p/src/broken.c"
sed -i 's|^app: src/main.o libgreet.a|app: src/main.o src/broken.o libgreet.a|' Makefile
must_fail "$XSTATIC" release -j 1 --parallel-targets 3
expect_contains "$(cat "$WORK/err")" "linux/amd64"
[ ! -e dist ] || fail "a failed parallel release left a dist folder"
echo "ok: a failed parallel release names the first target and writes nothing"
