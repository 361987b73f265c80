#!/usr/bin/env bash
# The SBOM inside the binary (docs/inspect.md "Embedded SBOM"): every ELF
# link names the sysroot's Debian packages, the runtimes and the user's own
# archives lld took members from (a C hello no mimalloc, a program with
# malloc mimalloc, on amd64 and arm64) in an allocated note that `xstatic inspect` reads back, also
# after llvm-strip --strip-all and strip --strip-all; --no-sbom and
# XSTATIC_NO_SBOM=1 leave none; a damaged note is reported, never a crash.
. "$(dirname "$0")/lib/common.sh"
. "$SRC/tests/integration/lib/driver.sh"
need clang-19; need llvm-strip-19; need python3
driver_sysroot linux/amd64 musl
driver_sysroot linux/amd64 glibc
driver_sysroot linux/arm64 musl

cat >hello.c <<'C'
#include <stdio.h>
int main(void) { puts("hello"); return 0; }
C
cat >hello.cpp <<'CPP'
#include <iostream>
int main() { std::cout << "hello\n"; }
CPP

# sbom_field FILE PYTHON-EXPR: evaluates EXPR on the "sbom" object of inspect --json (s).
sbom_field() {
  "$XSTATIC" inspect --json "$1" | python3 -c '
import json, sys
s = json.load(sys.stdin)[0]["sbom"]
print(eval(sys.argv[1]))' "$2"
}
manifest_version() { # sysroot-name package
  python3 -c '
import json, sys
m = json.load(open(sys.argv[1]))
print([p["version"] for p in m["packages"] if p["name"] == sys.argv[2]][0])' \
    "$XSTATIC_HOME/sysroots/$1/manifest.json" "$2"
}

# C, musl: musl-dev with the version the sysroot was made from.
"$XSTATIC" cc --target linux/amd64 hello.c -o c-musl
want=$(manifest_version amd64-musl musl-dev)
[ "$(sbom_field c-musl '[p["version"] for p in s["packages"] if p["name"] == "musl-dev"]')" = "['$want']" ] ||
  fail "c-musl: no musl-dev $want in $("$XSTATIC" inspect --json c-musl)"
