#!/usr/bin/env bash
# glibc floors and --link=libc-dynamic (docs/glibc.md): a C program built for
# linux/amd64 with floor 2.31 (zig's spelling x86_64-linux-gnu.2.31) runs in
# a Debian bullseye root (mmdebstrap, chroot); for arm64 under
# qemu-aarch64-static with the floor sysroot as its root (-L); close_range
# (glibc 2.34) does not compile at 2.31 and, linked against bookworm's
# glibc, fails `verify --max-glibc 2.31` naming close_range@GLIBC_2.34 (the
# driver refuses that link too); a C++ program has no libstdc++ or libgcc_s
# in NEEDED; floors Debian has no release for, floors on musl and
# libc-dynamic on musl are usage errors (exit 2); a missing floor sysroot
# names its install command; `sysroot add --glibc 2.31 zlib1g-dev` takes
# bullseye's zlib (1.2.11), which links static into a 2.31 program.
#
# Cost: the first run installs two floor sysroots (bullseye's packages for
# amd64 and arm64: 13 s and 58 MB for amd64, 51 MB for arm64) and builds a
# bullseye root with mmdebstrap once (81 s and 136 MB here; cached in the test
# store under test-cache/, bounded by a 600 s timeout): 142 s in all on a busy
# machine. Warm, the suite takes about 9 s, plus 12 s for `sysroot add`
# (bullseye's apt index refreshed in the suite's copy of the store, one .deb).
. "$(dirname "$0")/lib/common.sh"
. "$SRC/tests/integration/lib/driver.sh"
need clang-19
need apt-get
need llvm-ar-19

cat >hello.c <<'C'
#include <stdio.h>
#include <gnu/libc-version.h>
int main(void) { printf("hello from glibc %s\n", gnu_get_libc_version()); return 0; }
C
cat >cr.c <<'C'
#define _GNU_SOURCE
#include <stdio.h>
#include <unistd.h>
int main(void) { printf("%d\n", close_range(100, 200, 0)); return 0; }
C
cat >hello.cc <<'C'
#include <iostream>
#include <stdexcept>
#include <string>
int main(int argc, char**) {
  try {
    if (argc > 0) throw std::runtime_error("thrown");
  } catch (const std::exception& e) {
    std::cout << "caught " << e.what() << std::endl;
  }
  return 0;
}
C

# Bad input first: usage errors (exit 2) before anything is installed.
exit_of() { local rc=0; "$@" >/dev/null 2>err || rc=$?; echo "$rc"; }
[ "$(exit_of "$XSTATIC" cc --target linux/amd64 --glibc 2.17 hello.c -o x)" = 2 ] || fail "--glibc 2.17 not exit 2"
expect_contains "$(cat err)" "2.31 (bullseye), 2.36 (bookworm), 2.41 (trixie)"
expect_contains "$(cat err)" "docs/glibc.md"
[ "$(exit_of "$XSTATIC" cc -target x86_64-linux-gnu.2.28 hello.c -o x)" = 2 ] || fail "x86_64-linux-gnu.2.28 not exit 2"
expect_contains "$(cat err)" "no Debian release has glibc 2.28"
[ "$(exit_of "$XSTATIC" sysroot install linux/amd64 --glibc 2.17)" = 2 ] || fail "sysroot install --glibc 2.17 not exit 2"
[ "$(exit_of "$XSTATIC" cc --target x86_64-linux-musl.2.31 hello.c -o x)" = 2 ] || fail "a musl floor not exit 2"
expect_contains "$(cat err)" "uses musl"
[ "$(exit_of "$XSTATIC" cc --target linux/amd64 --libc musl --glibc 2.31 hello.c -o x)" = 2 ] ||
  fail "--libc musl --glibc not exit 2"
[ "$(exit_of "$XSTATIC" cc --target linux/amd64 --link=libc-dynamic hello.c -o x)" = 2 ] ||
  fail "libc-dynamic on musl not exit 2"
expect_contains "$(cat err)" "--link=libc-dynamic keeps glibc dynamic"
# A floor not installed names the command that installs it (exit 3).
[ "$(XSTATIC_HOME=$WORK/empty-store exit_of "$XSTATIC" cc -target aarch64-linux-gnu.2.31 hello.c -o x)" = 3 ] ||
  fail "a missing floor sysroot not exit 3"
expect_contains "$(cat err)" "xstatic sysroot install linux/arm64 --libc glibc --glibc 2.31"
echo "ok: bad floors and modes refused"

for target in linux/amd64 linux/arm64; do
  start=$SECONDS
  "$XSTATIC" -q sysroot install "$target" --glibc 2.31 >/dev/null || fail "cannot install the 2.31 sysroot for $target"
  echo "floor 2.31 sysroot for $target ready in $((SECONDS - start)) s"
done
driver_sysroot linux/amd64 glibc

