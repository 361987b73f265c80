#!/usr/bin/env bash
# inspect/verify on real ELF files of every machine, class and endianness we
# target (static, static-pie, dynamic, stripped or not, objects, shared
# libraries), compared field by field with GNU readelf; then verify's policy,
# output lines and exit codes, many files per call.
. "$(dirname "$0")/lib/common.sh"
need clang-19
need ld.lld-19
need readelf
need python3

bins=$WORK/bins
"$SRC/tests/integration/inspect/make_binaries.sh" "$bins" 2>/dev/null
elf=()
for f in "$bins"/*; do [ "$(head -c4 "$f" | od -An -c | tr -d ' ')" = '177ELF' ] && elf+=("$f"); done
[ ${#elf[@]} -ge 45 ] || fail "expected at least 45 ELF test files, got ${#elf[@]}"
python3 "$SRC/tests/integration/inspect/check_elf.py" "$XSTATIC" "${elf[@]}"

cd "$bins"
# Every static and static-pie build passes --static, on every architecture.
for arch in amd64 arm64 arm 386 s390x ppc64le; do
  "$XSTATIC" verify --static "$arch-static" "$arch-static-stripped" "$arch-static-pie" "$arch-static-pie-stripped"
done
for arch in amd64 arm64 386 s390x ppc64le; do
  "$XSTATIC" verify --target "linux/$arch" --static "$arch-static" "$arch-static-pie"
done
"$XSTATIC" verify --target linux/arm/v7 --static arm-static

# A dynamic file fails with the documented line; exit 1.
out=$("$XSTATIC" verify --static arm64-dynamic) && fail "dynamic arm64 passed --static"
[ "$out" = "arm64-dynamic: dynamic: needs libtiny.so (interpreter /lib/ld-tiny.so.1)" ] || fail "line: $out"
out=$("$XSTATIC" verify --static ls) && fail "/bin/ls passed --static"
expect_contains "$out" "ls: dynamic: needs "
expect_contains "$out" "libc.so.6 (interpreter /lib64/ld-linux-x86-64.so.2)"
out=$("$XSTATIC" verify --static libtiny-amd64.so amd64.o) && fail "a .so and a .o passed --static"
expect_contains "$out" "libtiny-amd64.so: dynamic: shared object"
expect_contains "$out" "amd64.o: not linked: object file"

# Several broken rules: still one line for the file.
out=$("$XSTATIC" verify --static --stripped --target linux/amd64 arm64-dynamic) && fail "passed"
[ "$(printf '%s\n' "$out" | wc -l)" = 1 ] || fail "expected one line for one file: $out"
expect_contains "$out" "arm64-dynamic: target: is linux/arm64 (elf64-littleaarch64), expected linux/amd64; dynamic: needs libtiny.so"
expect_contains "$out" "; not stripped: has a symbol table"

# Target, libc and stripped policies.
out=$("$XSTATIC" verify --target linux/arm64 amd64-static) && fail "amd64 passed --target linux/arm64"
expect_contains "$out" "amd64-static: target: is linux/amd64 (elf64-x86-64), expected linux/arm64"
out=$("$XSTATIC" verify --target linux/s390x ppc64le-static) && fail "ppc64le passed as s390x"
out=$("$XSTATIC" verify --target linux/amd64 --libc musl ls) && fail "glibc ls passed --libc musl"
expect_contains "$out" "libc: is glibc (interpreter /lib64/ld-linux-x86-64.so.2), expected musl"
out=$("$XSTATIC" verify --stripped amd64-static) && fail "unstripped passed --stripped"
expect_contains "$out" "amd64-static: not stripped: has a symbol table"
expect_contains "$out" "debug sections (.debug_"
"$XSTATIC" verify --stripped --static amd64-static-stripped s390x-static-pie-stripped

# Hazards fail unless allowed, then they are warnings.
out=$("$XSTATIC" verify amd64-execstack) && fail "execstack passed"
expect_contains "$out" "amd64-execstack: hazard: executable stack"
"$XSTATIC" verify --allow-hazards amd64-execstack 2>"$WORK/err"
expect_contains "$(cat "$WORK/err")" "warning: amd64-execstack: hazard: executable stack"
out=$("$XSTATIC" verify libtextrel.so) && fail "textrel passed"
expect_contains "$out" "hazard: text relocations"
if [ -f glibc-nss-static ]; then
  out=$("$XSTATIC" verify --static glibc-nss-static) && fail "static glibc with NSS passed"
  expect_contains "$out" "glibc-nss-static: hazard: static glibc carries NSS"
  expect_contains "$out" "[symbol __nss_"
  out=$("$XSTATIC" verify --static glibc-nss-static-stripped) && fail "stripped static glibc NSS passed"
  expect_contains "$out" 'carries NSS (getpwnam, getaddrinfo...: loads libnss_*.so of the build machine'"'"'s glibc at run time) [string "/etc/nsswitch.conf"]'
  # A plain static glibc program only carries dlopen/iconv machinery: notes, not hazards.
  out=$("$XSTATIC" verify --static glibc-static 2>&1) || fail "plain static glibc program failed verify: $out"
  case "$out" in *"carries NSS"*) fail "plain static glibc program reported as using NSS: $out" ;; esac
  expect_contains "$("$XSTATIC" inspect glibc-static)" "iconv machinery, unused unless the program calls it"
  [ "$("$XSTATIC" inspect --json glibc-static | python3 -c 'import json,sys; print(json.load(sys.stdin)[0]["libc"])')" = glibc ] ||
    fail "static glibc not recognised as glibc"
  # Issue 23, item 17: inspect states a hazard or a note once, in its report,
  # not again as warning lines on stderr.
  for f in glibc-nss-static glibc-static; do
    "$XSTATIC" inspect "$f" >"$WORK/report" 2>"$WORK/err" || fail "inspect $f failed: $(cat "$WORK/err")"
    [ ! -s "$WORK/err" ] || fail "inspect $f repeated its findings on stderr: $(cat "$WORK/err")"
  done
  [ "$("$XSTATIC" inspect glibc-nss-static | grep -c 'carries NSS')" = 1 ] ||
    fail "inspect glibc-nss-static states the NSS hazard more than once"
fi

# Many files per call: one line per failing file, the unreadable one does not
# stop the others, and exit 2 wins over 1.
rc=0
out=$("$XSTATIC" verify --static amd64-static missing-file arm64-dynamic s390x-dynamic 2>"$WORK/err") || rc=$?
[ $rc = 2 ] || fail "exit $rc with an unreadable file, expected 2"
[ "$(printf '%s\n' "$out" | wc -l)" = 3 ] || fail "expected 1 verdict and 2 failure lines: $out"
expect_contains "$out" "amd64-static: ok (linux/amd64"
out=$("$XSTATIC" verify -q --static amd64-static arm64-dynamic s390x-dynamic) && fail "dynamic files passed"
[ "$(printf '%s\n' "$out" | wc -l)" = 2 ] || fail "-q: expected only the 2 failure lines: $out"
[ -z "$("$XSTATIC" verify -q --static amd64-static)" ] || fail "-q printed a verdict for a passing file"
expect_contains "$out" "s390x-dynamic: dynamic: needs libtiny.so"
expect_contains "$(cat "$WORK/err")" "missing-file: cannot read"
rc=0; "$XSTATIC" verify --static amd64-static arm64-dynamic >/dev/null || rc=$?
[ $rc = 1 ] || fail "exit $rc for a failing file, expected 1"
rc=0; "$XSTATIC" inspect amd64-static missing-file >/dev/null 2>&1 || rc=$?
[ $rc = 2 ] || fail "inspect exit $rc with an unreadable file, expected 2"

# JSON output parses and carries the verdicts.
"$XSTATIC" verify --json --static amd64-static arm64-dynamic missing-file >"$WORK/verify.json" && rc=0 || rc=$?
[ $rc = 2 ] || fail "verify --json exited $rc with an unreadable file, expected 2"
python3 - "$WORK/verify.json" <<'PY' || fail "verify --json"
import json, sys
v = {r["path"]: r for r in json.load(open(sys.argv[1]))}
assert v["amd64-static"]["ok"] and not v["arm64-dynamic"]["ok"], v
assert v["arm64-dynamic"]["failures"][0].startswith("dynamic: needs libtiny.so"), v
assert v["missing-file"]["error"], v
PY
echo "inspect_elf: ${#elf[@]} ELF files match readelf; verify policies and exit codes ok"
