#!/usr/bin/env bash
# Windows through build systems: examples/windows-resource (a C program with
# a .rc version resource) through CMake and the file of `xstatic toolchain
# cmake windows/amd64`: CMAKE_RC_COMPILER is <triple>-windres (llvm-windres),
# the .exe is static and verified, and ctest runs it under wine through
# CMAKE_CROSSCOMPILING_EMULATOR (`xstatic run`). The same through Meson (the
# cross file's windres and exe_wrapper). install-links makes <triple>-windres.
. "$(dirname "$0")/lib/common.sh"
need cmake; need clang-19; need llvm-windres-19
[ -f /usr/x86_64-w64-mingw32/include/winver.h ] || skip "mingw-w64 is not installed"
need wine; need wineserver
wine_runs windows/amd64 || skip "wine64 is not installed (sudo apt-get install wine wine64)"
use_wine
t=windows/amd64

"$XSTATIC" -q toolchain cmake "$t" -o win.cmake
grep -q 'CMAKE_RC_COMPILER ".*/x86_64-w64-mingw32-windres"' win.cmake || fail "no CMAKE_RC_COMPILER: $(cat win.cmake)"
grep -q 'CMAKE_CROSSCOMPILING_EMULATOR ".*;run;--"' win.cmake || fail "no wine emulator: $(cat win.cmake)"

gen=()
command -v ninja >/dev/null && gen=(-G Ninja)
cmake "${gen[@]}" -S "$SRC/examples/windows-resource" -B build -DCMAKE_TOOLCHAIN_FILE="$WORK/win.cmake" \
  -DCMAKE_BUILD_TYPE=Release >configure.log 2>&1 || fail "configure failed: $(cat configure.log)"
cmake --build build >build.log 2>&1 || fail "build failed: $(cat build.log)"
"$XSTATIC" verify build/winres.exe --target "$t" --static || fail "winres.exe does not verify static"
llvm-objdump-19 -h build/winres.exe | grep -q '\.rsrc' || fail "winres.exe has no .rsrc section"
timeout 300 ctest --test-dir build --output-on-failure >ctest.log 2>&1 || fail "ctest failed: $(cat ctest.log)"
expect_contains "$(cat ctest.log)" "100% tests passed"
out=$(timeout 60 "$XSTATIC" run build/winres.exe | tr -d '\r')
[ "$out" = "version 1.2.3.4" ] || fail "winres.exe printed: $out"
echo "ok: CMake built a .rc resource into a static .exe ($(stat -c %s build/winres.exe) bytes); ctest ran it under wine"

"$XSTATIC" -q toolchain meson "$t" -o win.ini
grep -q "^windres = '.*/x86_64-w64-mingw32-windres'" win.ini || fail "meson file has no windres: $(cat win.ini)"
grep -q "^exe_wrapper = \[.*'run', '--'\]" win.ini || fail "meson file has no wine exe_wrapper: $(cat win.ini)"
if command -v meson >/dev/null && command -v ninja >/dev/null; then
  # Meson: windows.compile_resources() through the file's windres, `meson test` through its exe_wrapper.
  meson setup mbuild "$SRC/examples/windows-resource" --cross-file "$WORK/win.ini" >msetup.log 2>&1 ||
    fail "meson setup failed: $(cat msetup.log)"
  meson compile -C mbuild >mbuild.log 2>&1 || fail "meson compile failed: $(cat mbuild.log)"
  "$XSTATIC" verify mbuild/winres.exe --target "$t" --static || fail "meson's winres.exe does not verify static"
  timeout 300 meson test -C mbuild >mtest.log 2>&1 || fail "meson test failed: $(cat mtest.log mbuild/meson-logs/testlog.txt)"
  expect_contains "$(cat mtest.log)" "Ok:                 1"
  echo "ok: Meson built the .rc resource into a static .exe; meson test ran it under wine"
else
  echo "note: meson or ninja is not installed: the Meson build is not tried"
fi

"$XSTATIC" install-links links "$t" windows/386 >/dev/null
for name in x86_64-w64-mingw32-windres i686-w64-mingw32-windres windows-amd64-windres; do
  [ -L "links/$name" ] || fail "install-links made no $name"
done
links/i686-w64-mingw32-windres "$SRC/examples/windows-resource/version.rc" -o v386.o
file -b v386.o | grep -q "80386 COFF" || fail "i686 windres wrote: $(file -b v386.o)"
echo "PASS: integrate_windows"
