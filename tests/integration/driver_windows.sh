#!/usr/bin/env bash
# Windows through mingw-w64: a C and a C++ program link with only Windows'
# own DLLs imported (libgcc, libstdc++ and winpthread are linked in).
. "$(dirname "$0")/lib.sh"
need clang-19; need llvm-objdump-19
[ -f /usr/x86_64-w64-mingw32/include/stdio.h ] || skip "mingw-w64 is not installed"
ls /usr/lib/gcc/x86_64-w64-mingw32/*/libgcc.a >/dev/null 2>&1 || skip "gcc-mingw-w64 (libgcc for mingw) is not installed"

printf '#include <stdio.h>\nint main(void) { puts("hello windows"); return 0; }\n' >hello.c
printf '#include <iostream>\n#include <string>\nint main() { std::string s = "hello"; std::cout << s << "\\n"; }\n' >hello.cpp

check_imports() { # file
  dlls=$(llvm-objdump-19 -p "$1" | sed -n 's/.*DLL Name: //p' | tr 'A-Z' 'a-z' | sort -u | tr '\n' ' ')
  for dll in $dlls; do
    case $dll in kernel32.dll | msvcrt.dll | ucrtbase.dll | api-ms-win-*) ;; *) fail "$1 imports $dll (all: $dlls)" ;; esac
  done
  echo "ok: $1 imports only $dlls"
}

"$XSTATIC" cc --target windows/amd64 -O2 hello.c -o hello.exe
file -b hello.exe | grep -q "PE32+ executable (console) x86-64" || fail "hello.exe: $(file -b hello.exe)"
check_imports hello.exe
"$XSTATIC" c++ --target windows/amd64 -O2 hello.cpp -o hellocxx.exe
check_imports hellocxx.exe
