# The package cache: a second install is a no-op; four concurrent first
# installs build once; a SIGKILLed build leaves nothing listed and the next
# install finishes it; an export carried to a fresh store links without
# building, and a truncated or altered export is refused with nothing
# installed. zlib for linux/amd64 (seconds a build), in stores of the suite's own.
. "$(dirname "$0")/lib/common.sh"
. "$SRC/tests/integration/lib/pkg.sh"
need make
need zstd
t=linux/amd64
need_sysroot "$t" || fail "cannot install the sysroot for $t"
"$XSTATIC" -q sysroot export "$t" -o sysroot.tar.zst || fail "sysroot export failed"

fresh_store() { # dir: a store with the amd64 sysroot and the test store's package and mimalloc sources
  "$XSTATIC" -q --store "$1" sysroot import sysroot.tar.zst >/dev/null || fail "sysroot import into $1 failed"
  mkdir -p "$1/src"
  for s in "$XSTATIC_HOME"/src/pkg "$XSTATIC_HOME"/src/mimalloc*; do [ -e "$s" ] && cp -r "$s" "$1/src/"; done
  return 0
}
xs() { "$XSTATIC" --store "$store" "$@"; }

# Four concurrent first installs: one builds, three wait and find it built.
store=$WORK/s1
fresh_store "$store"
for i in 1 2 3 4; do (xs pkg install "$t" zlib >"out$i" 2>"err$i"; echo $? >"rc$i") & done
wait
for i in 1 2 3 4; do [ "$(cat "rc$i")" = 0 ] || fail "concurrent install $i failed: $(cat "err$i")"; done
built=$(awk '/ built: / && !/already built/ { n++ } END { print n + 0 }' out1 out2 out3 out4)
already=$(awk '/ already built: / { n++ } END { print n + 0 }' out1 out2 out3 out4)
[ "$built" = 1 ] && [ "$already" = 3 ] || fail "4 concurrent installs built $built times ($already found it built)"
# A second install does nothing.
out=$(xs pkg install "$t" zlib) || fail "second install failed"
expect_contains "$out" "zlib 1:1.2.13"
expect_contains "$out" "already built"
expect_no_leftovers "$store/pkg/amd64-musl" '^\.' "temporary folders left"

# Linked without flags: headers and -lz from the package.
XSTATIC_HOME=$store pkg_build "$t" zlib z1 -lz
./z1 | grep -q "zlib 1.2.13 ok" || fail "the zlib program does not run"

# A SIGKILL in the middle of a build: nothing listed, the next install builds it.
store=$WORK/s2
fresh_store "$store"
setsid "$XSTATIC" --store "$store" pkg install "$t" zlib >kill.log 2>&1 &
pid=$!
for _ in $(seq 300); do
  ls -d "$store"/pkg/amd64-musl/.tmp-zlib-*/src/zlib.h >/dev/null 2>&1 && break
  sleep 0.05
done
ls -d "$store"/pkg/amd64-musl/.tmp-zlib-* >/dev/null 2>&1 || fail "the build never started: $(cat kill.log)"
kill -KILL -- "-$pid"
wait "$pid" 2>/dev/null || [ $? = 137 ] || fail "the killed build ended otherwise: $(cat kill.log)"
[ "$(xs pkg list "$t" --json)" = "[]" ] || fail "a killed build is listed: $(xs pkg list "$t")"
out=$(XSTATIC_HOME=$store "$XSTATIC" cc --target "$t" "$PKG_PROGRAMS/zlib.c" -o nope 2>&1) &&
  fail "a killed build's headers were used: $out"
xs -q pkg install "$t" zlib >/dev/null || fail "the install after the kill failed"
expect_no_leftovers "$store/pkg/amd64-musl" '^\.' "the killed build's folder is left"

# Export, then import into a fresh store: links at once, nothing built or downloaded.
xs -q pkg export "$t" -o pkgs.tar.zst || fail "pkg export failed"
ls -A | grep -q '^\.tmp' && fail "the export left a temporary file"
store=$WORK/s3
"$XSTATIC" -q --store "$store" sysroot import sysroot.tar.zst >/dev/null || fail "sysroot import failed"
out=$(xs pkg import pkgs.tar.zst) || fail "pkg import failed: $out"
expect_contains "$out" "imported amd64-musl/zlib"
[ ! -d "$store/src/pkg" ] || fail "the import downloaded sources"
XSTATIC_HOME=$store "$XSTATIC" cc --target "$t" "$PKG_PROGRAMS/zlib.c" -lz -o z3 || fail "link after import failed"
./z3 | grep -q "ok" || fail "the program linked after import does not run"
out=$(xs pkg import pkgs.tar.zst) || fail "a second import failed"
expect_contains "$out" "already present, kept"

# Damaged exports are refused (exit 2) and install nothing.
zstd -dqf pkgs.tar.zst -o pkgs.tar
size=$(stat -c %s pkgs.tar)
for cut in $((size / 3)) $((size * 2 / 3)) $((size - 2048)); do
  head -c "$cut" pkgs.tar >cut.tar
  store=$WORK/cut-$cut
  rc=0
  xs pkg import cut.tar >/dev/null 2>"$WORK/err" || rc=$?
  [ "$rc" = 2 ] || fail "an archive cut at $cut of $size bytes: exit $rc, not 2: $(cat "$WORK/err")"
  [ "$(xs pkg list --json)" = "[]" ] || fail "an archive cut at $cut installed something"
done
# One byte of libz.a changed: its digest no longer matches.
mkdir x && tar -xf pkgs.tar -C x
printf 'X' | dd of=x/amd64-musl/zlib/lib/libz.a bs=1 seek=200 conv=notrunc 2>/dev/null
tar -cf altered.tar -C x xstatic-pkg.json amd64-musl
store=$WORK/altered
must_fail xs pkg import altered.tar
expect_contains "$(cat "$WORK/err")" "does not match its digest"
[ "$(xs pkg list --json)" = "[]" ] || fail "an altered archive installed something"
echo "ok: concurrent installs, a kill, export/import and damaged archives"
