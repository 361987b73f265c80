#!/usr/bin/env bash
# macOS through the user's SDK. Apple's SDK cannot be used here (its licence
# keeps it out of every archive), so the suite writes a minimal SDK of its own:
# SDKSettings.json, a few C headers, a libc++ header, and TAPI text stubs
# (.tbd v4, which ld64.lld reads) for libSystem, libc++ and a third-party
# libfoo. With it: `sdk import` (and a folder that is not an SDK), arm64 and
# amd64 objects and executables, C++, a universal binary through `xstatic
# lipo`, and verify's Mach-O rules (only libSystem/libc++/frameworks; the
# minimum macOS of the target row). Running macOS binaries is impossible here.
. "$(dirname "$0")/lib/common.sh"
need clang-19
need ld64.lld-19
need llvm-lipo-19
need python3

# A store of the suite's own: importing and removing SDKs must not touch the
# shared one (other suites' darwin checks), and no SDK may come from outside.
export XSTATIC_HOME=$WORK/store
unset SDKROOT XSTATIC_DARWIN_SDK

stub() { # install-name symbols... > file.tbd: a TAPI v4 stub for both macOS archs
  local name=$1; shift
  local symbols; symbols=$(printf '%s, ' "$@"); symbols=${symbols%, }
  printf -- "--- !tapi-tbd\ntbd-version: 4\ntargets: [ x86_64-macos, arm64-macos ]\ninstall-name: '%s'\n" "$name"
  printf -- "current-version: 1.0\nexports:\n  - targets: [ x86_64-macos, arm64-macos ]\n    symbols: [ %s ]\n...\n" \
    "$symbols"
}

make_sdk() { # dir
  mkdir -p "$1/usr/include/c++/v1" "$1/usr/lib"
  cat >"$1/SDKSettings.json" <<'JSON'
{"CanonicalName": "macosx14.2", "DisplayName": "macOS 14.2", "MinimalDisplayName": "14.2", "Version": "14.2",
 "DefaultDeploymentTarget": "14.2", "MaximumDeploymentTarget": "14.2.99",
 "SupportedTargets": {"macosx": {"MinimumDeploymentVersion": "10.13", "DefaultDeploymentTarget": "14.2",
                                 "Archs": ["x86_64", "arm64"]}}}
JSON
  printf 'typedef struct __sFILE FILE;\nint printf(const char *, ...);\nint puts(const char *);\n' >"$1/usr/include/stdio.h"
  printf 'void exit(int) __attribute__((noreturn));\nvoid *malloc(unsigned long);\n' >"$1/usr/include/stdlib.h"
  printf 'extern "C" {\n#include <stdio.h>\n}\nnamespace std { using ::puts; using ::printf; }\n' >"$1/usr/include/c++/v1/cstdio"
  stub /usr/lib/libSystem.B.dylib _printf _puts _exit _malloc dyld_stub_binder >"$1/usr/lib/libSystem.tbd"
  stub /usr/lib/libc++.1.dylib __ZNSt3__14coutE >"$1/usr/lib/libc++.tbd"
  stub /usr/local/lib/libfoo.1.dylib _foo >"$1/usr/lib/libfoo.tbd"
}

json_field() { # json-text python-expression-on-j
  python3 -c "import json,sys; j=json.loads(sys.stdin.read()); print($2)" <<<"$1"
}

printf '#include <stdio.h>\n#include <stdlib.h>\nint main(void) { puts("hello macos"); return 0; }\n' >hello.c
printf '#include <cstdio>\nstruct A { A() { std::puts("hello c++"); } };\nint main() { A a; return 0; }\n' >hello.cpp
printf 'int foo(void);\nint main(void) { return foo(); }\n' >usefoo.c

# --- No SDK: the error names the command that fixes it. ---
must_fail "$XSTATIC" cc --target darwin/arm64 hello.c -o nosdk
expect_contains "$(cat err)" "no macOS SDK for darwin/arm64"
expect_contains "$(cat err)" "xstatic sdk import /path/to/MacOSX.sdk"
"$XSTATIC" cc --target darwin/arm64 hello.c -o nosdk 2>/dev/null || rc=$?
[ "${rc:-0}" = 3 ] || fail "a darwin link without an SDK exited ${rc:-0}, expected 3 (missing)"

