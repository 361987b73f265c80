#!/usr/bin/env bash
# Builds the inspector's test binaries into DIR (shared by the inspect_*
# suites and the fuzzer's seed corpus): real files from clang-19 + lld of
# every ELF machine/class/endianness we target, a mingw-w64 PE, Mach-O
# objects/executables/dylibs (ld64.lld with a hand-written libSystem .tbd
# stub, no macOS SDK needed), a universal binary, and /bin/ls.
# Cross targets have no sysroot here, so the programs are -nostdlib with their
# own _start: enough to get the headers, segments and dynamic sections of a
# real link. Prints nothing; fails loudly.
set -euo pipefail
out=${1:?usage: make_binaries.sh DIR}
mkdir -p "$out"
cd "$out"
cc=clang-19

cat > start.c <<'C'
extern int tiny(void);
const char message[] = "hello from xstatic's inspector tests";
int counter = 1;
#ifdef DYNAMIC
int use(void) { return tiny(); }
#endif
void _start(void) { for (;;) counter++; }
C
echo 'int tiny(void) { return 42; }' > tiny.c

# triple:name for every ELF target row with a distinct machine/class/endianness.
for spec in x86_64-linux-gnu:amd64 aarch64-linux-gnu:arm64 armv7-linux-gnueabihf:arm \
            i686-linux-gnu:386 s390x-linux-gnu:s390x powerpc64le-linux-gnu:ppc64le; do
  triple=${spec%%:*}
  name=${spec##*:}
  flags=(--target="$triple" -Wno-unused-command-line-argument -nostdlib -ffreestanding -fuse-ld=lld -O1)
  $cc "${flags[@]}" -g -static -fno-pic -no-pie start.c -o "$name-static"
  $cc "${flags[@]}" -s -static -fno-pic -no-pie start.c -o "$name-static-stripped"
  $cc "${flags[@]}" -fPIE -static-pie start.c -o "$name-static-pie"
  $cc "${flags[@]}" -s -fPIE -static-pie start.c -o "$name-static-pie-stripped"
  $cc "${flags[@]}" -fPIC -shared -Wl,-soname,libtiny.so tiny.c -o "libtiny-$name.so"
  ln -sf "libtiny-$name.so" libtiny.so
  $cc "${flags[@]}" -DDYNAMIC -fPIE -pie start.c -L. -ltiny -Wl,--dynamic-linker=/lib/ld-tiny.so.1 \
      -Wl,-rpath,/opt/tiny/lib:/opt/more -o "$name-dynamic"
  $cc "${flags[@]}" -DDYNAMIC -s -fno-pic -no-pie start.c -L. -ltiny -Wl,--dynamic-linker=/lib/ld-tiny.so.1 \
      -Wl,--disable-new-dtags -Wl,-rpath,/opt/old -o "$name-dynamic-exec-stripped"
  rm -f libtiny.so
  $cc "${flags[@]}" -c start.c -o "$name.o"
done

# Hazards: an executable stack and text relocations (an absolute address in .text).
$cc --target=x86_64-linux-gnu -nostdlib -fuse-ld=lld -static -Wl,-z,execstack start.c -o amd64-execstack
printf '.data\nvar: .quad 0\n.text\n.globl f\nf: movabsq $var, %%rax\nret\n' > textrel.s
$cc --target=x86_64-linux-gnu -nostdlib -fuse-ld=lld -shared -Wl,-z,notext textrel.s -o libtextrel.so

# Static glibc (the host's libc.a): a plain program, and one using NSS, stripped or not.
if [ -f /usr/lib/x86_64-linux-gnu/libc.a ]; then
  printf '#include <stdio.h>\nint main(void){puts("hi");return 0;}\n' > glibc.c
  printf '#include <pwd.h>\n#include <stdio.h>\nint main(void){printf("%%p\\n",(void*)getpwnam("root"));return 0;}\n' > nss.c
  $cc -O1 -static -fuse-ld=lld glibc.c -o glibc-static 2>/dev/null
  $cc -O1 -static -fuse-ld=lld nss.c -o glibc-nss-static 2>/dev/null
  $cc -O1 -static -fuse-ld=lld -s nss.c -o glibc-nss-static-stripped 2>/dev/null
fi

# Windows: a console program importing only system DLLs, one that needs the
# MinGW C++ runtime DLLs, and one that delay-loads USER32.
if command -v x86_64-w64-mingw32-gcc >/dev/null; then
  printf '#include <stdio.h>\nint main(void){puts("hi");return 0;}\n' > hello.c
  x86_64-w64-mingw32-gcc -O1 hello.c -o hello.exe
  x86_64-w64-mingw32-gcc -O1 -s hello.c -o hello-stripped.exe
  printf '#include <iostream>\nint main(){std::cout<<"hi"<<std::endl;}\n' > hello.cpp
  x86_64-w64-mingw32-g++ -O1 -shared-libgcc hello.cpp -o hello-cxx-dynamic.exe
  # lld-link delay-loads only from LLVM-style import libraries (mingw's are GNU-style),
  # mingw keeps __delayLoadHelper2 in libmingwex, and an entry not named main avoids __main.
  printf '#include <windows.h>\nint start(void){return MessageBeep(0) ? 0 : 1;}\n' > beep.c
  printf 'LIBRARY USER32.dll\nEXPORTS\nMessageBeep\n' > user32.def
  llvm-dlltool-19 -d user32.def -l user32.lib -m i386:x86-64
  $cc --target=x86_64-w64-mingw32 -O1 -c beep.c -o beep.obj
  mingw=/usr/x86_64-w64-mingw32/lib
  lld-link-19 -lldmingw /out:delay.exe /entry:start /subsystem:console beep.obj "$mingw/libkernel32.a" \
      user32.lib "$mingw/libmingwex.a" "$mingw/libmsvcrt.a" /delayload:USER32.dll \
      /alternatename:__image_base__=__ImageBase
fi

# Mach-O: an object, and executables/dylibs linked against .tbd stubs.
stub() { # install-name arch... > file.tbd
  local install=$1; shift
  local targets; targets=$(printf '%s-macos, ' "$@"); targets=${targets%, }
  printf -- "--- !tapi-tbd\ntbd-version: 4\ntargets: [ %s ]\ninstall-name: '%s'\nexports:\n  - targets: [ %s ]\n    symbols: [ _puts, _foo, dyld_stub_binder ]\n...\n" \
    "$targets" "$install" "$targets"
}
stub /usr/lib/libSystem.B.dylib arm64 x86_64 > libSystem.tbd
stub /usr/local/lib/libfoo.dylib arm64 x86_64 > libfoo.tbd
printf 'int puts(const char*);\nint main(void){return puts("hi");}\n' > mac.c
printf 'int puts(const char*); int foo(void);\nint main(void){puts("hi");return foo();}\n' > macdyn.c
for arch in arm64 x86_64; do
  $cc --target=$arch-apple-macos11 -O1 -c mac.c -o mac-$arch.o
  $cc --target=$arch-apple-macos11 -O1 -c macdyn.c -o macdyn-$arch.o
  ld64.lld-19 -arch $arch -platform_version macos 11.0 11.0 -e _main mac-$arch.o libSystem.tbd -o mac-$arch
  ld64.lld-19 -arch $arch -platform_version macos 11.0 11.0 -e _main macdyn-$arch.o libSystem.tbd \
      libfoo.tbd -rpath @executable_path/../lib -o macdyn-$arch
  ld64.lld-19 -arch $arch -platform_version macos 11.0 11.0 -dylib -install_name @rpath/libmac.dylib \
      mac-$arch.o libSystem.tbd -o libmac-$arch.dylib
done
# The weak and re-export forms of LC_LOAD_DYLIB (ld64.lld has no lazy/upward ones).
$cc --target=arm64-apple-macos11 -O1 -c macdyn.c -o forms.o
ld64.lld-19 -arch arm64 -platform_version macos 11.0 11.0 -e _main forms.o libSystem.tbd -weak_library libfoo.tbd \
    -o macweak-arm64
ld64.lld-19 -arch arm64 -platform_version macos 11.0 11.0 -dylib forms.o libSystem.tbd -reexport_library libfoo.tbd \
    -o libreexport-arm64.dylib
rm -f forms.o
llvm-lipo-19 -create mac-arm64 mac-x86_64 -output mac-universal
llvm-lipo-19 -create macdyn-arm64 macdyn-x86_64 -output macdyn-universal

cp /bin/ls ls
rm -f ./*.c ./*.cpp ./*.s ./*.tbd ./*.obj ./*.def ./*.lib
