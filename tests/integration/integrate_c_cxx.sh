# examples/hello-c and examples/cxx-threads: built with `xstatic cc|c++` for
# linux/amd64 and linux/arm64, verified static, run (arm64 under qemu-user).
. "$(dirname "$0")/lib/common.sh"
. "$SRC/tests/integration/lib/examples.sh"
need qemu-aarch64-static

for t in "${TARGETS[@]}"; do
  a=$(arch_of "$t")
  need_target "$t"
  "$XSTATIC" cc --target "$t" "$EXAMPLES/hello-c/main.c" -o "hello-$a" || fail "hello-c did not build for $t"
  check_static "hello-$a" "$t"
  check_runs "hello from a static C program on" "./hello-$a"

  need_cxx "$t"
  "$XSTATIC" c++ --target "$t" -O2 "$EXAMPLES/cxx-threads/main.cpp" -o "threads-$a" ||
    fail "cxx-threads did not build for $t"
  check_static "threads-$a" "$t"
  check_runs "threads: 4, sum: 120000, caught: 4" "./threads-$a"
  check_runs "main caught: across frames" "./threads-$a"
done
echo "PASS: integrate_c_cxx"
