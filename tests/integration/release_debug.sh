#!/usr/bin/env bash
# Split debug info: the shipped binary is stripped and carries a
# .gnu_debuglink; the debug archive holds .build-id/ab/cdef....debug whose
# build-id is the binary's; llvm-symbolizer turns an address inside greet()
# of the stripped binary into "greet" and greet.c's line, for amd64 and arm64.
. "$(dirname "$0")/lib/common.sh"
. "$SRC/tests/integration/lib/release.sh"
need make
SYMBOLIZER=$(command -v llvm-symbolizer-19 || command -v llvm-symbolizer) || skip "llvm-symbolizer is not installed"
READELF=$(command -v llvm-readelf-19 || command -v llvm-readelf) || skip "llvm-readelf is not installed"
NM=$(command -v llvm-nm-19 || command -v llvm-nm) || skip "llvm-nm is not installed"
need_sysroot linux/amd64
need_sysroot linux/arm64

release_project make "$WORK/p" "$REL_TARGETS_LINUX"
(cd "$WORK/p" && "$XSTATIC" -q release --version 1.0.0 >/dev/null)
line=$(grep -n '^int greet' "$WORK/p/src/greet.c" | cut -d: -f1)

for arch in amd64 arm64; do
  x=$WORK/x-$arch
  mkdir -p "$x"
  tar xzf "$WORK/p/dist/greet_1.0.0_linux_${arch}.tar.gz" -C "$x"
  tar xzf "$WORK/p/dist/greet_1.0.0_linux_${arch}.debug.tar.gz" -C "$x"

  id=$("$READELF" -n "$x/app" | awk '/Build ID:/ {print $3}')
  [ ${#id} -ge 16 ] || fail "linux/$arch: no build-id in the shipped binary"
  debug=$x/.build-id/${id:0:2}/${id:2}.debug
  [ -f "$debug" ] || fail "linux/$arch: $debug is not in the debug archive: $(cd "$x" && find .build-id)"
  [ "$("$READELF" -n "$debug" | awk '/Build ID:/ {print $3}')" = "$id" ] || fail "linux/$arch: build-ids differ"

  sections=$("$READELF" -S "$x/app")
  debug_sections=$("$READELF" -S "$debug")
  expect_contains "$sections" ".gnu_debuglink"
  link=$("$READELF" -p .gnu_debuglink "$x/app" | awk '/\]/ {print $3; exit}')
  [ "$link" = "${id:2}.debug" ] || fail "linux/$arch: debuglink names '$link'"
  case "$sections" in *.debug_info* | *.symtab*) fail "linux/$arch: shipped binary is not stripped" ;; esac
  expect_contains "$debug_sections" ".debug_info"

  # An address inside greet(), as a crash report from the shipped binary would give it.
  addr=$("$NM" "$debug" | awk '$3 == "greet" {print $1}')
  [ -n "$addr" ] || fail "linux/$arch: greet is not in the debug file's symbols"
  addr=$(printf '0x%x' $((16#$addr + 4)))
  out=$("$SYMBOLIZER" --debug-file-directory="$x" --obj="$x/app" "$addr")
  echo "linux/$arch $addr -> $(echo "$out" | tr '\n' ' ')"
  expect_contains "$out" "greet"
  expect_contains "$out" "src/greet.c:$line"
  # Without the debug file the stripped binary tells nothing.
  bare=$("$SYMBOLIZER" --obj="$x/app" "$addr")
  expect_contains "$bare" "??"
done
echo "release_debug: ok"