[ "$(sbom_field c-musl 's["target"] + " " + s["libc"]')" = "linux/amd64 musl" ] || fail "c-musl: target"
text=$("$XSTATIC" inspect c-musl)
expect_contains "$text" "package     musl-dev $want (Debian)"
# The note is readable without xstatic too.
expect_contains "$(readelf -n c-musl)" "xstatic"
size=$((16#$(readelf -SW c-musl | sed -n 's/.*\.note\.xstatic\.sbom *NOTE *[0-9a-f]* [0-9a-f]* \([0-9a-f]*\).*/\1/p')))
[ -n "$size" ] && [ "$size" -lt 4096 ] || fail "c-musl: note size '$size' (a few hundred bytes expected)"
echo "ok: C musl: musl-dev $want, note $size bytes"

# C, glibc: libc6-dev.
"$XSTATIC" cc --target linux/amd64 --libc glibc hello.c -o c-glibc
want=$(manifest_version amd64-glibc libc6-dev)
[ "$(sbom_field c-glibc '[p["version"] for p in s["packages"] if p["name"] == "libc6-dev"]')" = "['$want']" ] ||
  fail "c-glibc: no libc6-dev $want"
echo "ok: C glibc: libc6-dev $want"

# C++, musl, arm64: libc++ (and libc++abi, libunwind) with the version xstatic built.
"$XSTATIC" c++ --target linux/arm64 hello.cpp -o cxx -g
want=$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["version"])' \
  "$(libcxx_dir arm64-musl)/manifest.json")
got=$(sbom_field cxx '" ".join(r["name"] + "=" + r["version"] for r in s["runtimes"] if r["name"].startswith("lib"))')
[ "$got" = "libc++=$want libc++abi=$want libunwind=$want" ] || fail "cxx: runtimes '$got', want libc++ $want"
echo "ok: C++ arm64: libc++ $want"

# Stripped afterwards, by LLVM's strip and by GNU's (when there): still there.
llvm-strip-19 --strip-all cxx -o cxx-llvm-stripped
[ "$(sbom_field cxx-llvm-stripped '[r["name"] for r in s["runtimes"]][0]')" = "libc++" ] ||
  fail "llvm-strip --strip-all dropped the SBOM"
[ "$("$XSTATIC" inspect --json cxx-llvm-stripped | python3 -c 'import json,sys; print(json.load(sys.stdin)[0]["stripped"])')" = True ] ||
  fail "cxx-llvm-stripped is not stripped"
if command -v aarch64-linux-gnu-strip >/dev/null; then
  aarch64-linux-gnu-strip --strip-all cxx -o cxx-gnu-stripped
  [ "$(sbom_field cxx-gnu-stripped 'len(s["runtimes"]) > 0')" = True ] || fail "GNU strip dropped the SBOM"
fi
echo "ok: the SBOM survives strip --strip-all"

# Off: the flag and the variable.
"$XSTATIC" cc --target linux/amd64 --no-sbom hello.c -o off-flag
XSTATIC_NO_SBOM=1 "$XSTATIC" cc --target linux/amd64 hello.c -o off-env
for f in off-flag off-env; do
  [ "$(sbom_field $f 's')" = None ] || fail "$f still has an SBOM"
  readelf -SW $f | grep -q xstatic.sbom && fail "$f has a .note.xstatic.sbom section"
done
echo "ok: --no-sbom and XSTATIC_NO_SBOM=1 leave none"

# The user's own archive, by -L/-l and by path: its path and SHA-256.
mkdir vendor
echo 'int foo(void) { return 7; }' >foo.c
"$XSTATIC" cc --target linux/amd64 -c foo.c -o foo.o
llvm-ar-19 rcs vendor/libfoo.a foo.o
printf 'int foo(void);\nint main(void) { return foo() == 7 ? 0 : 1; }\n' >use.c
digest=$(sha256sum vendor/libfoo.a | cut -d' ' -f1)
"$XSTATIC" cc --target linux/amd64 use.c -Lvendor -lfoo -o use-l
"$XSTATIC" cc --target linux/amd64 use.c "$WORK/vendor/libfoo.a" -o use-path
./use-l && ./use-path || fail "the programs with libfoo.a do not run"
for f in use-l use-path; do
  [ "$(sbom_field $f 's["archives"]')" = "[{'path': 'vendor/libfoo.a', 'sha256': '$digest'}]" ] ||
    fail "$f: archives are $(sbom_field $f 's["archives"]'), want vendor/libfoo.a $digest"
done
expect_contains "$("$XSTATIC" inspect use-l)" "archive     vendor/libfoo.a sha256:$digest"
echo "ok: libfoo.a listed with its digest ($digest)"

# What lld kept (docs/inspect.md): the note is rewritten after the link to
# name only the runtimes, packages and archives lld took members from. The
# note is read raw here (its whole description as any JSON reader sees it,
# spaces after the record), not only through inspect, which also hides
# mimalloc without its own note; inspect must then say the same. One python
# run checks every binary (python's start-up is most of this block's time).
cat >malloc.c <<'C'
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
int main(int argc, char **argv) { char *p = strdup(argv[argc - 1]); puts(p); free(p); return 0; }
C
echo 'int main(void) { return 0; }' >empty.c
printf '#include <cstdio>\nint main() { std::puts("hello"); }\n' >plain.cpp
kept=() # "binary runtimes archives", "-" for none
cp c-musl kept-hello-amd64 # linked above: the default C hello
"$XSTATIC" cc --target linux/arm64 hello.c -o kept-hello-arm64
for t in amd64 arm64; do
  "$XSTATIC" cc --target linux/$t malloc.c -o kept-malloc-$t
  kept+=("kept-hello-$t xstatic-libc -" "kept-malloc-$t mimalloc,xstatic-libc -")
done
driver_run linux/amd64 ./kept-hello-amd64 >/dev/null || fail "the rewritten hello does not run"
"$XSTATIC" cc --target linux/amd64 empty.c -o kept-empty
"$XSTATIC" cc --target linux/amd64 --malloc=mimalloc hello.c -o kept-forced # linked whole: in
"$XSTATIC" cc --target linux/amd64 --malloc=musl --libc-routines=musl malloc.c -o kept-musl
"$XSTATIC" c++ --target linux/amd64 plain.cpp -o kept-plain-cxx # nothing of libc++, libc++abi, libunwind
# The user's archive: given but unused, it is not listed (musl, glibc); linked whole, it is.
"$XSTATIC" cc --target linux/amd64 hello.c -Lvendor -lfoo -o kept-unused
"$XSTATIC" cc --target linux/amd64 hello.c -Wl,--whole-archive vendor/libfoo.a -Wl,--no-whole-archive -o kept-whole
"$XSTATIC" cc --target linux/amd64 --libc glibc hello.c -Lvendor -lfoo -o kept-glibc
# A --why-extract of the user's takes lld's report: the note stays as given (inspect still hides mimalloc).
"$XSTATIC" cc --target linux/amd64 hello.c -Wl,--why-extract=own.txt -o kept-own
[ -s own.txt ] || fail "the user's --why-extract file is empty"
kept+=("kept-empty - -" "kept-forced mimalloc,xstatic-libc -" "kept-musl - -" "kept-plain-cxx xstatic-libc -"
  "kept-unused xstatic-libc -" "kept-whole xstatic-libc vendor/libfoo.a" "kept-glibc - -"
  "kept-own mimalloc,xstatic-libc -")
bins=()
for k in "${kept[@]}"; do bins+=("${k%% *}"); done
"$XSTATIC" inspect --json "${bins[@]}" >kept.json
python3 - kept.json "${kept[@]}" <<'PY' || fail "a note lists what lld did not take, or misses what it took"
import json, sys
reports = {r["path"]: r for r in json.load(open(sys.argv[1]))}
sizes, bad = {}, 0
for spec in sys.argv[2:]:
    binary, want_rt, want_ar = spec.split()
    data = open(binary, "rb").read()
    at = data.index(b'{"v":1,')
    size = int.from_bytes(data[at - 16:at - 12], "little")  # descsz, before the type and "xstatic\0"
    s = json.loads(data[at:at + size].decode())  # the whole description: trailing spaces are JSON's
    rt = ",".join(r[0] for r in s.get("rt", [])) or "-"
    ar = ",".join(a[0] for a in s.get("ar", [])) or "-"
    seen = ",".join(r["name"] for r in reports[binary]["sbom"]["runtimes"]) or "-"
    want_seen = "xstatic-libc" if binary == "kept-own" else want_rt  # inspect hides mimalloc without its note
    if (rt, ar, seen) != (want_rt, want_ar, want_seen):
        print(f"FAIL: {binary}: the note lists runtimes {rt}, archives {ar}; inspect {seen}; want {want_rt} {want_ar}")
        bad += 1
    sizes[binary] = size
for t in ("amd64", "arm64"):  # the same note before the link: the rewrite keeps its size
    if sizes[f"kept-hello-{t}"] != sizes[f"kept-malloc-{t}"]:
        print(f"FAIL: linux/{t}: the hello's note is {sizes[f'kept-hello-{t}']} bytes, the malloc program's {sizes[f'kept-malloc-{t}']}")
        bad += 1
print(f"ok: the C hello's note names no mimalloc, the malloc program's does (amd64, arm64; {sizes['kept-hello-amd64']} bytes each)")
print("ok: an empty main names no runtime, --malloc=mimalloc names mimalloc, musl's own none, C++ without libc++ no libc++")
print("ok: unused archives are left out (musl, glibc), whole ones kept; the user's --why-extract leaves the note as given")
sys.exit(1 if bad else 0)
PY

# Hostile notes: a future format and broken JSON are reported, inspect exits 0.
python3 - c-musl <<'PY'
import sys
data = open(sys.argv[1], "rb").read()
at = data.index(b'{"v":1,')
open("future", "wb").write(data[:at] + b'{"v":7,' + data[at + 7:])
open("broken", "wb").write(data[:at] + b'[[[[[[[' + data[at + 7:])
PY
for f in future broken; do
  out=$("$XSTATIC" inspect --json $f) || fail "inspect $f failed"
  expect_contains "$out" "malformed xstatic SBOM note"
  [ "$(sbom_field $f 's')" = None ] || fail "$f: a malformed note was read as an SBOM"
done
expect_contains "$("$XSTATIC" inspect future)" "format 7 is not one this xstatic reads"
echo "ok: malformed notes are reported"
