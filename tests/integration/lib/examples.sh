# Building the examples/ projects for a target, for the integrate_* suites
# and the compile-cache driver suites (sourced after common.sh):
# need_target, need_cxx (libc++ built once), copy_example, and the checks of
# a result: check_static (`xstatic verify`), check_runs (`xstatic run`).

EXAMPLES="$SRC/examples"
TOOLCHAINS="$SRC/toolchains"
# The suites that loop over TARGETS are registered once per target (CTest
# names them SUITE:linux/amd64, SUITE:linux/arm64: a failure names its
# target, and the two run side by side); run by hand they do both.
read -r -a TARGETS <<<"${XSTATIC_SUITE_TARGETS:-linux/amd64 linux/arm64}"

# Everything an example build needs for one target: its sysroot.
need_target() { # target [libc]
  need_sysroot "$1" "${2:-musl}"
}

need_cxx() { # target
  # The first C++ use builds libc++ for a musl target (once per test store).
  local probe=$WORK/probe-cxx.cpp out
  printf '#include <string>\nint main() { return std::string("x").size() == 1 ? 0 : 1; }\n' >"$probe"
  out=$("$XSTATIC" c++ --target "$1" "$probe" -o "$WORK/probe-cxx" 2>&1) || fail "C++ probe for $1 failed: $out"
}

# Fails unless FILE is a static executable of TARGET (and LIBC, default musl), per `xstatic verify`.
check_static() { # file target [libc]
  local out
  out=$("$XSTATIC" verify "$1" --target "$2" --libc "${3:-musl}" --static 2>&1) ||
    fail "$1 ($2, ${3:-musl}) does not verify static: $out"
}

# Runs a target binary here (natively or under qemu-user) and checks its output.
check_runs() { # expected-substring file [args...]
  local expected=$1 out
  shift
  out=$("$XSTATIC" run -- "$@" 2>&1) || fail "running $1 failed: $out"
  expect_contains "$out" "$expected"
}

# A fresh copy of an example, so that in-tree builds never touch the source tree.
copy_example() { # name dest
  rm -rf "$2"
  cp -r "$EXAMPLES/$1" "$2"
}

arch_of() { echo "${1#*/}" | tr / -; }  # linux/arm64 -> arm64
