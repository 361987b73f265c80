#!/usr/bin/env bash
# C++ on musl with xstatic's libc++: build the runtimes for linux/amd64 and
# linux/arm64 (once per test store), then compile a program using exceptions,
# RTTI, iostreams, threads, thread_local, <filesystem>, <chrono> and a static
# destructor; check that each binary is static (file, readelf and xstatic
# verify) and prints what it should,
# arm64 under qemu-user.
. "$(dirname "$0")/lib/common.sh"
. "$SRC/tests/integration/lib/runtimes.sh"
need qemu-aarch64-static
need file

runtimes_need_sysroot linux/amd64
runtimes_need_sysroot linux/arm64
"$XSTATIC" runtimes build linux/amd64 linux/arm64 >build.out || fail "runtimes build failed"

expected="exception: thrown 3 frames down
dynamic_cast: radius 7
typeid: Circle
iostream 42 2.5
threads: 40, main thread_local 0
filesystem: 5 bytes
chrono: slept at least 20 ms
static destructor ran"

check() { # go-target debian-arch triple runner
  local rt=$XSTATIC_HOME/runtimes/llvm-$CLANG_MAJOR-r2/$2-musl
  [ -f "$rt/manifest.json" ] || fail "no manifest in $rt"
  for lib in libc++.a libc++abi.a libunwind.a; do [ -f "$rt/lib/$lib" ] || fail "$rt/lib/$lib missing"; done
  [ -f "$rt/include/c++/v1/__config_site" ] || fail "no __config_site in $rt"
  grep -q '_LIBCPP_HAS_MUSL_LIBC' "$rt/include/c++/v1/__config_site" || fail "libc++ not configured for musl"

  cxx_musl "$3" "$XSTATIC_HOME/sysroots/$2-musl" "$rt" "app-$2" "$SRC/tests/integration/programs/cxx_features.cpp" ||
    fail "$1: compile/link failed"
  local desc
  desc=$(file "app-$2")
  expect_contains "$desc" "statically linked"
  "$XSTATIC" verify "app-$2" --target "$1" --libc musl --static --stripped || fail "$1: xstatic verify failed"
  if readelf -lW "app-$2" | grep -q INTERP; then fail "$1: has a PT_INTERP"; fi
  if readelf -dW "app-$2" 2>/dev/null | grep -q NEEDED; then fail "$1: has DT_NEEDED"; fi
  local out
  out=$($4 "./app-$2") || fail "$1: program exited with $?"
  [ "$out" = "$expected" ] || fail "$1: unexpected output:
$out"
  echo "ok $1: $(stat -c %s "app-$2") bytes, static, output as expected"
}

check linux/amd64 amd64 x86_64-linux-musl ""
check linux/arm64 arm64 aarch64-linux-musl qemu-aarch64-static

# iostream + std::thread hello, the size benchmark's program: below zig c++ 0.11's 336,912 bytes.
cp "$SRC/tests/integration/programs/cxx_hello_thread.cpp" hello.cpp
rt=$XSTATIC_HOME/runtimes/llvm-$CLANG_MAJOR-r2/arm64-musl
cxx_musl aarch64-linux-musl "$XSTATIC_HOME/sysroots/arm64-musl" "$rt" hello hello.cpp || fail "hello: link failed"
[ "$(qemu-aarch64-static ./hello)" = "hello from a thread
hello, world" ] || fail "hello: wrong output"
size=$(stat -c %s hello)
[ "$size" -lt 336912 ] || fail "hello is $size bytes: not below zig c++'s 336,912"
echo "ok hello (iostream + thread, arm64): $size bytes"

# A thread_local object with a destructor: libc++abi once called musl's
# (absent) __cxa_thread_atexit_impl, and such a program did not link.
cat >thread_dtor.cpp <<'CPP'
#include <cstdio>
#include <string>
#include <thread>
struct Noisy {
  std::string name;
  ~Noisy() { std::printf("destroyed %s\n", name.c_str()); }
};
thread_local Noisy noisy{"unset"};
int main() {
  std::thread t([] { noisy.name = "thread"; });
  t.join();
  noisy.name = "main";
}
CPP
cxx_musl aarch64-linux-musl "$XSTATIC_HOME/sysroots/arm64-musl" "$rt" thread_dtor thread_dtor.cpp ||
  fail "thread_local with a destructor: link failed"
[ "$(qemu-aarch64-static ./thread_dtor)" = "destroyed thread
destroyed main" ] || fail "thread_local destructors: wrong output"
echo "ok thread_local destructors run, in the thread and in main"

# configure is told what clang answers: it runs only the checks whose answer
# depends on the target (LLVM 19's configure made 65 of them; 5 are left).
checks=$(count_matches "^-- Performing Test .* - \|^-- Looking for .* - " "$rt/build.log")
[ "$checks" -le 8 ] || fail "configure ran $checks checks"
echo "ok configure ran $checks checks"
