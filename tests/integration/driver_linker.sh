#!/usr/bin/env bash
# Calls that may link or ask about the linker name lld, never the host's GNU
# ld (Meson's `cc -Wl,--version`, libtool's `cc -print-prog-name=ld`), even
# with only the system folders on PATH; and a static link drops -rdynamic and
# -Wl,-E, which have nothing to export to there, so -Werror builds pass.
. "$(dirname "$0")/lib/common.sh"
. "$SRC/tests/integration/lib/driver.sh"
need clang-19
need qemu-aarch64-static
driver_sysroot linux/arm64 musl
"$XSTATIC" -q toolchain cmake linux/arm64 -o /dev/null  # makes the store's links folder
cc=$XSTATIC_HOME/bin/aarch64-linux-musl-cc
sys() { PATH=/usr/bin:/bin "$@"; }

# Meson's linker probe: no input, -Wl,--version.
out=$(sys "$cc" -Wl,--version 2>&1) || fail "cc -Wl,--version failed: $out"
expect_contains "$out" "LLD"
# libtool's: the answer is run as $LD.
ld=$(sys "$cc" -print-prog-name=ld) || fail "-print-prog-name=ld failed"
case $ld in /*ld.lld*) ;; *) fail "-print-prog-name=ld printed '$ld', not lld's path" ;; esac
expect_contains "$(sys "$ld" -v 2>&1)" "compatible with GNU linkers"
# ...unless the user picked another linker: then clang answers.
[ "$(sys "$cc" -fuse-ld=bfd -print-prog-name=ld)" != "$ld" ] || fail "-fuse-ld=bfd still got lld's path"
# -v and the other no-input probes carry -fuse-ld=lld.
expect_contains "$(sys "$cc" --print-command -v 2>&1)" "-fuse-ld=lld"
echo "ok: no-input calls name lld"

printf '#include <stdio.h>\nint main(void) { puts("exported"); return 0; }\n' >main.c
# -rdynamic / -Wl,-E under -Werror: a static link passes and stays static.
for flag in -rdynamic -Wl,-E -Wl,--export-dynamic -Wl,-z,now,-E; do
  out=$("$cc" -Werror "$flag" main.c -o app --print-command 2>&1) || fail "$flag under -Werror failed: $out"
  case $out in *rdynamic* | *-Wl,-E* | *export-dynamic*) fail "$flag reached clang: $out" ;; esac
  "$XSTATIC" verify app --target linux/arm64 --static >/dev/null || fail "$flag: app is not static"
  [ "$(qemu-aarch64-static ./app)" = exported ] || fail "$flag: app does not run"
done
expect_contains "$("$cc" -Wl,-z,now,-E main.c -o app --print-command 2>&1)" " -Wl,-z,now "
# A shared library keeps them.
expect_contains "$("$cc" -shared -fPIC -rdynamic main.c -o lib.so --print-command 2>&1)" " -rdynamic"
echo "ok: -rdynamic and -Wl,-E dropped from static links only"
echo "PASS: driver_linker"
