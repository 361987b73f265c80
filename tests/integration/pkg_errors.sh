# Bad input to `xstatic pkg` gets a clear error and loses nothing: an
# unknown package suggests the recipe (exit 2), a target a recipe does not
# build for says so (exit 2), a missing sysroot prints the command that
# installs it (exit 3), and a failed build exits 1, names the log it kept,
# installs nothing and builds nothing that needs it.
. "$(dirname "$0")/lib/common.sh"
. "$SRC/tests/integration/lib/pkg.sh"
need make

code() { local rc=0; "$@" >/dev/null 2>"$WORK/err" || rc=$?; echo "$rc"; }

[ "$(code "$XSTATIC" pkg install linux/amd64 libssl-dev)" = 2 ] || fail "an unknown package is not exit 2"
expect_contains "$(cat "$WORK/err")" "did you mean 'openssl'"
[ "$(code "$XSTATIC" pkg install linux/amd64 libcurl)" = 2 ] || fail "libcurl is not exit 2"
expect_contains "$(cat "$WORK/err")" "did you mean 'curl'"
[ "$(code "$XSTATIC" pkg install linux/amd64 zzzzzzzzzz)" = 2 ] || fail "nonsense is not exit 2"
expect_contains "$(cat "$WORK/err")" "xstatic pkg recipes"
[ "$(code "$XSTATIC" pkg install darwin/arm64 openssl)" = 2 ] || fail "an unsupported target is not exit 2"
expect_contains "$(cat "$WORK/err")" "does not build for"
[ "$(code "$XSTATIC" pkg install linux/bogus zlib)" = 2 ] || fail "an unknown target is not exit 2"
[ "$(code "$XSTATIC" pkg remove linux/amd64 nothing-installed)" = 2 ] || fail "removing what is not there is not exit 2"

# Found by trying to break `pkg` (issue 23's hunt): `export -o` a folder,
# an unknown compression (the error named xstatic's temporary file), a path
# that cannot be written (the temporary prefix was doubled), a negative -j.
mkdir -p "$WORK/exports"
if "$XSTATIC" pkg list linux/arm64 --json | grep -q '"name"'; then
  [ "$(code "$XSTATIC" pkg export linux/arm64 -o "$WORK/exports")" = 2 ] || fail "export -o FOLDER is not exit 2"
  expect_contains "$(cat "$WORK/err")" "$WORK/exports is a folder"
  [ "$(code "$XSTATIC" pkg export linux/arm64 -o "$WORK/exports/p.tar.bogus")" = 2 ] || fail "export -o x.bogus is not exit 2"
  expect_contains "$(cat "$WORK/err")" "cannot tell the compression of $WORK/exports/p.tar.bogus"
  [ "$(code "$XSTATIC" pkg export linux/arm64 -o /proc/p.tar.zst)" = 2 ] || fail "export -o /proc/... is not exit 2"
  case "$(cat "$WORK/err")" in *.tmp-*.tmp-*) fail "the temporary prefix is doubled: $(cat "$WORK/err")" ;; esac
  [ -z "$(ls -A "$WORK/exports")" ] || fail "refused exports left files: $(ls -A "$WORK/exports")"
else
  echo "note: no packages built for linux/arm64 in the test store yet: the export cases are skipped"
fi
[ "$(code "$XSTATIC" pkg install linux/arm64 zlib -j -1)" = 2 ] || fail "-j -1 is not exit 2"

# No sysroot in this store: exit 3 and the command that installs it.
[ "$(code "$XSTATIC" --store "$WORK/empty" pkg install linux/arm64 zlib)" = 3 ] || fail "a missing sysroot is not exit 3"
expect_contains "$(cat "$WORK/err")" "xstatic sysroot install linux/arm64"
[ ! -d "$WORK/empty/pkg" ] || fail "a refused install wrote into the store"

# A build that fails (a clang that compiles nothing): exit 1, the log kept and
# named, nothing installed, nothing that needs it built.
need_sysroot linux/amd64 || fail "cannot install the amd64 sysroot"
store=$WORK/s
"$XSTATIC" -q sysroot export linux/amd64 -o sysroot.tar.zst
"$XSTATIC" -q --store "$store" sysroot import sysroot.tar.zst >/dev/null
if [ -d "$XSTATIC_HOME/src/pkg" ]; then mkdir -p "$store/src" && cp -r "$XSTATIC_HOME/src/pkg" "$store/src/"; fi
mkdir bad
cat >bad/clang-19 <<'SH'
#!/bin/sh
case "$*" in *-dumpversion*|*--version*|*-print-*) exec /usr/bin/clang-19 "$@" ;; esac
echo "clang-19: error: this clang compiles nothing (an injected failure)" >&2
exit 1
SH
chmod +x bad/clang-19
rc=0
XSTATIC_CLANG=$WORK/bad/clang-19 "$XSTATIC" --store "$store" pkg install linux/amd64 curl \
  >out 2>"$WORK/err" || rc=$?
[ "$rc" = 1 ] || fail "a failed build exited $rc, not 1: $(cat "$WORK/err")"
expect_contains "$(cat "$WORK/err")" "build log: $store/logs/pkg-amd64-musl-"
log=$(grep -o "build log: [^;]*\.log" "$WORK/err" | head -1 | cut -d' ' -f3)
[ -s "$log" ] || fail "the build log $log was not kept"
grep -q "injected failure" "$log" || fail "the kept log does not hold the compiler's error"
[ "$("$XSTATIC" --store "$store" pkg list --json)" = "[]" ] || fail "a failed build installed something"
[ -z "$(ls -A "$store/pkg/amd64-musl" 2>/dev/null)" ] || fail "a failed build left files: $(ls -A "$store/pkg/amd64-musl")"
# Once apt's source lists are there (a store that downloaded a source
# package), an unknown name that Debian has as a source package says so.
store=$WORK/s2
"$XSTATIC" -q --store "$store" sysroot import sysroot.tar.zst >/dev/null
"$XSTATIC" -q --store "$store" pkg install linux/amd64 zlib >/dev/null 2>&1 || fail "zlib in a fresh store failed"
[ -d "$store/apt/source/lists" ] || fail "the download left no apt lists in $store"
[ "$(code "$XSTATIC" --store "$store" pkg install linux/amd64 jansson)" = 2 ] || fail "jansson (no recipe) is not exit 2"
expect_contains "$(cat "$WORK/err")" "Debian has a source package 'jansson'"
echo "ok: unknown names, unsupported targets, a missing sysroot and a failed build"