# --- sdk import of folders that are not SDKs: what is missing, usage exit code. ---
mkdir empty half
rc=0; "$XSTATIC" sdk import empty 2>err || rc=$?
[ "$rc" = 2 ] || fail "sdk import of an empty folder exited $rc, expected 2"
expect_contains "$(cat err)" "is not a macOS SDK: missing SDKSettings.json, usr/include, usr/lib/libSystem.tbd"
make_sdk half && rm half/usr/lib/libSystem.tbd
must_fail "$XSTATIC" sdk import half
expect_contains "$(cat err)" "missing usr/lib/libSystem.tbd"
case $(cat err) in *SDKSettings.json,*) fail "a present SDKSettings.json was reported missing: $(cat err)" ;; esac
make_sdk noversion && sed -i 's/"Version": "14.2",//' noversion/SDKSettings.json
must_fail "$XSTATIC" sdk import noversion
expect_contains "$(cat err)" 'has no usable "Version"'
[ -z "$(ls "$XSTATIC_HOME/sdks" 2>/dev/null)" ] || fail "a failed import left files: $(ls -a "$XSTATIC_HOME/sdks")"

# --- Import (through a symlink, as MacOSX.sdk -> MacOSX14.2.sdk), list, path. ---
make_sdk MacOSX14.2.sdk
ln -s MacOSX14.2.sdk MacOSX.sdk
imported=$("$XSTATIC" -q sdk import MacOSX.sdk)
[ "$imported" = "$XSTATIC_HOME/sdks/MacOSX14.2.sdk" ] || fail "imported to '$imported'"
[ -f "$imported/usr/lib/libSystem.tbd" ] && [ ! -L "$imported" ] || fail "the import is not a copy"
list=$("$XSTATIC" sdk list --json)
[ "$(json_field "$list" 'j[0]["version"], j[0]["default_deployment_target"], j[0]["archs"], j[0]["in_use"]')" = \
  "14.2 14.2 ['x86_64', 'arm64'] True" ] || fail "sdk list --json: $list"
"$XSTATIC" sdk list | grep -q "^14.2 .*x86_64,arm64.*(in use)" || fail "sdk list: $("$XSTATIC" sdk list)"
[ "$("$XSTATIC" sdk path)" = "$imported" ] || fail "sdk path: $("$XSTATIC" sdk path)"
# Importing again replaces the copy in one step (the lock and rename of sysroot installs).
"$XSTATIC" -q sdk import "$WORK/MacOSX14.2.sdk" >/dev/null
[ "$(ls -A "$XSTATIC_HOME/sdks")" = "MacOSX14.2.sdk" ] || fail "leftovers after a re-import: $(ls -A "$XSTATIC_HOME/sdks")"

# --- arm64 and amd64: objects and executables, what the driver passes. ---
for arch in arm64 amd64; do
  "$XSTATIC" cc --target darwin/$arch -O2 -c hello.c -o hello-$arch.o
  "$XSTATIC" cc --target darwin/$arch -O2 hello.c -o hello-$arch
  report=$("$XSTATIC" inspect --json hello-$arch.o hello-$arch)
  got=$(json_field "$report" '[(r["format"], r["target"], r["file_type"], r["linkage"]) for r in j]')
  want="[('macho', 'darwin/$arch', 'object', 'none'), ('macho', 'darwin/$arch', 'executable', 'static')]"
  [ "$got" = "$want" ] || fail "darwin/$arch: $got, expected $want"
  got=$(json_field "$report" 'j[1]["min_os"], [d["name"] for d in j[1]["dylibs"]], j[1]["debug_sections"]')
  [ "$got" = "macos 11.0 ['/usr/lib/libSystem.B.dylib'] []" ] || fail "darwin/$arch executable: $got"
  "$XSTATIC" verify --static --target darwin/$arch hello-$arch
done
cmd=$("$XSTATIC" cc --target darwin/arm64 --print-command hello.c -o printed 2>&1 >/dev/null | head -1)
for piece in "--target=arm64-apple-macos " "-mmacos-version-min=11.0" "-isysroot $imported" "-fuse-ld=lld" \
  "--ld-path=" "ld64.lld" "-Wl,-dead_strip" "-Wl,-S,-x"; do
  expect_contains "$cmd " "$piece"
done
# -g keeps debug information: no -S then.
cmd=$("$XSTATIC" cc --target darwin/arm64 --print-command -g hello.c -o printed 2>&1 >/dev/null | head -1)
case $cmd in *-Wl,-S*) fail "-g still strips: $cmd" ;; esac

# Nothing here runs macOS binaries: `xstatic run` says so instead of trying.
must_fail "$XSTATIC" run hello-arm64
expect_contains "$(cat err)" "hello-arm64"

# --- C++: the SDK's libc++ headers, /usr/lib/libc++.1.dylib (part of macOS). ---
"$XSTATIC" c++ --target darwin/arm64 -O2 hello.cpp -o hello-cxx
cmd=$("$XSTATIC" c++ --target darwin/arm64 --print-command hello.cpp -o printed 2>&1 >/dev/null | head -1)
expect_contains "$cmd" "-stdlib=libc++ -nostdinc++ -isystem $imported/usr/include/c++/v1"
dylibs=$(json_field "$("$XSTATIC" inspect --json hello-cxx)" '[d["name"] for d in j[0]["dylibs"]]')
expect_contains "$dylibs" "/usr/lib/libc++.1.dylib"
"$XSTATIC" verify --static --target darwin/arm64 hello-cxx

