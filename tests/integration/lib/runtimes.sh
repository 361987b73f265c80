# For the runtimes_build/cxx/malloc suites (sourced after common.sh): skips
# without clang-19, cmake, ninja or python3; runtimes_need_sysroot, and
# cxx_musl, which links C++ for musl the way xstatic's driver does.

need clang-19
need cmake
need ninja
need python3

# The musl sysroot for a target, from xstatic's sysroot module.
runtimes_need_sysroot() { # go-target
  need_sysroot "$1" musl || skip "cannot provision the musl sysroot for $1 through apt"
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
