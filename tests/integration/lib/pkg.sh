# Packages built by `xstatic pkg` for the pkg_* suites; sourced after
# common.sh: pkg_need (the sysroot and the packages, built once per test
# store), pkg_run (a binary of a target, under its qemu-user), pkg_build (a
# program of programs/pkg/ linked against packages, verified static).
PKG_PROGRAMS=$SRC/tests/integration/programs/pkg

# The sysroot of `target` and the packages, built (once) into the test store;
# PKG_LIBC=glibc for a glibc target's.
pkg_need() { # target package...
  local t=$1; shift
  need apt-get
  case $t in
    windows/*) ;;  # mingw-w64's sysroot is the system's (scripts/setup.sh installs it)
    *) need_sysroot "$t" ${PKG_LIBC:+"$PKG_LIBC"} || fail "cannot install the sysroot for $t" ;;
  esac
  "$XSTATIC" -q pkg install "$t" ${PKG_LIBC:+--libc "$PKG_LIBC"} "$@" >"$WORK/pkg-install.log" 2>&1 ||
    fail "pkg install $t $*: $(tail -20 "$WORK/pkg-install.log")"
}

# The qemu-user binary that runs `target`'s programs here ("" when native).
pkg_runner() { # target
  case $1 in
    linux/amd64*) echo "" ;;
    linux/arm64) echo qemu-aarch64-static ;;
    linux/s390x) echo qemu-s390x-static ;;
    linux/arm/v7) echo qemu-arm-static ;;
    *) fail "pkg_runner: no runner for $1" ;;
  esac
}

pkg_run() { # target binary args...
  local t=$1 runner; shift
  case $t in windows/*) "$XSTATIC" run --target "$t" "$@"; return ;; esac  # wine (the suite calls use_wine)
  runner=$(pkg_runner "$t")
  if [ -n "$runner" ]; then need "$runner"; "$runner" "$@"; else "$@"; fi
}

# Compiles programs/pkg/<name>.c (or <name>.cpp, with xstatic c++) for
# `target` with `-l` flags, checks that the result is static and of the
# target's machine.
pkg_build() { # target name out link-flags...
  local t=$1 name=$2 out=$3 driver=cc src=$PKG_PROGRAMS/$2.c; shift 3
  [ -f "$src" ] || { src=$PKG_PROGRAMS/$name.cpp; driver=c++; }
  "$XSTATIC" $driver --target "$t" ${PKG_LIBC:+--libc "$PKG_LIBC"} -O2 "$src" -o "$out" "$@" \
    2>"$WORK/cc.err" || fail "linking $name for $t failed: $(cat "$WORK/cc.err")"
  # PKG_ALLOW_HAZARDS=1: a static glibc program that resolves names (curl,
  # libevent, googletest's result streaming) carries NSS, which verify reports as a hazard: then the link
  # must have said so, and verify passes with --allow-hazards.
  local allow=()
  if [ "${PKG_ALLOW_HAZARDS:-0}" = 1 ]; then
    expect_contains "$(cat "$WORK/cc.err")" "libnss_"
    allow=(--allow-hazards)
  fi
  "$XSTATIC" verify "$out" --target "$t" ${PKG_LIBC:+--libc "$PKG_LIBC"} --static "${allow[@]}" >/dev/null 2>&1 ||
    fail "$out is not a static $t binary: $("$XSTATIC" verify "$out" --static "${allow[@]}" 2>&1)"
}
