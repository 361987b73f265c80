#!/usr/bin/env bash
# What stops a release, and what it leaves behind: a malformed release file,
# an unknown key or target, no version, a missing sysroot and a foreign dist
# folder are reported before anything is built; a failed build, a missing
# binary and a dynamic binary stop the release naming target, binary and
# reason, and leave no dist folder (an earlier one stays as it was).
. "$(dirname "$0")/lib/common.sh"
. "$SRC/tests/integration/lib/release.sh"
need make
need cc
need_sysroot linux/amd64
need_sysroot linux/arm64

release_in() { (cd "$1" && shift && "$XSTATIC" release "$@"); }
must_fail_code() { # code dir args...
  local code=$1 rc=0
  shift
  release_in "$@" >"$WORK/out" 2>"$WORK/err" || rc=$?
  [ "$rc" = "$code" ] || { cat "$WORK/err"; fail "expected exit $code, got $rc: release in $1"; }
}
nothing_built() { # dir
  [ ! -e "$1/.xstatic" ] || fail "something was built in $1"
  [ ! -e "$1/dist" ] || fail "a dist folder was written in $1"
}

# --- The examples' own release files are valid and release as they are.
cp -r "$SRC/examples/makefile-project" "$WORK/example"
release_in "$WORK/example" -q --snapshot --targets linux/arm64 >/dev/null
[ -f "$WORK/example/dist/greet_0.0.0-SNAPSHOT_linux_arm64.tar.gz" ] || fail "example release: $(ls "$WORK/example/dist")"
for f in "$SRC"/examples/*/xstatic-release.toml; do
  # Every target and key parses (no build: the dist check refuses a foreign folder first).
  mkdir -p "$WORK/x/dist" && touch "$WORK/x/dist/foreign"
  rc=0
  "$XSTATIC" release -f "$f" --version 1.0.0 --dist "$WORK/x/dist" >/dev/null 2>"$WORK/err" || rc=$?
  expect_contains "$(cat "$WORK/err")" "holds files that no release wrote"
done

# --- The release file, checked before any build.
release_project make "$WORK/p" '"linux/amd64"'
cp "$WORK/p/xstatic-release.toml" "$WORK/good.toml"

printf 'name = greet\n' >"$WORK/p/xstatic-release.toml"
must_fail_code 2 "$WORK/p" --version 1.0.0
expect_contains "$(cat "$WORK/err")" "xstatic-release.toml:1: not valid TOML"
nothing_built "$WORK/p"

sed 's/^binaries/binary/' "$WORK/good.toml" >"$WORK/p/xstatic-release.toml"
must_fail_code 2 "$WORK/p" --version 1.0.0
expect_contains "$(cat "$WORK/err")" "xstatic-release.toml:3: unknown key 'binary'"
expect_contains "$(cat "$WORK/err")" "did you mean 'binaries'"
nothing_built "$WORK/p"

sed 's|"linux/amd64"|"linux/amd46"|' "$WORK/good.toml" >"$WORK/p/xstatic-release.toml"
must_fail_code 2 "$WORK/p" --version 1.0.0
expect_contains "$(cat "$WORK/err")" "xstatic-release.toml:2:"
expect_contains "$(cat "$WORK/err")" "linux/amd64"
nothing_built "$WORK/p"

cp "$WORK/good.toml" "$WORK/p/xstatic-release.toml"
must_fail_code 2 "$WORK/p" --targets linux/arm65 --version 1.0.0
nothing_built "$WORK/p"

# Found by trying to break `release` (issue 23's hunt): a release file that
# is a fifo (it blocked forever) or a folder (read as empty); a build folder
# holding the project (--build-dir . copied the project into itself until
# "File name too long", exit 70; --build-dir / built in /linux_amd64) or
# inside the dist folder; a negative -j. Each exit 2, nothing built.
mkfifo "$WORK/fifo.toml"
rc=0
timeout 20 "$XSTATIC" release -f "$WORK/fifo.toml" --version 1.0.0 >/dev/null 2>"$WORK/err" || rc=$?
[ "$rc" = 2 ] || fail "release -f FIFO: exit $rc (124: it blocked)"
expect_contains "$(cat "$WORK/err")" "a fifo, not a regular file"
must_fail_code 2 "$WORK/p" -f "$WORK" --version 1.0.0
expect_contains "$(cat "$WORK/err")" "a folder, not a regular file"
for dir in . "$WORK/p" .. / "$WORK/p/src/.."; do
  must_fail_code 2 "$WORK/p" --version 1.0.0 --build-dir "$dir"
  expect_contains "$(cat "$WORK/err")" "contains the project"
  nothing_built "$WORK/p"
done
[ ! -e /linux_amd64 ] || fail "--build-dir / built in /"
must_fail_code 2 "$WORK/p" --version 1.0.0 --dist "$WORK/d-out" --build-dir "$WORK/d-out/build"
expect_contains "$(cat "$WORK/err")" "is inside the dist folder"
[ ! -e "$WORK/d-out" ] || fail "a refused release made $WORK/d-out"
must_fail_code 2 "$WORK/p" --version 1.0.0 -j -1
expect_contains "$(cat "$WORK/err")" "not in range 0 to 4096"
nothing_built "$WORK/p"

# No tag and no version: the hint offers --snapshot, which then works.
must_fail_code 2 "$WORK/p"
expect_contains "$(cat "$WORK/err")" "no version"
expect_contains "$(cat "$WORK/err")" "--snapshot"
nothing_built "$WORK/p"
git_commit_tag "$WORK/p" not-a-version-tag-yet
git -C "$WORK/p" tag -d not-a-version-tag-yet >/dev/null
release_in "$WORK/p" -q --snapshot >/dev/null
short=$(git -C "$WORK/p" rev-parse --short HEAD)
[ -f "$WORK/p/dist/greet_0.0.0-SNAPSHOT-${short}_linux_amd64.tar.gz" ] || fail "snapshot archive: $(ls "$WORK/p/dist")"
rm -rf "$WORK/p/dist" "$WORK/p/.xstatic"

# A sysroot that is not installed (an empty store): exit 3 and the command that installs it.
rc=0
(cd "$WORK/p" && "$XSTATIC" --store "$WORK/empty-store" release --version 1.0.0) >/dev/null 2>"$WORK/err" || rc=$?
[ "$rc" = 3 ] || fail "missing sysroot: exit $rc: $(cat "$WORK/err")"
expect_contains "$(cat "$WORK/err")" "xstatic sysroot install linux/amd64"
nothing_built "$WORK/p"

# A dist folder that no release wrote is not replaced.
mkdir "$WORK/p/dist" && echo precious >"$WORK/p/dist/notes.txt"
must_fail_code 2 "$WORK/p" --version 1.0.0
expect_contains "$(cat "$WORK/err")" "holds files that no release wrote"
[ "$(cat "$WORK/p/dist/notes.txt")" = precious ] || fail "dist was touched"
rm -rf "$WORK/p/dist"

# --- Failures during the release leave no dist folder.
sed 's/^binaries = \["app"\]/binaries = ["app", "missing-tool"]/' "$WORK/good.toml" >"$WORK/p/xstatic-release.toml"
must_fail_code 1 "$WORK/p" --version 1.0.0
expect_contains "$(cat "$WORK/err")" "did not produce the binary 'missing-tool'"
[ ! -e "$WORK/p/dist" ] || fail "dist written after a missing binary"

sed 's/^args = \["app"\]/args = ["no-such-make-target"]/' "$WORK/good.toml" >"$WORK/p/xstatic-release.toml"
must_fail_code 1 "$WORK/p" --version 1.0.0
expect_contains "$(cat "$WORK/err")" "the make build for linux/amd64 (musl) failed"
expect_contains "$(cat "$WORK/err")" "see the full log"
[ ! -e "$WORK/p/dist" ] || fail "dist written after a failed build"

# --- A dynamic binary: the first target is fine, the second links with the
# host's cc (dynamic, x86-64): the release stops naming binary, target and
# reason; an earlier release's dist folder is left as it was.
mkdir -p "$WORK/d"
cat >"$WORK/d/main.c" <<'C'
#include <stdio.h>
int main(void) { puts("hi"); return 0; }
C
cat >"$WORK/d/xstatic-release.toml" <<'TOML'
name = "dyn"
targets = ["linux/amd64", "linux/arm64"]
binaries = ["hello"]

[command]
run = ["sh", "-c", "if [ \"$XSTATIC_RELEASE_TARGET\" = linux/arm64 ]; then cc -o hello \"$XSTATIC_SOURCE_DIR/main.c\"; else $CC $CFLAGS $LDFLAGS -o hello \"$XSTATIC_SOURCE_DIR/main.c\"; fi"]
TOML
release_in "$WORK/d" -q --version 0.9.0 --targets linux/amd64 >/dev/null
before=$(cd "$WORK/d/dist" && sha256sum *)
must_fail_code 1 "$WORK/d" --version 1.0.0
cat "$WORK/err"
expect_contains "$(cat "$WORK/err")" "release stopped: hello for linux/arm64 (musl) failed verification"
expect_contains "$(cat "$WORK/err")" "dynamic"
expect_contains "$(cat "$WORK/err")" "[2/2] linux/arm64 (musl): FAILED"
[ "$(cd "$WORK/d/dist" && sha256sum *)" = "$before" ] || fail "the earlier dist folder changed"
if compgen -G "$WORK/d/dist/dyn_1.0.0*" >/dev/null; then fail "a 1.0.0 file reached dist"; fi
if compgen -G "$WORK/d/.dist.tmp-*" >/dev/null; then fail "a staging folder was left behind"; fi
rm -rf "$WORK/d/dist"
must_fail_code 1 "$WORK/d" --version 1.0.0
[ ! -e "$WORK/d/dist" ] || fail "dist written by a release that failed"
# --- Two releases of one project at once: the second waits for the first
# (a lock on the build folder), both succeed, dist holds one whole release.
cp "$WORK/good.toml" "$WORK/p/xstatic-release.toml"
sed -i 's|"linux/amd64"|"linux/amd64", "linux/arm64"|' "$WORK/p/xstatic-release.toml"
release_in "$WORK/p" -q --version 1.0.0 >/dev/null 2>"$WORK/err1" &
first=$!
release_in "$WORK/p" --version 1.0.0 >/dev/null 2>"$WORK/err2" || fail "concurrent release: $(cat "$WORK/err2")"
wait "$first" || fail "concurrent release: $(cat "$WORK/err1")"
(cd "$WORK/p/dist" && sha256sum -c greet_1.0.0_checksums.txt >/dev/null) || fail "dist after concurrent releases"
check_artifacts_json "$WORK/p/dist"
echo "release_errors: ok"