# --- Universal binary: both slices, each verified. ---
"$XSTATIC" lipo -o hello-universal hello-arm64 hello-amd64
slices=$(json_field "$("$XSTATIC" inspect --json hello-universal)" 'j[0]["format"], sorted(s["target"] for s in j[0]["slices"])')
[ "$slices" = "macho-universal ['darwin/amd64', 'darwin/arm64']" ] || fail "universal: $slices"
"$XSTATIC" verify --static --target darwin/arm64 hello-universal
"$XSTATIC" verify --static --target darwin/amd64 hello-universal
"$XSTATIC" verify --static hello-universal
"$XSTATIC" lipo -o objects-universal.o hello-arm64.o hello-amd64.o
must_fail "$XSTATIC" lipo -o twice hello-arm64 hello-cxx
expect_contains "$(cat err)" "are both arm64"
must_fail "$XSTATIC" lipo -o notmacho hello-arm64 hello.c
expect_contains "$(cat err)" "hello.c"
[ ! -e twice ] && [ ! -e notmacho ] || fail "a refused lipo wrote its output"

# --- verify: a dylib that is not part of macOS is named, and the link removed. ---
rc=0; "$XSTATIC" cc --target darwin/arm64 usefoo.c -lfoo -o usefoo 2>err || rc=$?
[ "$rc" = 1 ] || fail "a link against libfoo exited $rc, expected 1: $(cat err)"
expect_contains "$(cat err)" "dynamic: links /usr/local/lib/libfoo.1.dylib"
[ ! -e usefoo ] || fail "the non-static output was kept"
"$XSTATIC" cc --target darwin/arm64 --no-verify usefoo.c -lfoo -o usefoo
out=$("$XSTATIC" verify --static --target darwin/arm64 usefoo) && fail "libfoo passed verify --static"
expect_contains "$out" "usefoo: dynamic: links /usr/local/lib/libfoo.1.dylib"
"$XSTATIC" lipo -o foo-universal usefoo hello-amd64
out=$("$XSTATIC" verify --static foo-universal) && fail "a universal binary with libfoo passed"
expect_contains "$out" "slice aarch64: dynamic: links /usr/local/lib/libfoo.1.dylib"

# --- The minimum macOS: a user's -mmacos-version-min wins in clang, verify holds the row's. ---
"$XSTATIC" cc --target darwin/arm64 --no-verify -mmacos-version-min=13.0 hello.c -o hello-13
[ "$(json_field "$("$XSTATIC" inspect --json hello-13)" 'j[0]["min_os"]')" = "macos 13.0" ] || fail "min OS 13 not set"
out=$("$XSTATIC" verify --static --target darwin/arm64 hello-13) && fail "min OS 13.0 passed as darwin/arm64 (11.0)"
expect_contains "$out" "min OS: is macos 13.0, newer than the macos 11.0 that darwin/arm64 promises"
"$XSTATIC" cc --target darwin/arm64 -mmacos-version-min=10.15 hello.c -o hello-old  # older is fine

# --- $SDKROOT wins over the store; remove. ---
mkdir -p other && make_sdk other/MacOSX15.0.sdk
sed -i 's/14\.2/15.0/g' other/MacOSX15.0.sdk/SDKSettings.json
[ "$(SDKROOT=$WORK/other/MacOSX15.0.sdk "$XSTATIC" sdk path)" = "$WORK/other/MacOSX15.0.sdk" ] || fail "SDKROOT ignored"
cmd=$(SDKROOT=$WORK/other/MacOSX15.0.sdk "$XSTATIC" cc --target darwin/amd64 --print-command hello.c -o x 2>&1 | head -1)
expect_contains "$cmd" "-isysroot $WORK/other/MacOSX15.0.sdk"
"$XSTATIC" sdk remove 14.2
[ "$("$XSTATIC" sdk list --json | tr -d ' \n')" = "[]" ] || fail "sdk list after remove: $("$XSTATIC" sdk list --json)"
must_fail "$XSTATIC" sdk remove 14.2
expect_contains "$(cat err)" "no macOS 14.2 SDK is imported"
must_fail "$XSTATIC" cc --target darwin/amd64 hello.c -o gone
expect_contains "$(cat err)" "xstatic sdk import"
echo "driver_darwin: sdk import/list/remove, arm64+amd64 C and C++, universal, verify ok (running macOS binaries is impossible here)"
