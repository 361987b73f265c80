#!/usr/bin/env bash
# Makes the seed corpus of one fuzzer in DIR: seeds.sh TARGET DIR.
#   inspect: the inspector suites' binaries (tests/integration/inspect/
#            make_binaries.sh: ELF of every machine/class/endianness, static,
#            static-pie, dynamic; Mach-O thin and universal; PE32+), plus a
#            32-bit big-endian ELF, a 64-bit big-endian ELF with a dynamic
#            section, a 32-bit PE and a WebAssembly module, all from clang-19/lld,
#            and files that only look like binaries (not_binaries.py: zeros, bogus PE).
#   deb, import, args, target, release, sbom, openpgp, debindex, fetch: seeds.py (archives and text).
# Fails loudly; prints nothing on success.
set -euo pipefail
kind=${1:?usage: seeds.sh inspect|deb|import|args|target|release|sbom|openpgp|debindex|fetch DIR}
out=${2:?usage: seeds.sh TARGET DIR}
here=$(cd "$(dirname "$0")" && pwd)
mkdir -p "$out"
if [ "$kind" != inspect ]; then
  exec python3 "$here/seeds.py" "$kind" "$out"
fi
"$here/../integration/inspect/make_binaries.sh" "$out" 2>/dev/null
python3 "$here/../integration/inspect/not_binaries.py" "$out"  # zeros, bogus PE headers
cd "$out"
printf 'int counter = 1;\nvoid _start(void) { for (;;) counter++; }\n' > extra.c
echo 'int tiny(void) { return 42; }' > tiny.c
common=(-Wno-unused-command-line-argument -nostdlib -ffreestanding -fuse-ld=lld -O1)
clang-19 --target=mips-linux-gnu "${common[@]}" -static -fno-pic -no-pie extra.c -o mips-be32-static
clang-19 --target=powerpc64-linux-gnu "${common[@]}" -fPIC -shared tiny.c -o libtiny-ppc64-be64.so
clang-19 --target=powerpc64-linux-gnu "${common[@]}" -fPIE -static-pie extra.c -o ppc64-be64-static-pie
clang-19 --target=wasm32 "${common[@]}" -Wl,--no-entry -Wl,--export-all extra.c -o module.wasm
if command -v i686-w64-mingw32-gcc >/dev/null; then
  printf '#include <stdio.h>\nint main(void){puts("hi");return 0;}\n' > hello32.c
  i686-w64-mingw32-gcc -O1 -s hello32.c -o hello32.exe
fi
rm -f extra.c tiny.c hello32.c
