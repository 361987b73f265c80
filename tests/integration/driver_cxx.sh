#!/usr/bin/env bash
# C++: static libstdc++ from the glibc sysroot; on musl, xstatic's libc++
# runtimes, or without them a clear error naming both ways out. Static glibc's
# NSS hazard: one clear warning.
. "$(dirname "$0")/lib/common.sh"
. "$SRC/tests/integration/lib/driver.sh"
need clang-19

cat >hello.cpp <<'CPP'
#include <iostream>
#include <string>
#include <vector>
int main() {
  std::vector<std::string> words{"hello", "from", "c++"};
  for (const auto& w : words) std::cout << w << (&w == &words.back() ? "\n" : " ");
}
CPP

for target in linux/amd64 linux/arm64; do
  driver_sysroot "$target" glibc
  out="cxx-${target#linux/}-glibc"
  "$XSTATIC" c++ --target "$target" --libc glibc -O2 hello.cpp -o "$out"
  file -b "$out" | grep -q "statically linked" || fail "$out: $(file -b "$out")"
  [ "$(driver_run "$target" "./$out")" = "hello from c++" ] || fail "$out printed the wrong thing"
  echo "ok: C++ $target glibc, static libstdc++: $(stat -c %s "$out") bytes"
done

# musl without libc++ built and XSTATIC_AUTO_BUILD=0: exit 3 and the two ways
# out (a private store that borrows the shared sysroot but has no runtimes).
driver_sysroot linux/arm64 musl
driver_sysroot linux/amd64 musl
mkdir -p nort/sysroots
ln -s "$XSTATIC_HOME/sysroots/arm64-musl" nort/sysroots/arm64-musl
rc=0
XSTATIC_AUTO_BUILD=0 XSTATIC_HOME=$WORK/nort "$XSTATIC" c++ --target linux/arm64 hello.cpp -o cxx-musl 2>err || rc=$?
[ "$rc" = 3 ] || fail "C++ on musl without runtimes exited $rc: $(cat err)"
expect_contains "$(cat err)" "xstatic runtimes build linux/arm64"
expect_contains "$(cat err)" "--libc glibc"
echo "ok: C++ on musl without runtimes: $(head -1 err)"

# musl with libc++: the first C++ use builds it (once per test store, locked:
# the runtimes suite may be building it at the same time). Exceptions and
# threads, compiled with -c and linked separately, static, run.
for target in linux/amd64 linux/arm64; do
  "$XSTATIC" c++ --target "$target" -c hello.cpp -o "auto-$(basename $target).o" 2>err ||
    fail "first C++ compile for $target did not build libc++: $(cat err)"
done
# (into a file: grep -q would stop reading a long list, and pipefail would see xstatic's SIGPIPE)
"$XSTATIC" runtimes list >list.txt
grep -q "linux/arm64" list.txt || fail "runtimes list does not show the auto-built linux/arm64"
cat >threads.cpp <<'CPP'
#include <iostream>
#include <stdexcept>
#include <string>
#include <thread>
#include <vector>
int main() {
  std::vector<std::string> words{"hello", "from", "libc++"};
  std::string out;
  std::thread t([&] { for (const auto& w : words) out += w + " "; });
  t.join();
  try { throw std::runtime_error("and an exception"); } catch (const std::exception& e) { out += e.what(); }
  std::cout << out << "\n";
}
CPP
for target in linux/amd64 linux/arm64; do
  out="cxx-${target#linux/}-musl"
  "$XSTATIC" c++ --target "$target" -O2 -c threads.cpp -o "$out.o"
  "$XSTATIC" c++ --target "$target" "$out.o" -o "$out" --print-command 2>cmd
  expect_contains "$(cat cmd)" "-lc++ -lc++abi -lunwind"
  file -b "$out" | grep -q "statically linked" || fail "$out: $(file -b "$out")"
  got=$(driver_run "$target" "./$out")
  [ "$got" = "hello from libc++ and an exception" ] || fail "$out printed '$got'"
  echo "ok: C++ $target musl with libc++: $(stat -c %s "$out") bytes"
done

# Static glibc and getaddrinfo: linked, verified, and one warning that explains.
driver_sysroot linux/amd64 glibc
cat >resolve.c <<'C'
#include <netdb.h>
#include <stdio.h>
int main(int argc, char **argv) {
  struct addrinfo *ai = 0;
  if (argc > 1) getaddrinfo(argv[1], 0, 0, &ai);
  puts("linked");
  return 0;
}
C
"$XSTATIC" cc --target linux/amd64 --libc glibc resolve.c -o resolve 2>err
[ "$(grep -c "xstatic: warning:" err)" = 1 ] || fail "expected one xstatic warning, got: $(cat err)"
expect_contains "$(cat err)" "getaddrinfo"
expect_contains "$(cat err)" "musl"
[ "$(./resolve)" = linked ] || fail "resolve did not run"
# A C++ program that resolves nothing gets no warning either (and runs).
"$XSTATIC" c++ --target linux/amd64 --libc glibc hello.cpp -o quiet 2>err || fail "C++ with static glibc: $(cat err)"
[ ! -s err ] || fail "a C++ glibc program without NSS got warnings: $(cat err)"
./quiet >/dev/null || fail "the static glibc C++ program did not run"
printf '#include <stdio.h>\nint main(void){puts("x");return 0;}\n' >plain.c
"$XSTATIC" cc --target linux/amd64 --libc glibc plain.c -o plain 2>err
[ ! -s err ] || fail "a plain glibc program got warnings: $(cat err)"
driver_sysroot linux/amd64 musl
"$XSTATIC" cc --target linux/amd64 resolve.c -o resolve-musl 2>err
[ ! -s err ] || fail "musl got a glibc warning: $(cat err)"
echo "ok: one warning for static glibc's getaddrinfo, none otherwise"
