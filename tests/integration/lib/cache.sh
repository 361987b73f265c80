# Compile caches, for the driver_ccache/sccache/distcc/icecc and
# integrate_meson_launcher suites (sourced after common.sh and examples.sh,
# whose need_cxx private_store uses) and bench/cache.sh (gen_project only):
# a generated project of C and C++ files with a Make and a CMake driver, a
# store of the suite's own, and the compile-cache statistics.

# The suite's own store: its bin/ (the compiler names, which `xstatic env`
# points at the xstatic under test) and cache/ are private, so that suites
# of other builds sharing the test store cannot repoint them mid-run; the
# sysroots and runtimes are the shared store's, provisioned (and libc++ and
# mimalloc built, by need_cxx) beforehand, while it is still the store.
private_store() {
  local shared=$XSTATIC_HOME
  need_sysroot linux/arm64
  need_sysroot linux/amd64
  need_sysroot linux/arm64 glibc
  need_cxx linux/arm64
  need_cxx linux/amd64
  mkdir -p "$WORK/store"
  for part in sysroots runtimes locks; do
    mkdir -p "$shared/$part"
    ln -sfn "$shared/$part" "$WORK/store/$part"
  done
  export XSTATIC_HOME=$WORK/store
}

# No setting of the machine's (CCACHE_BASEDIR of the shell that ran ctest,
# ~/.config/ccache) may change what the suites see.
isolate_ccache() {
  local v
  for v in $(compgen -v CCACHE_); do unset "$v"; done
  export CCACHE_DIR=$WORK/ccache CCACHE_CONFIGPATH=$WORK/ccache.conf
  : >"$CCACHE_CONFIGPATH"
}

# gen_project DIR [C_FILES] [CXX_FILES]: src/c_NNN.c, src/cxx_NNN.cpp and
# src/main.cpp, which calls every function and prints the sum; a Makefile
# (BUILD=folder, CC, CXX, CFLAGS, CXXFLAGS, LDFLAGS) and a CMakeLists.txt.
gen_project() {
  local dir=$1 nc=${2:-60} nx=${3:-50} i
  mkdir -p "$dir/src"
  for i in $(seq -w 1 "$nc"); do
    cat >"$dir/src/c_$i.c" <<C
#include <stdint.h>
#include <string.h>
struct acc_$i { uint32_t seed; char tag[16]; };
int c_$i(int x) {
  struct acc_$i a = { (uint32_t)x * 2654435761u, "c$i" };
  for (int k = 0; k < 8; ++k) a.seed = a.seed * 1103515245u + 12345u + (uint32_t)k;
  return (int)(a.seed % 1000u) + (int)strlen(a.tag) + 1$i % 7;
}
C
  done
  for i in $(seq -w 1 "$nx"); do
    cat >"$dir/src/cxx_$i.cpp" <<CXX
#include <cstddef>
#include <cstring>
namespace {
template <typename T, std::size_t N> struct Ring {
  T items[N] = {};
  std::size_t next = 0;
  void push(T v) { items[next++ % N] = v; }
  T sum() const { T s{}; for (auto v : items) s += v; return s; }
};
}
extern "C" int cxx_$i(int x) {
  Ring<int, 8> r;
  for (int k = 0; k < 12; ++k) r.push(x * k + 1$i);
  return r.sum() % 997 + static_cast<int>(std::strlen("cxx$i"));
}
CXX
  done
  {
    echo '#include <cstdio>'
    for i in $(seq -w 1 "$nc"); do echo "extern \"C\" int c_$i(int);"; done
    for i in $(seq -w 1 "$nx"); do echo "extern \"C\" int cxx_$i(int);"; done
    echo 'int main() {'
    echo '  long sum = 0;'
    for i in $(seq -w 1 "$nc"); do echo "  sum += c_$i(3);"; done
    for i in $(seq -w 1 "$nx"); do echo "  sum += cxx_$i(3);"; done
    echo '  std::printf("cache project: %d files, sum %ld\n", '"$((nc + nx))"', sum);'
    echo '  return 0;'
    echo '}'
  } >"$dir/src/main.cpp"
  cat >"$dir/Makefile" <<'MAKE'
BUILD ?= build
CFLAGS ?= -O2
CXXFLAGS ?= -O2
C_SRCS := $(sort $(wildcard src/*.c))
CXX_SRCS := $(sort $(wildcard src/*.cpp))
OBJS := $(C_SRCS:src/%.c=$(BUILD)/%.o) $(CXX_SRCS:src/%.cpp=$(BUILD)/%.o)

$(BUILD)/app: $(OBJS)
	$(CXX) $(LDFLAGS) $(OBJS) -o $@
c-objects: $(C_SRCS:src/%.c=$(BUILD)/%.o)
$(BUILD)/%.o: src/%.c | $(BUILD)
	$(CC) $(CFLAGS) -c $< -o $@
$(BUILD)/%.o: src/%.cpp | $(BUILD)
	$(CXX) $(CXXFLAGS) -c $< -o $@
$(BUILD):
	mkdir -p $@
MAKE
  cat >"$dir/CMakeLists.txt" <<'CMAKE'
cmake_minimum_required(VERSION 3.16)
project(cache_project C CXX)
file(GLOB sources CONFIGURE_DEPENDS src/*.c src/*.cpp)
add_executable(app ${sources})
CMAKE
}

project_files() { # dir: how many sources the project compiles
  find "$1/src" -name '*.c' -o -name '*.cpp' | wc -l
}

# ccache_stat NAME: one counter of `ccache --print-stats`.
ccache_stat() {
  ccache --print-stats | awk -v k="$1" '$1 == k { print $2 }'
}
ccache_hits() { echo $(($(ccache_stat direct_cache_hit) + $(ccache_stat preprocessed_cache_hit))); }
ccache_misses() { ccache_stat cache_miss; }

# expect_ccache HITS MISSES WHAT: the counters since the last `ccache -z`.
expect_ccache() {
  local hits misses
  hits=$(ccache_hits) misses=$(ccache_misses)
  [ "$hits" = "$1" ] && [ "$misses" = "$2" ] ||
    fail "$3: expected $1 hits and $2 misses, ccache counted $hits hits and $misses misses: $(ccache -s)"
}

# Objects of two build folders are the same files, byte for byte.
same_objects() { # dir1 dir2 what
  local o n=0
  for o in "$1"/*.o; do
    cmp -s "$o" "$2/$(basename "$o")" || fail "$3: $(basename "$o") differs between $1 and $2"
    n=$((n + 1))
  done
  [ "$n" -gt 0 ] || fail "$3: no objects in $1"
}
