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

// -fno-asynchronous-unwind-tables: unwind tables for exceptions only (every
// function an exception can pass through keeps its entry; libunwind adds
// -funwind-tables to its own sources), not for every instruction of every
// function, which only a debugger or a sampling profiler stopping anywhere
// needs: ~5 KB less .eh_frame in the C++ hello, no change in what runs.
constexpr const char* kSizeFlags = "-ffunction-sections -fdata-sections -fno-asynchronous-unwind-tables";

// Answers to the ~60 checks the runtimes' configure makes that depend only on
// clang (does it take -fno-rtti, -Wshadow...?) or that the build's
// try_compile (STATIC_LIBRARY: nothing is linked) answers the same on every
// target ("is there a libpthread?": yes). Each check costs a CMake
// try_compile: given, configure takes a quarter of the CPU time (6.6 vs 31 s
// here, docs/runtimes.md). Recorded from LLVM 19.1.7's configure with clang
// 19; another clang major runs every check. The checks whose answer depends
// on the target (__arm__, SJLJ, MIPS ABIs) still run.
constexpr int kAnswersClangMajor = 19;
constexpr const char* kCheckAnswers[] = {
    "CXX_SUPPORTS_CTAD_MAYBE_UNSPPORTED_FLAG=1",
    "CXX_SUPPORTS_EHSC_FLAG=OFF",
    "CXX_SUPPORTS_FALIGNED_ALLOCATION_FLAG=1",
    "CXX_SUPPORTS_FNO_EXCEPTIONS_FLAG=1",
    "CXX_SUPPORTS_FNO_RTTI_FLAG=1",
    "CXX_SUPPORTS_FSIZED_DEALLOCATION_FLAG=1",
    "CXX_SUPPORTS_FSTRICT_ALIASING_FLAG=1",
    "CXX_SUPPORTS_FUNWIND_TABLES_FLAG=1",
    "CXX_SUPPORTS_FVISIBILITY_EQ_HIDDEN_FLAG=1",
    "CXX_SUPPORTS_FVISIBILITY_INLINES_HIDDEN_FLAG=1",
    "CXX_SUPPORTS_MISLEADING_INDENTATION_FLAG=1",
    "CXX_SUPPORTS_NOLIBC_FLAG=1",
    "CXX_SUPPORTS_NOSTDINCXX_FLAG=1",
    "CXX_SUPPORTS_NOSTDLIBINC_FLAG=1",
    "CXX_SUPPORTS_NOSTDLIBXX_FLAG=1",
    "CXX_SUPPORTS_PEDANTIC_FLAG=1",
    "CXX_SUPPORTS_SUGGEST_OVERRIDE_FLAG=1",
    "CXX_SUPPORTS_UNWINDLIB_EQ_NONE_FLAG=1",
    "CXX_SUPPORTS_WALL_FLAG=1",
    "CXX_SUPPORTS_WERROR_EQ_RETURN_TYPE_FLAG=1",
    "CXX_SUPPORTS_WEXTRA_FLAG=1",
    "CXX_SUPPORTS_WEXTRA_SEMI_FLAG=1",
    "CXX_SUPPORTS_WFORMAT_NONLITERAL_FLAG=1",
    "CXX_SUPPORTS_WNEWLINE_EOF_FLAG=1",
    "CXX_SUPPORTS_WNO_COVERED_SWITCH_DEFAULT_FLAG=1",
    "CXX_SUPPORTS_WNO_ERROR_FLAG=1",
    "CXX_SUPPORTS_WNO_LONG_LONG_FLAG=1",
    "CXX_SUPPORTS_WNO_SUGGEST_OVERRIDE_FLAG=1",
    "CXX_SUPPORTS_WNO_UNUSED_PARAMETER_FLAG=1",
    "CXX_SUPPORTS_WNO_USER_DEFINED_LITERALS_FLAG=1",
    "CXX_SUPPORTS_WSHADOW_FLAG=1",
    "CXX_SUPPORTS_WUNDEF_FLAG=1",
    "CXX_SUPPORTS_WUNUSED_TEMPLATE_FLAG=1",
    "CXX_SUPPORTS_WWRITE_STRINGS_FLAG=1",
    "CXX_WSUGGEST_OVERRIDE_ALLOWS_ONLY_FINAL=1",
    "C_SUPPORTS_COMMENT_LIB_PRAGMA=1",
    "C_SUPPORTS_CTAD_MAYBE_UNSPPORTED_FLAG=1",
    "C_SUPPORTS_FUNWIND_TABLES_FLAG=1",
    "C_SUPPORTS_MISLEADING_INDENTATION_FLAG=1",
    "C_SUPPORTS_START_NO_UNUSED_ARGUMENTS=1",
    "C_WCOMMENT_ALLOWS_LINE_WRAP=1",
    "SUPPORTS_FVISIBILITY_INLINES_HIDDEN_FLAG=1",
    "LINKER_SUPPORTS_COLOR_DIAGNOSTICS=OFF",
    "LLVM_LINKER_SUPPORTS_NO_EXPORTED_SYMBOLS=OFF",
    "LIBCXXABI_HAS_C_LIB=1",
    "LIBCXXABI_HAS_DL_LIB=1",
    "LIBCXXABI_HAS_GCC_LIB=1",
    "LIBCXXABI_HAS_GCC_S_LIB=1",
    "LIBCXXABI_HAS_PTHREAD_LIB=1",
    "LIBCXX_HAS_ATOMIC_LIB=1",
    "LIBCXX_HAS_GCC_S_LIB=1",
    "LIBCXX_HAS_PTHREAD_LIB=1",
    "LIBCXX_HAS_RT_LIB=1",
    "LIBUNWIND_HAS_C_LIB=1",
    "LIBUNWIND_HAS_DL_LIB=1",
    "LIBUNWIND_HAS_GCC_LIB=1",
    "LIBUNWIND_HAS_GCC_S_LIB=1",
    "LIBUNWIND_HAS_PTHREAD_LIB=1",
    "PICOLIBC=OFF",
    "macos_signposts_available=OFF",
};

