#!/usr/bin/env bash
# Split debug info for Windows (docs/release.md "Windows"): a windows/amd64
# release ships a stripped .exe with a .gnu_debuglink, and its DWARF in
# NAME_VERSION_windows_amd64.debug.tar.gz as hello.exe.debug; gdb, given the
# two side by side, finds main's source line through the link.
. "$(dirname "$0")/lib/common.sh"
. "$SRC/tests/integration/lib/release.sh"
need python3
need llvm-objdump-19
have_mingw || skip "mingw-w64 is not installed (gcc-mingw-w64-x86-64)"

mkdir p
cat >p/hello.c <<'C'
#include <stdio.h>
int main(void) {
  puts("hello");
  return 0;
}
C
cat >p/xstatic-release.toml <<'TOML'
name = "hello"
targets = ["windows/amd64"]
binaries = ["hello"]

[command]
run = ["sh", "-c", "$CC $CFLAGS $LDFLAGS \"$XSTATIC_SOURCE_DIR/hello.c\" -o hello.exe"]
TOML
(cd p && "$XSTATIC" -q release --version 1.0.0 >/dev/null)
dist=p/dist
[ -f "$dist/hello_1.0.0_windows_amd64.debug.tar.gz" ] || fail "no debug archive for windows/amd64: $(ls "$dist")"
[ "$(tar tzf "$dist/hello_1.0.0_windows_amd64.debug.tar.gz")" = "hello.exe.debug" ] ||
  fail "the debug archive holds $(tar tzf "$dist/hello_1.0.0_windows_amd64.debug.tar.gz")"
grep -q '"kind": "debug-archive"' "$dist/artifacts.json" || fail "artifacts.json lists no debug-archive"
mkdir x
python3 -c "import sys,zipfile; zipfile.ZipFile(sys.argv[1]).extractall(sys.argv[2])" "$dist/hello_1.0.0_windows_amd64.zip" x
tar xzf "$dist/hello_1.0.0_windows_amd64.debug.tar.gz" -C x
"$XSTATIC" verify --target windows/amd64 --static --stripped x/hello.exe >/dev/null || fail "the shipped .exe is not stripped"
sections=$(llvm-objdump-19 -h x/hello.exe)
expect_contains "$sections" ".gnu_debuglink"
case $sections in *.debug_info*) fail "the shipped .exe still has .debug_info" ;; esac
expect_contains "$(llvm-objdump-19 -h x/hello.exe.debug)" ".debug_info"
if command -v gdb >/dev/null; then
  line=$(cd x && gdb -nx -batch -ex 'info line main' hello.exe 2>&1)
  expect_contains "$line" 'of "'
  expect_contains "$line" 'hello.c"'
  echo "ok: gdb: $line"
fi
echo "ok: windows/amd64: stripped hello.exe + hello.exe.debug"
