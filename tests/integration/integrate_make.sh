# examples/makefile-project (plain make with `xstatic env`) and
# examples/autotools-project (./configure --host=<triple>), for linux/amd64
# and linux/arm64; each result verified static and run.
. "$(dirname "$0")/lib/common.sh"
. "$SRC/tests/integration/lib/examples.sh"
need qemu-aarch64-static
need make

for t in "${TARGETS[@]}"; do
  a=$(arch_of "$t")
  need_target "$t"

  # Plain make, its variables from `xstatic env` (in a subshell: no leaks between targets).
  copy_example makefile-project "make-$a"
  (eval "$("$XSTATIC" -q env "$t")" && make -C "make-$a" >"make-$a.log" 2>&1) ||
    fail "make for $t failed: $(cat "make-$a.log")"
  check_static "make-$a/app" "$t"
  check_runs "hello, xstatic (greet 1.0)" "make-$a/app" xstatic

  # Autotools style, the way autoconf users write it.
  copy_example autotools-project "conf-$a"
  (eval "$("$XSTATIC" -q env "$t")" && cd "conf-$a" && ./configure --host="$XSTATIC_HOST" && make) \
    >"conf-$a.log" 2>&1 || fail "configure/make for $t failed: $(cat "conf-$a.log")"
  expect_contains "$(cat "conf-$a.log")" "checking whether we are cross compiling... yes"
  check_static "conf-$a/uptime-info" "$t"
  check_runs "clock_gettime: yes" "conf-$a/uptime-info"

  # And with no CC at all: configure finds <triple>-cc on PATH, as autoconf does.
  copy_example autotools-project "path-$a"
  host=$("$XSTATIC" -q env "$t" --json | sed -n 's/.*"XSTATIC_HOST": "\(.*\)".*/\1/p')
  (PATH="$XSTATIC_HOME/bin:$PATH" && unset CC && cd "path-$a" && ./configure --host="$host" && make) \
    >"path-$a.log" 2>&1 || fail "configure --host=$host via PATH failed: $(cat "path-$a.log")"
  expect_contains "$(cat "path-$a.log")" "checking for C compiler... $host-cc"
  check_static "path-$a/uptime-info" "$t"
  check_runs "built for $host" "path-$a/uptime-info"
done
echo "PASS: integrate_make"
