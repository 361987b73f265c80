# Shared by the runtimes_*.sh suites (sourced after lib.sh).

need clang-19
need cmake
need ninja
need python3

# The musl sysroot for a target, through xstatic's own sysroot module when it
# has one, else laid out by hand as design.md describes (until it lands).
runtimes_need_sysroot() { # go-target debian-arch gnu-arch
  if "$XSTATIC" --help | grep -qE "^ +sysroot "; then
    need_sysroot "$1" musl
  else
    bash "$SRC/tests/integration/support/musl_sysroot_by_hand.sh" "$2" "$3" "$XSTATIC_HOME/sysroots/$2-musl" ||
      skip "cannot provision the $2 musl sysroot through apt"
  fi
}

CLANG_MAJOR=$(clang-19 -dumpversion | cut -d. -f1)

# The flags xstatic's driver adds for C++ on musl (runtimes::cxx_flags).
cxx_musl() { # triple sysroot runtimes out src...
  local triple=$1 sysroot=$2 rt=$3 out=$4
  shift 4
  clang++-19 --target="$triple" --sysroot="$sysroot" -static -fuse-ld=lld -Wl,--gc-sections -s -O2 \
    -nostdinc++ -isystem "$rt/include/c++/v1" -nostdlib++ -L"$rt/lib" -lc++ -lc++abi -lunwind \
    "$@" -o "$out"
}
