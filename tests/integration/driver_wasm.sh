#!/usr/bin/env bash
# WebAssembly (wasip1/wasm): xstatic provisions the WASI sysroot from Debian's
# arch:all packages (wasi-libc, libc++/libc++abi and compiler-rt for wasm32)
# into the store; C and C++ (iostream, vector, string) build, verify (every
# import from wasi_snapshot_preview1) and run under node's node:wasi through
# `xstatic run` with arguments, environment, output and exit status intact; a
# module importing from another module fails verify, naming that import;
# `inspect --json` shows imports, exports and memory.
. "$(dirname "$0")/lib/common.sh"
need clang-19; need wasm-ld-19; need apt-get; need node; need python3
need cmake
need ninja
node -e 'require("node:wasi")' 2>/dev/null || skip "this node has no node:wasi (node 20 has)"
# wasmtime, when on PATH, would be chosen first: this suite checks node.
PATH=$(printf '%s' "$PATH" | tr ':' '\n' | while read -r d; do [ -x "$d/wasmtime" ] || printf '%s:' "$d"; done)
export PATH=${PATH%:}

"$XSTATIC" -q sysroot install wasip1/wasm >/dev/null
sysroot=$("$XSTATIC" sysroot list --json | python3 -c '
import json, sys
print(next(s["path"] for s in json.load(sys.stdin) if s["target"] == "wasip1/wasm"))')
for f in include/wasm32-wasip1/stdio.h include/c++/v1/iostream lib/wasm32-wasip1/libc.a \
  lib/wasm32-wasip1/libc++.a lib/wasm32-wasip1/libc++abi.a lib/wasm32-wasip1/libclang_rt.builtins-wasm32.a; do
  [ -f "$sysroot/$f" ] || fail "the WASI sysroot $sysroot has no $f"
done
echo "ok: WASI sysroot at $sysroot"
"$XSTATIC" targets | grep -E '^wasip1/wasm .* node +ready' >/dev/null || fail "xstatic targets: $("$XSTATIC" targets | grep wasip1)"

cat >hello.c <<'C'
#include <stdio.h>
#include <stdlib.h>
int main(int argc, char **argv) {
  const char *who = getenv("WHO");
  printf("hello %s from %s, %d args\n", who ? who : "nobody", argc > 1 ? argv[1] : "-", argc);
  return 3;
}
C
cat >hello.cpp <<'CXX'
#include <iostream>
#include <string>
#include <vector>
int main(int argc, char **argv) {
  std::vector<std::string> words{"hello", "c++"};
  for (int i = 1; i < argc; ++i) words.emplace_back(argv[i]);
  std::string line;
  for (const auto &w : words) line += (line.empty() ? "" : " ") + w;
  std::cout << line << " (" << words.size() << ")" << std::endl;
  return 3;
}
CXX

"$XSTATIC" cc --target wasip1/wasm -O2 hello.c -o hello.wasm
"$XSTATIC" c++ --target wasip1/wasm -O2 hello.cpp -o hello-cxx.wasm
(cd "$WORK" && mkdir -p noout && cd noout && "$XSTATIC" cc --target wasip1/wasm -O2 ../hello.c && [ -f a.wasm ]) ||
  fail "a link without -o did not write a.wasm"
for m in hello.wasm hello-cxx.wasm; do
  [ "$(head -c 4 "$m" | od -An -tx1 | tr -d ' ')" = 0061736d ] || fail "$m is not a wasm module"
  "$XSTATIC" verify "$m" --target wasip1/wasm --static || fail "xstatic verify refused $m"
done
echo "ok: C $(stat -c %s hello.wasm) bytes, C++ $(stat -c %s hello-cxx.wasm) bytes, both verified"

rc=0; out=$(WHO=wasm "$XSTATIC" run hello.wasm first 2>err.txt) || rc=$?
[ "$out" = "hello wasm from first, 2 args" ] || fail "hello.wasm printed: $out (stderr: $(cat err.txt))"
[ "$rc" = 3 ] || fail "hello.wasm exited $rc, not 3"
[ ! -s err.txt ] || fail "xstatic run printed on stderr: $(cat err.txt)"
rc=0; out=$("$XSTATIC" run hello-cxx.wasm a b) || rc=$?
[ "$out" = "hello c++ a b (4)" ] || fail "hello-cxx.wasm printed: $out"
[ "$rc" = 3 ] || fail "hello-cxx.wasm exited $rc, not 3"
echo "ok: both ran under node (output, arguments, environment and exit status intact)"

# A module that imports from another module than WASI's is not self-contained.
cat >importer.c <<'C'
__attribute__((import_module("env"), import_name("host_add"))) int host_add(int, int);
int main(void) { return host_add(1, 2); }
C
must_fail "$XSTATIC" cc --target wasip1/wasm importer.c -o importer.wasm -Wl,--allow-undefined
expect_contains "$(cat "$WORK/err")" "env.host_add"
[ ! -e importer.wasm ] || fail "the failed link left importer.wasm behind"
"$XSTATIC" cc --target wasip1/wasm importer.c -o importer.wasm -Wl,--allow-undefined --no-verify
rc=0; out=$("$XSTATIC" verify importer.wasm --target wasip1/wasm --static 2>&1) || rc=$?
[ "$rc" = 1 ] || fail "verify of importer.wasm exited $rc, not 1: $out"
expect_contains "$out" "imports from outside wasi_snapshot_preview1: env.host_add"
echo "ok: verify names the foreign import: $out"

"$XSTATIC" inspect --json importer.wasm >importer.json
python3 - importer.json <<'PY'
import json, sys
r = json.load(open(sys.argv[1]))
r = r[0] if isinstance(r, list) else r
assert r["format"] == "wasm" and r["target"] == "wasip1/wasm" and r["linkage"] == "dynamic", r
w = r["wasm"]
imports = {(i["module"], i["name"]) for i in w["imports"]}
assert ("env", "host_add") in imports, imports
assert any(m == "wasi_snapshot_preview1" for m, _ in imports), imports
assert any(e["name"] == "_start" and e["kind"] == "function" for e in w["exports"]), w["exports"]
assert any(e["name"] == "memory" and e["kind"] == "memory" for e in w["exports"]), w["exports"]
assert w["memories"] and w["memories"][0]["initial_pages"] >= 1, w["memories"]
assert w["foreign_imports"] == ["env.host_add"], w["foreign_imports"]
PY
"$XSTATIC" inspect hello.wasm | grep -q 'wasi_snapshot_preview1: .*fd_write' || fail "inspect: $("$XSTATIC" inspect hello.wasm)"
echo "ok: inspect reads imports, exports and memory"

# What WASI C++ lacks is said, not left to a linker error.
printf '#include <cstdio>\nint main() { try { throw 1; } catch (int) { std::puts("caught"); } }\n' >throw.cpp
must_fail "$XSTATIC" c++ --target wasip1/wasm throw.cpp -o throw.wasm
expect_contains "$(cat "$WORK/err")" "exceptions"
"$XSTATIC" c++ --target wasip1/wasm -fexceptions -c hello.cpp -o /dev/null 2>warn.txt ||
  fail "a compile with -fexceptions that throws nothing failed: $(cat warn.txt)"
expect_contains "$(cat warn.txt)" "has no C++ exceptions"
echo "ok: exceptions are refused with a clear message"

# CMake: the toolchain file names programs .wasm and ctest runs them through `xstatic run`.
"$XSTATIC" toolchain cmake wasip1/wasm -o wasi.cmake >/dev/null
mkdir -p proj && cp hello.c proj/main.c
cat >proj/CMakeLists.txt <<'CMAKE'
cmake_minimum_required(VERSION 3.20)
project(wasm_hello C)
add_executable(hello main.c)
enable_testing()
add_test(NAME hello COMMAND hello from-ctest)
set_tests_properties(hello PROPERTIES PASS_REGULAR_EXPRESSION "hello nobody from from-ctest")
CMAKE
cmake -S proj -B proj-build -G Ninja -DCMAKE_TOOLCHAIN_FILE="$WORK/wasi.cmake" >cmake.log 2>&1 || fail "cmake: $(tail -5 cmake.log)"
cmake --build proj-build >>cmake.log 2>&1 || fail "cmake --build: $(tail -5 cmake.log)"
[ -f proj-build/hello.wasm ] || fail "CMake did not name the program hello.wasm: $(ls proj-build)"
(cd proj-build && ctest --output-on-failure >>../cmake.log 2>&1) || fail "ctest under xstatic run: $(tail -8 cmake.log)"
echo "ok: CMake built hello.wasm and ctest ran it through xstatic run"
