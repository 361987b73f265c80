# ccache both ways on a generated project of 13 C and C++ files for
# linux/arm64 (docs/cache.md):
#   outer: CC="ccache aarch64-linux-musl-cc" from `xstatic env --launcher ccache`
#          (compiler_check = xstatic cc --print-fingerprint), and CMake's
#          CMAKE_<LANG>_COMPILER_LAUNCHER from `xstatic toolchain cmake --launcher ccache`;
#   inner: XSTATIC_LAUNCHER=ccache (ccache runs clang itself).
# A rebuild after deleting the build folder hits 100% and gives the same
# objects; another target, libc, --pie (outer) or clang misses; the binaries
# are static, verified and run (arm64 under qemu).
. "$(dirname "$0")/lib/common.sh"
. "$SRC/tests/integration/lib/examples.sh"
. "$SRC/tests/integration/lib/cache.sh"
need ccache
need make
need qemu-aarch64-static
need clang-14
private_store
isolate_ccache
gen_project proj 8 4  # 13 files (enough for every hit/miss count; bench/cache.sh builds the 111-file one)
cp -r proj proj2  # another checkout of the same sources
n=$(project_files proj)
expected="cache project: $((n - 1)) files"

# build FOLDER [make variables...] -- ENV-ARGS...: make with `xstatic env ENV-ARGS`.
build() {
  local folder=$1 vars=()
  shift
  while [ "$1" != -- ]; do vars+=("$1"); shift; done
  shift
  (eval "$("$XSTATIC" -q env "$@")" && make -C "${PROJ:-proj}" -j4 BUILD="$WORK/$folder" "${vars[@]}") \
    >"$WORK/$folder.log" 2>&1 || fail "make $folder failed: $(tail -20 "$WORK/$folder.log")"
}

# --- outer: ccache in front of xstatic's compiler names ---------------------
ccache -z >/dev/null
build outer -- linux/arm64 --launcher ccache
expect_ccache 0 "$n" "outer, first build"
expect_contains "$(cat outer.log)" "ccache $XSTATIC_HOME/bin/aarch64-linux-musl-cc"
check_static outer/app linux/arm64
check_runs "$expected" outer/app
cp -r outer outer-first

rm -rf outer
ccache -z >/dev/null
build outer -- linux/arm64 --launcher ccache
expect_ccache "$n" 0 "outer, rebuild after deleting the build folder"
same_objects outer-first outer "outer rebuild"
check_static outer/app linux/arm64
check_runs "$expected" outer/app

# Another checkout in another folder: Make's relative paths hit as they are.
ccache -z >/dev/null
PROJ=proj2 build outer-proj2 -- linux/arm64 --launcher ccache
expect_ccache "$n" 0 "outer, the same sources in another folder"
same_objects outer-first outer-proj2 "two checkouts"

ccache -z >/dev/null
build outer-amd64 -- linux/amd64 --launcher ccache
expect_ccache 0 "$n" "outer, linux/amd64 after linux/arm64"
check_static outer-amd64/app linux/amd64
check_runs "$expected" outer-amd64/app

ccache -z >/dev/null
build outer-glibc -- linux/arm64 --libc glibc --launcher ccache
expect_ccache 0 "$n" "outer, glibc after musl"
check_static outer-glibc/app linux/arm64 glibc
check_runs "$expected" outer-glibc/app

ccache -z >/dev/null
build outer-pie "CFLAGS=-O2 --pie" "CXXFLAGS=-O2 --pie" LDFLAGS=--pie -- linux/arm64 --launcher ccache
expect_ccache 0 "$n" "outer, --pie after no --pie"
check_runs "$expected" outer-pie/app
"$XSTATIC" inspect outer-pie/app | grep -q static-pie || fail "outer-pie/app is not static-pie: $("$XSTATIC" inspect outer-pie/app)"

# Another clang: the same clang-19 binary copied elsewhere (another path and
# mtime: what an upgrade or another XSTATIC_CLANG looks like to a cache), and
# Debian's clang-14 for the C files when it is installed.
mkdir other-clang
cp /usr/lib/llvm-19/bin/clang other-clang/clang-19
ccache -z >/dev/null
XSTATIC_CLANG=$WORK/other-clang/clang-19 build outer-clang -- linux/arm64 --launcher ccache
expect_ccache 0 "$n" "outer, another clang"
check_runs "$expected" outer-clang/app
ccache -z >/dev/null
XSTATIC_CLANG=clang-14 build outer-clang14 c-objects -- linux/arm64 --launcher ccache
expect_ccache 0 "$(ls proj/src/*.c | wc -l)" "outer, clang-14"