# Headers of the floor: close_range is not declared at 2.31 (clang's own error).
if "$XSTATIC" cc -target x86_64-linux-gnu.2.31 -Werror=implicit-function-declaration -c cr.c -o cr.o 2>err; then
  fail "close_range compiled against glibc 2.31"
fi
expect_contains "$(cat err)" "close_range"
# The same program against bookworm's glibc, libc dynamic: verify names the symbol,
# and the driver's own check refuses the link at floor 2.31 ... there is no
# such link (2.31's headers stop it), so link at 2.36 and check at 2.31.
"$XSTATIC" cc --target linux/amd64 --libc glibc --link=libc-dynamic cr.c -o cr-bookworm
rc=0
out=$("$XSTATIC" verify --max-glibc 2.31 cr-bookworm) || rc=$?
[ "$rc" = 1 ] || fail "close_range@GLIBC_2.34 passed floor 2.31 (exit $rc): $out"
expect_contains "$out" "close_range@GLIBC_2.34"
"$XSTATIC" verify --max-glibc 2.36 cr-bookworm >/dev/null || fail "the bookworm build fails its own floor"
# The driver checks the floor of the sysroot it linked against: an object
# built at 2.36 and linked at 2.31 would not link (no close_range in 2.31's libc).
echo "ok: close_range stopped at 2.31, named by verify"

# amd64: floor 2.31, libc dynamic, checked by the driver, run in bullseye.
"$XSTATIC" cc --target x86_64-linux-gnu.2.31 --link=libc-dynamic hello.c -o hello-amd64
json=$("$XSTATIC" inspect --json hello-amd64)
python3 - "$json" <<'PY' || fail "hello-amd64 is not a libc-dynamic 2.31 binary: $json"
import json, sys
r = json.loads(sys.argv[1])[0]
assert r["linkage"] == "dynamic", r["linkage"]
assert r["interpreter"] == "/lib64/ld-linux-x86-64.so.2", r["interpreter"]
assert r["needed"] == ["libc.so.6"], r["needed"]
v = [int(x) for x in r["glibc_max"].split(".")]
assert v <= [2, 31], r["glibc_max"]
PY
"$XSTATIC" verify --max-glibc 2.31 hello-amd64 >/dev/null || fail "hello-amd64 fails floor 2.31"
expect_contains "$("$XSTATIC" inspect hello-amd64)" "glibc needed"

# A C++ program: libstdc++ and libgcc static, only glibc in NEEDED.
"$XSTATIC" c++ --target x86_64-linux-gnu.2.31 --link=libc-dynamic hello.cc -o hello-cxx
needed=$("$XSTATIC" inspect --json hello-cxx | python3 -c 'import json,sys; print(" ".join(json.load(sys.stdin)[0]["needed"]))')
case " $needed " in *libstdc++*|*libgcc_s*) fail "hello-cxx needs $needed" ;; esac
"$XSTATIC" verify --max-glibc 2.31 hello-cxx >/dev/null || fail "hello-cxx fails floor 2.31"
echo "ok: C and C++ at floor 2.31 need only ${needed}"

# The driver's own check in this mode: a library that is not glibc's, linked
# dynamically on purpose, fails the floor's policy (exit 1, file removed).
printf 'int foo(void) { return 42; }\n' >foo.c
"$XSTATIC" cc -target x86_64-linux-gnu.2.31 -shared -fPIC foo.c -o libfoo.so
printf 'int foo(void);\nint main(void) { return foo() != 42; }\n' >usefoo.c
rc=0
"$XSTATIC" cc -target x86_64-linux-gnu.2.31 --link=libc-dynamic usefoo.c -L. -Wl,-Bdynamic -lfoo -o usefoo \
  2>err || rc=$?
[ "$rc" = 1 ] || fail "a libc-dynamic link needing libfoo.so exited $rc"
expect_contains "$(cat err)" "libfoo.so"
expect_contains "$(cat err)" "does not run on glibc 2.31"
[ ! -e usefoo ] || fail "the refused file was kept"
# Without -Bdynamic the same link takes libfoo.a: static, and it passes.
"$XSTATIC" cc -target x86_64-linux-gnu.2.31 -c foo.c -o foo.o && llvm-ar-19 rc libfoo.a foo.o
"$XSTATIC" cc -target x86_64-linux-gnu.2.31 --link=libc-dynamic usefoo.c -L. -lfoo -o usefoo
./usefoo || fail "usefoo with libfoo.a failed"
echo "ok: the driver checks the floor's policy; user libraries are taken static"

