#!/usr/bin/env bash
# Windows through mingw-w64: C and C++ (threads, mutex, condition_variable,
# exceptions, filesystem, iostreams) for windows/amd64 and windows/386 link
# with only Windows' own DLLs imported (libgcc, libstdc++ and winpthread are
# linked in), pass `xstatic verify`, and run under wine through `xstatic run`;
# a C++ DLL holds its runtime too.
. "$(dirname "$0")/lib/common.sh"
need clang-19; need llvm-objdump-19
[ -f /usr/x86_64-w64-mingw32/include/stdio.h ] || skip "mingw-w64 is not installed"
ls /usr/lib/gcc/x86_64-w64-mingw32/*-posix/libstdc++.a >/dev/null 2>&1 ||
  skip "the posix-thread gcc runtime of mingw-w64 is not installed (sudo apt-get install mingw-w64)"
need wine; need wineserver
use_wine

printf '#include <stdio.h>\nint main(void) { puts("hello windows"); return 3; }\n' >hello.c
cp "$SRC/tests/integration/programs/windows_threads.cpp" threads.cpp

check_imports() { # file
  dlls=$(llvm-objdump-19 -p "$1" | sed -n 's/.*DLL Name: //p' | tr 'A-Z' 'a-z' | sort -u | tr '\n' ' ')
  for dll in $dlls; do
    case $dll in kernel32.dll | msvcrt.dll | ucrtbase.dll | api-ms-win-*) ;; *) fail "$1 imports $dll (all: $dlls)" ;; esac
  done
  echo "ok: $1 imports only $dlls"
}

run_exe() { # target exe: its stdout without wine's CRs
  timeout 120 "$XSTATIC" run "$2" | tr -d '\r'
}

for target in windows/amd64 windows/386; do
  arch=${target#windows/}
  "$XSTATIC" cc --target "$target" -O2 hello.c -o "hello-$arch.exe"
  "$XSTATIC" c++ --target "$target" -O2 threads.cpp -o "threads-$arch.exe"
  case $arch in
    amd64) want="PE32+ executable (console) x86-64" ;;
    386) want="PE32 executable (console) Intel 80386" ;;
  esac
  for exe in "hello-$arch.exe" "threads-$arch.exe"; do
    file -b "$exe" | grep -q "$want" || fail "$exe: $(file -b "$exe")"
    check_imports "$exe"
    "$XSTATIC" verify "$exe" --target "$target" --static || fail "xstatic verify refused $exe"
  done
  echo "ok: $target C++ with threads: $(stat -c %s "threads-$arch.exe") bytes"
  if ! wine_runs "$target"; then
    echo "note: not running $target programs: wine cannot run them here (windows/386 needs wine32:i386)"
    continue
  fi
  rc=0
  out=$(run_exe "$target" "hello-$arch.exe") || rc=$?
  [ "$out" = "hello windows" ] || fail "hello-$arch.exe under wine printed: $out"
  rc=0; timeout 60 "$XSTATIC" run "hello-$arch.exe" >/dev/null || rc=$?
  [ "$rc" = 3 ] || fail "hello-$arch.exe exited $rc under xstatic run, not 3"
  out=$(run_exe "$target" "threads-$arch.exe")
  [ "$out" = "$(printf 'threads 10\ncaught boom\nfilesystem 1')" ] || fail "threads-$arch.exe under wine printed: $out"
  echo "ok: $target programs ran under wine (output and exit status intact)"
done

# A C++ DLL carries libgcc, libstdc++ and winpthreads inside too (-shared
# -static): it imports only Windows' DLLs, and a program loads it and calls it
# (an exception thrown and caught inside the DLL) under wine.
cat >plugin.cpp <<'CPP'
#include <cstring>
#include <stdexcept>
#include <string>
extern "C" __declspec(dllexport) int twice_len(const char* s) {
  try {
    throw std::runtime_error(std::string(s) + s);
  } catch (const std::exception& e) {
    return static_cast<int>(std::strlen(e.what()));
  }
}
CPP
cat >loader.c <<'C'
#include <stdio.h>
#include <windows.h>
int main(void) {
  HMODULE dll = LoadLibraryA("plugin.dll");
  if (!dll) { puts("no plugin.dll"); return 1; }
  int (*twice_len)(const char*) = (int (*)(const char*))(void (*)(void))GetProcAddress(dll, "twice_len");
  printf("dll %d\n", twice_len ? twice_len("abc") : -1);
  return 0;
}
C
for target in windows/amd64 windows/386; do
  arch=${target#windows/}
  mkdir -p "dll-$arch"
  "$XSTATIC" c++ --target "$target" -O2 -shared plugin.cpp -o "dll-$arch/plugin.dll"
  "$XSTATIC" cc --target "$target" -O2 loader.c -o "dll-$arch/loader.exe"
  check_imports "dll-$arch/plugin.dll"
  wine_runs "$target" || continue
  out=$(cd "dll-$arch" && run_exe "$target" loader.exe)
  [ "$out" = "dll 6" ] || fail "loader.exe ($target) with plugin.dll printed: $out"
  echo "ok: $target C++ DLL with its runtime inside, loaded and called under wine"
done

# A .exe names its target itself; a non-Windows, non-ELF file is refused.
echo 'not a program' >notes.txt
must_fail "$XSTATIC" run notes.txt
expect_contains "$(cat err)" "notes.txt"
