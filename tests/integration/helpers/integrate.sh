# Shared by the integrate_*.sh suites (sourced after lib.sh). Each probe skips
# (exit 77) naming the module that is missing from this build, so a suite
# never fails for a piece that has not landed yet.

EXAMPLES="$SRC/examples"
TOOLCHAINS="$SRC/toolchains"
TARGETS=(linux/amd64 linux/arm64)

need_sysroot_module() {
  "$XSTATIC" sysroot install --help >/dev/null 2>&1 ||
    skip "'xstatic sysroot install' is missing from this build (sysroot module not landed)"
}

need_driver() {
  local out
  if ! out=$("$XSTATIC" cc --version 2>&1); then
    case $out in
      *"not built yet"*) skip "'xstatic cc' is a placeholder in this build (driver module not landed)" ;;
      *) fail "'xstatic cc --version' failed: $out" ;;
    esac
  fi
}

need_verify() {
  "$XSTATIC" verify --help >/dev/null 2>&1 ||
    skip "'xstatic verify' is missing from this build (inspect module not landed)"
}

# Everything an example build needs for one target: its sysroot, and for
# C++ the runtime (built once into the shared test store when missing).
need_target() { # target [libc]
  need_sysroot "$1" "${2:-musl}"
}

need_cxx() { # target
  local probe=$WORK/probe-cxx.cpp out
  printf '#include <string>\nint main() { return std::string("x").size() == 1 ? 0 : 1; }\n' >"$probe"
  if out=$("$XSTATIC" c++ --target "$1" "$probe" -o "$WORK/probe-cxx" 2>&1); then return 0; fi
  case $out in
    *"xstatic runtimes build"*)
      # libc++ for musl is built once into the shared test store (about a minute per target).
      "$XSTATIC" runtimes build --help >/dev/null 2>&1 ||
        skip "C++ for $1 needs libc++ and 'xstatic runtimes build' is missing (runtimes module not landed)"
      "$XSTATIC" -q runtimes build "$1" >/dev/null || fail "'xstatic runtimes build $1' failed"
      "$XSTATIC" c++ --target "$1" "$probe" -o "$WORK/probe-cxx" || fail "C++ for $1 still fails after runtimes build"
      ;;
    *"runtimes"*) skip "C++ for $1 needs runtimes this build cannot make: $out" ;;
    *) fail "C++ probe for $1 failed: $out" ;;
  esac
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
