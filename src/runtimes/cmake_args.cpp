// How LLVM's runtimes/ CMake build is configured for one musl target. The
// cache settings are data: each says why it is there. See
// https://libcxx.llvm.org/VendorDocumentation.html and
// https://libcxx.llvm.org/BuildingLibcxx.html for every option.
#include "internal.hpp"

namespace xstatic::runtimes::detail {
namespace {

struct Setting {
  const char* name;
  const char* value;
};

// Size: -ffunction-sections/-fdata-sections (added to the flags below) let
// the user's --gc-sections drop what a program does not call, and the
// non-demangling terminate handler keeps __cxa_demangle (~90 KB on arm64)
// out of every program that can throw. MinSizeRel builds with -Os.
// Time: static libraries only, no tests, benchmarks, docs or modules, and
// try_compile checks that compile without linking.
constexpr Setting kSettings[] = {
    {"LLVM_ENABLE_RUNTIMES", "libcxx;libcxxabi;libunwind"},
    {"CMAKE_BUILD_TYPE", "MinSizeRel"},
    {"CMAKE_SYSTEM_NAME", "Linux"},
    {"CMAKE_TRY_COMPILE_TARGET_TYPE", "STATIC_LIBRARY"},
    {"CMAKE_EXE_LINKER_FLAGS", "-fuse-ld=lld"},
    {"LLVM_INCLUDE_TESTS", "OFF"},
    {"LLVM_INCLUDE_DOCS", "OFF"},
    {"LIBCXX_ENABLE_SHARED", "OFF"},
    {"LIBCXXABI_ENABLE_SHARED", "OFF"},
    {"LIBUNWIND_ENABLE_SHARED", "OFF"},
    {"LIBCXX_HAS_MUSL_LIBC", "ON"},
    {"LIBCXX_CXX_ABI", "libcxxabi"},
    {"LIBCXXABI_USE_LLVM_UNWINDER", "ON"},
    {"LIBCXXABI_NON_DEMANGLING_TERMINATE", "ON"},
    // <chrono>'s time zones (tzdb, time_zone: experimental in LLVM 19, and
    // reading /usr/share/zoneinfo at run time, which a static binary shipped
    // anywhere cannot count on): a sixth of the compile time.
    {"LIBCXX_ENABLE_TIME_ZONE_DATABASE", "OFF"},
    {"LIBCXX_INSTALL_MODULES", "OFF"},
    {"LIBCXX_INCLUDE_TESTS", "OFF"},
    {"LIBCXXABI_INCLUDE_TESTS", "OFF"},
    {"LIBUNWIND_INCLUDE_TESTS", "OFF"},
    {"LIBCXX_INCLUDE_BENCHMARKS", "OFF"},
    {"LIBCXX_INCLUDE_DOCS", "OFF"},
    {"LIBUNWIND_INCLUDE_DOCS", "OFF"},
};

constexpr const char* kSizeFlags = "-ffunction-sections -fdata-sections";

std::string define(const std::string& name, const std::string& value) {
  return "-D" + name + "=" + value;
}

}  // namespace

std::vector<std::string> cmake_command(const CmakeInputs& in) {
  std::vector<std::string> cmd = {
      "cmake", "-G", "Ninja", "-S", (in.source / "runtimes").string(), "-B", in.build.string()};
  for (const auto& s : kSettings) cmd.push_back(define(s.name, s.value));
  std::string flags = kSizeFlags + (in.cflags.empty() ? std::string() : " " + in.cflags);
  for (const char* lang : {"C", "CXX", "ASM"}) {
    std::string l = lang;
    cmd.push_back(define("CMAKE_" + l + "_COMPILER", l == "CXX" ? in.clang.cxx : in.clang.cc));
    cmd.push_back(define("CMAKE_" + l + "_COMPILER_TARGET", in.triple));
    cmd.push_back(define("CMAKE_" + l + "_FLAGS", flags));
  }
  cmd.push_back(define("CMAKE_SYSTEM_PROCESSOR", in.processor));
  cmd.push_back(define("CMAKE_SYSROOT", in.sysroot.string()));
  cmd.push_back(define("CMAKE_INSTALL_PREFIX", in.prefix.string()));
  cmd.push_back(define("CMAKE_AR", in.ar));
  cmd.push_back(define("CMAKE_RANLIB", in.ranlib));
  return cmd;
}

const target::Row& baseline_row(const target::Target& t) {
  for (const auto& row : target::table())
    if (row.goos == t.row->goos && row.goarch == t.row->goarch && row.debian_arch == t.row->debian_arch &&
        !row.triple_musl.empty())
      return row;
  return *t.row;
}

}  // namespace xstatic::runtimes::detail