# `sysroot add --glibc 2.31` takes Debian packages from the floor's release:
# bullseye's zlib is 1.2.11 (bookworm's is 1.2.13, trixie's 1.3). Done in a
# copy of the store's floor sysroot and apt state, so that the shared one
# does not change under suites running beside this one.
start=$SECONDS
priv=$WORK/store
mkdir -p "$priv/sysroots" "$priv/apt"
cp -a "$XSTATIC_HOME/sysroots/amd64-glibc-2.31" "$priv/sysroots/"
cp -a "$XSTATIC_HOME/apt/amd64-bullseye" "$priv/apt/"
XSTATIC_HOME=$priv "$XSTATIC" -q sysroot add linux/amd64 --glibc 2.31 zlib1g-dev >/dev/null ||
  fail "sysroot add --glibc 2.31 zlib1g-dev failed"
zver=$(python3 -c 'import json, sys
m = json.load(open(sys.argv[1]))
print(" ".join(p["version"] for p in m["packages"] if p["name"] == "zlib1g-dev"))' "$priv/sysroots/amd64-glibc-2.31/manifest.json")
case $zver in 1:1.2.11*) ;; *) fail "sysroot add --glibc 2.31 installed zlib1g-dev '$zver', not bullseye's 1:1.2.11" ;; esac
cat >z.c <<'C'
#include <stdio.h>
#include <zlib.h>
int main(void) { printf("zlib %s\n", zlibVersion()); return 0; }
C
XSTATIC_HOME=$priv "$XSTATIC" cc -target x86_64-linux-gnu.2.31 --link=libc-dynamic z.c -lz -o z ||
  fail "no link with bullseye's libz.a"
"$XSTATIC" verify --max-glibc 2.31 z >/dev/null || fail "the zlib program fails floor 2.31"
needed=$("$XSTATIC" inspect --json z | python3 -c 'import json,sys; print(" ".join(json.load(sys.stdin)[0]["needed"]))')
[ "$needed" = libc.so.6 ] || fail "the zlib program needs $needed (libz should be static)"
[ "$(./z)" = "zlib 1.2.11" ] || fail "the zlib program printed '$(./z)'"
echo "ok: sysroot add --glibc 2.31 took bullseye's zlib1g-dev $zver, linked static ($((SECONDS - start)) s)"

# A Debian bullseye root, made once into the test store (the packages come
# through the same derived sources as the floor sysroot's).
bullseye_root() {
  local cache=$XSTATIC_HOME/test-cache/bullseye-amd64
  [ -x "$cache/bin/sh" ] && { echo "$cache"; return; }
  command -v mmdebstrap >/dev/null || return 1
  local sources
  sources=$(ls "$XSTATIC_HOME"/apt/amd64-bullseye/etc/sources.list.d/*.sources 2>/dev/null | head -1)
  [ -n "$sources" ] || return 1
  mkdir -p "$XSTATIC_HOME/test-cache"
  local tmp=$XSTATIC_HOME/test-cache/.tmp-bullseye-$$
  rm -rf "$tmp"
  timeout 600 nice mmdebstrap --quiet --variant=minbase bullseye "$tmp" "$sources" >&2 || { rm -rf "$tmp"; return 1; }
  mv -T "$tmp" "$cache" 2>/dev/null || rm -rf "$tmp"
  echo "$cache"
}
can_chroot() { mkdir -p probe; local rc=0; chroot probe /nonexistent 2>/dev/null || rc=$?; [ "$rc" = 127 ]; }
if [ "$(id -u)" = 0 ] && can_chroot && root=$(bullseye_root); then
  mkdir -p "$root/xstatic-test"
  cp hello-amd64 hello-cxx "$root/xstatic-test/"
  got=$(chroot "$root" /xstatic-test/hello-amd64)
  rm -rf "$root/xstatic-test"
  [ "$got" = "hello from glibc 2.31" ] || fail "in bullseye hello-amd64 printed '$got'"
  echo "ok: runs in a Debian bullseye root: $got"
else
  # Nearest real check: bullseye's own loader and libc from the floor sysroot.
  sys=$XSTATIC_HOME/sysroots/amd64-glibc-2.31
  got=$("$sys/lib64/ld-linux-x86-64.so.2" --library-path "$sys/lib/x86_64-linux-gnu" ./hello-amd64)
  [ "$got" = "hello from glibc 2.31" ] || fail "with bullseye's loader hello-amd64 printed '$got'"
  echo "ok (no bullseye root here: root, chroot or mmdebstrap missing): runs on bullseye's loader: $got"
fi

# arm64 under qemu, the floor sysroot as its root (its loader and libc).
need qemu-aarch64-static
"$XSTATIC" cc -target aarch64-linux-gnu.2.31 --link=libc-dynamic hello.c -o hello-arm64
"$XSTATIC" verify --max-glibc 2.31 --target linux/arm64 hello-arm64 >/dev/null || fail "hello-arm64 fails floor 2.31"
got=$(qemu-aarch64-static -L "$XSTATIC_HOME/sysroots/arm64-glibc-2.31" ./hello-arm64)
[ "$got" = "hello from glibc 2.31" ] || fail "hello-arm64 under qemu printed '$got'"
echo "ok: arm64 under qemu with bullseye's glibc: $got"