// musl has no __cxa_thread_atexit_impl, but the try_compile that looks for it
// links nothing and so "finds" it: libc++abi then called it, and a program
// with a thread_local object that has a destructor did not link (undefined
// symbol). OFF makes libc++abi keep the list of such destructors itself.
constexpr const char* kMuslAnswers[] = {"LIBCXXABI_HAS_CXA_THREAD_ATEXIT_IMPL=OFF"};

std::string define(const std::string& name, const std::string& value) {
  return "-D" + name + "=" + value;
}

}  // namespace

std::vector<std::string> cmake_command(const CmakeInputs& in) {
  std::vector<std::string> cmd = {
      "cmake", "-G", "Ninja", "-S", (in.source / "runtimes").string(), "-B", in.build.string()};
  for (const auto& s : kSettings) cmd.push_back(define(s.name, s.value));
  for (const char* answer : kMuslAnswers) cmd.push_back(std::string("-D") + answer);
  if (in.clang.major == kAnswersClangMajor)
    for (const char* answer : kCheckAnswers) cmd.push_back(std::string("-D") + answer);
  const VariantInfo& variant = variant_info(in.variant);
  std::string flags = kSizeFlags + (in.cflags.empty() ? std::string() : " " + in.cflags);
  if (!variant.extra_flags.empty()) flags += " " + std::string(variant.extra_flags);
  for (const char* lang : {"C", "CXX", "ASM"}) {
    std::string l = lang;
    cmd.push_back(define("CMAKE_" + l + "_COMPILER", l == "CXX" ? in.clang.cxx : in.clang.cc));
    cmd.push_back(define("CMAKE_" + l + "_COMPILER_TARGET", in.triple));
    cmd.push_back(define("CMAKE_" + l + "_FLAGS", flags));
    // MinSizeRel's own flags (-Os -DNDEBUG) come after CMAKE_<LANG>_FLAGS: a variant replaces them.
    if (!variant.libcxx_opt_flags.empty())
      cmd.push_back(define("CMAKE_" + l + "_FLAGS_MINSIZEREL", std::string(variant.libcxx_opt_flags)));
  }
  cmd.push_back(define("CMAKE_SYSTEM_PROCESSOR", in.processor));
  cmd.push_back(define("CMAKE_SYSROOT", in.sysroot.string()));
  cmd.push_back(define("CMAKE_INSTALL_PREFIX", in.prefix.string()));
  cmd.push_back(define("CMAKE_AR", in.ar));
  cmd.push_back(define("CMAKE_RANLIB", in.ranlib));
  if (!in.python.empty()) cmd.push_back(define("Python3_EXECUTABLE", in.python));
  if (!in.project_hook.empty())
    cmd.push_back(define("CMAKE_PROJECT_Runtimes_INCLUDE", in.project_hook.string()));
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