# --- outer through CMake ---------------------------------------------------
need cmake
"$XSTATIC" -q toolchain cmake linux/arm64 --launcher ccache -o arm64.cmake
cmake_build() { # [source folder] [build folder]
  local source=${1:-proj} folder=${2:-cm}
  rm -rf "$folder"
  { cmake -S "$source" -B "$folder" -G "Unix Makefiles" -DCMAKE_TOOLCHAIN_FILE="$WORK/arm64.cmake" -DCMAKE_BUILD_TYPE=Release &&
    cmake --build "$folder" -j4 -- VERBOSE=1; } >cmake.log 2>&1 || fail "cmake build failed: $(tail -20 cmake.log)"
}
# CMake's compiler checks (two try_compile objects) go through the launcher too.
ccache -z >/dev/null
cmake_build
expect_ccache 0 $((n + 2)) "cmake, first build"
expect_contains "$(cat cmake.log)" "CCACHE_COMPILERCHECK=%compiler% --print-fingerprint"
check_static cm/app linux/arm64
check_runs "$expected" cm/app
ccache -z >/dev/null
cmake_build
expect_ccache $((n + 2)) 0 "cmake, rebuild after deleting the build folder"
check_static cm/app linux/arm64
# CMake passes absolute paths: another checkout hits only with ccache's
# base_dir (paths below it are hashed relative to the build folder).
export CCACHE_BASEDIR=$WORK
cmake_build proj proj/cm
ccache -z >/dev/null
cmake_build proj2 proj2/cm
expect_ccache $((n + 2)) 0 "cmake, another checkout with CCACHE_BASEDIR"
check_runs "$expected" proj2/cm/app
unset CCACHE_BASEDIR

# --- inner: XSTATIC_LAUNCHER=ccache ---------------------------------------
# ccache sees clang's own command; links never reach it (called_for_link 0).
ccache -z >/dev/null
XSTATIC_LAUNCHER=ccache build inner -- linux/arm64
expect_ccache 0 "$n" "inner, first build"
[ "$(ccache_stat called_for_link)" = 0 ] || fail "inner: a link went through ccache: $(ccache -s)"
same_objects outer-first inner "inner and outer builds"
check_static inner/app linux/arm64
check_runs "$expected" inner/app

rm -rf inner
ccache -z >/dev/null
XSTATIC_LAUNCHER=ccache build inner -- linux/arm64
expect_ccache "$n" 0 "inner, rebuild after deleting the build folder"
same_objects outer-first inner "inner rebuild"
check_static inner/app linux/arm64
check_runs "$expected" inner/app

ccache -z >/dev/null
XSTATIC_LAUNCHER=ccache build inner-amd64 -- linux/amd64
expect_ccache 0 "$n" "inner, linux/amd64 after linux/arm64"
same_objects outer-amd64 inner-amd64 "inner and outer linux/amd64 builds"
check_static inner-amd64/app linux/amd64

ccache -z >/dev/null
XSTATIC_LAUNCHER=ccache build inner-glibc -- linux/arm64 --libc glibc
expect_ccache 0 "$n" "inner, glibc after musl"
check_static inner-glibc/app linux/arm64 glibc

# --pie changes only the link: clang compiles the same command, so the
# objects are the same files and a hit is right (checked byte for byte).
ccache -z >/dev/null
XSTATIC_LAUNCHER=ccache build inner-pie "CFLAGS=-O2 --pie" "CXXFLAGS=-O2 --pie" LDFLAGS=--pie -- linux/arm64
expect_ccache "$n" 0 "inner, --pie (the same compile commands)"
same_objects outer-pie inner-pie "--pie objects, outer (compiled) and inner (from the cache)"
"$XSTATIC" inspect inner-pie/app | grep -q static-pie || fail "inner-pie/app is not static-pie"
check_runs "$expected" inner-pie/app

ccache -z >/dev/null
XSTATIC_LAUNCHER=ccache XSTATIC_CLANG=$WORK/other-clang/clang-19 build inner-clang -- linux/arm64
expect_ccache 0 "$n" "inner, another clang"

# --- errors ---------------------------------------------------------------
mkdir -p nobin
echo 'int f(void) { return 1; }' >f.c
must_fail env PATH="$WORK/nobin" XSTATIC_CLANG=/usr/bin/clang-19 XSTATIC_LAUNCHER=ccache \
  "$XSTATIC" cc --target linux/arm64 -c f.c -o f.o
expect_contains "$(cat err)" "the launcher 'ccache' is not installed"
expect_contains "$(cat err)" "apt-get install ccache"
set +e
env PATH="$WORK/nobin" XSTATIC_CLANG=/usr/bin/clang-19 "$XSTATIC" cc --target linux/arm64 --launcher ccache -c f.c 2>/dev/null
[ $? = 3 ] || fail "a missing launcher must exit 3"
set -e
must_fail "$XSTATIC" cc --target linux/arm64 --launcher fastcache -c f.c
expect_contains "$(cat err)" "unknown launcher 'fastcache'"
# A link with a launcher that is not installed still links (links never use it).
echo 'int main(void) { return 0; }' >m.c
env PATH="$WORK/nobin" XSTATIC_CLANG=/usr/bin/clang-19 XSTATIC_LAUNCHER=ccache "$XSTATIC" cc --target linux/arm64 m.c -o m ||
  fail "a link failed because of the launcher"

echo "PASS: driver_ccache"
