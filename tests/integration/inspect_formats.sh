#!/usr/bin/env bash
# inspect/verify on PE (mingw-w64 gcc and lld-link, with a delay-loaded DLL)
# and Mach-O (objects, executables and dylibs from clang + ld64.lld, thin and
# universal): formats, targets, libraries, and the "static" rule of each OS.
. "$(dirname "$0")/lib/common.sh"
need clang-19
need ld64.lld-19
need llvm-lipo-19
need x86_64-w64-mingw32-gcc
need python3

bins=$WORK/bins
"$SRC/tests/integration/inspect/make_binaries.sh" "$bins" 2>/dev/null
cd "$bins"
files=(hello.exe hello-stripped.exe hello-cxx-dynamic.exe delay.exe mac-arm64.o mac-arm64 macdyn-x86_64
       libmac-arm64.dylib mac-universal macdyn-universal macweak-arm64 libreexport-arm64.dylib)
"$XSTATIC" inspect --json "${files[@]}" >"$WORK/report.json"
python3 - "$WORK/report.json" <<'PY' || fail "reports differ from what was built"
import json, sys
r = {x["path"]: x for x in json.load(open(sys.argv[1]))}
def check(path, **want):
    for k, v in want.items():
        assert r[path][k] == v, "%s: %s is %r, expected %r" % (path, k, r[path][k], v)
def imports(path):
    return {(i["name"].lower(), i["kind"], i["system"]) for i in r[path]["imports"]}
check("hello.exe", format="pe", target="windows/amd64", file_type="executable", linkage="static",
      subsystem="console", stripped=False, bits=64)
assert ("kernel32.dll", "import", True) in imports("hello.exe"), imports("hello.exe")
check("hello-stripped.exe", stripped=True, linkage="static")
check("hello-cxx-dynamic.exe", linkage="dynamic")
assert ("libstdc++-6.dll", "import", False) in imports("hello-cxx-dynamic.exe"), imports("hello-cxx-dynamic.exe")
check("delay.exe", linkage="static")
assert ("user32.dll", "delay", True) in imports("delay.exe"), imports("delay.exe")
check("mac-arm64.o", format="macho", file_type="object", linkage="none", target="darwin/arm64")
check("mac-arm64", format="macho", file_type="executable", linkage="static", target="darwin/arm64",
      min_os="macos 11.0", arch="aarch64")
assert [d["name"] for d in r["mac-arm64"]["dylibs"]] == ["/usr/lib/libSystem.B.dylib"]
assert len(r["mac-arm64"]["build_id"]) == 32
check("macdyn-x86_64", linkage="dynamic", target="darwin/amd64", rpath=["@executable_path/../lib"])
assert {"name": "/usr/local/lib/libfoo.dylib", "kind": "load", "system": False} in r["macdyn-x86_64"]["dylibs"]
check("libmac-arm64.dylib", file_type="shared-object")
check("mac-universal", format="macho-universal", linkage="static")
assert sorted(s["target"] for s in r["mac-universal"]["slices"]) == ["darwin/amd64", "darwin/arm64"]
check("macdyn-universal", linkage="dynamic")
kinds = lambda p: {(d["name"], d["kind"]) for d in r[p]["dylibs"]}
assert ("/usr/local/lib/libfoo.dylib", "weak") in kinds("macweak-arm64"), kinds("macweak-arm64")
assert ("/usr/local/lib/libfoo.dylib", "reexport") in kinds("libreexport-arm64.dylib"), kinds("libreexport-arm64.dylib")
check("macweak-arm64", linkage="dynamic")
PY

"$XSTATIC" verify --static --target windows/amd64 hello.exe delay.exe
out=$("$XSTATIC" verify --static hello-cxx-dynamic.exe) && fail "MinGW C++ runtime DLLs passed --static"
expect_contains "$out" "hello-cxx-dynamic.exe: dynamic: imports libstdc++-6.dll"
"$XSTATIC" verify --static --target darwin/arm64 mac-arm64 mac-universal
"$XSTATIC" verify --static --target darwin/amd64 mac-universal
out=$("$XSTATIC" verify --static macdyn-universal) && fail "a universal binary linking libfoo passed --static"
expect_contains "$out" "macdyn-universal: slice x86_64: dynamic: links /usr/local/lib/libfoo.dylib"
expect_contains "$out" "; slice aarch64: dynamic: links /usr/local/lib/libfoo.dylib"
out=$("$XSTATIC" verify --target linux/arm64 mac-arm64 hello.exe) && fail "Mach-O/PE passed as linux/arm64"
expect_contains "$out" "mac-arm64: target: is darwin/arm64 (Mach-O arm64), expected linux/arm64"
expect_contains "$out" "hello.exe: target: is windows/amd64 (COFF-x86-64), expected linux/arm64"
out=$("$XSTATIC" verify --target darwin/arm64 macdyn-x86_64) && fail "x86_64 Mach-O passed as arm64"
echo "inspect_formats: PE and Mach-O reports and verdicts ok"
