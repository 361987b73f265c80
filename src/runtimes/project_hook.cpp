// A CMake script that the runtimes' configure runs right after its
// project() (CMAKE_PROJECT_Runtimes_INCLUDE), which defers one call to the
// end of the configure, once libc++'s targets exist. It changes how the
// build is scheduled, never what it produces (issue 24; docs/runtimes.md,
// "The first link"):
//
// - A precompiled header for libc++'s 56 sources. Most of them spend 80-95%
//   of their compile time parsing the same standard headers
//   (-ftime-trace: chrono.cpp 18.4 of 19.4 s, bind.cpp 11.9 of 12.2 s);
//   parsed once into a PCH they cost a fraction. Checked on LLVM 19.1.7
//   for aarch64: libc++.a is byte-identical with and without it. The
//   sources that define a macro a header reads, or that redefine a class
//   on purpose, keep their own parse (kOwnParse).
// - A precompiled header for libc++abi's 18 sources too (the standard
//   headers they include; cxa_demangle.cpp's <functional> and <numeric>
//   are most of its parse). Checked the same way: byte-identical.
// - libc++'s PCH first: ninja 1.11 starts ready jobs in the order of the
//   manifest, where libunwind and libc++abi come before libc++, so the PCH,
//   which gates libc++'s 52 other sources, started only once they were all
//   compiled, and the cores idled while it ran alone. Each libunwind and
//   libc++abi source now also depends on the PCH file (OBJECT_DEPENDS:
//   scheduling only, no flag changes), so the PCHs start first and the
//   other core compiles libc++'s own-parse sources meanwhile.
// - libc++'s `std` module sources (~130 files) are copied by one
//   `cmake -E copy_if_different` each on every build, though nothing
//   installs or compiles them with LIBCXX_INSTALL_MODULES=OFF: dropped from
//   the default target.
//
// The source lists are LLVM 19's (kHookLlvmMajor); another version gets no
// hook and builds as LLVM ships it. No target is assumed: a tree without
// libc++'s targets (a test's stand-in tree) configures as before.
#include <fmt/format.h>

#include <fstream>

#include "internal.hpp"
#include "xstatic/util/error.hpp"

namespace xstatic::runtimes::detail {
namespace {

constexpr int kHookLlvmMajor = 19;

// The union of the standard headers libc++ 19's own sources include
// (libcxx/src/*.cpp, filesystem/, ryu/), except those of deprecated or
// Windows-only parts (<strstream>, <valarray>, <regex> stay per file).
constexpr const char* kPrecompiled =
    "<algorithm> <any> <atomic> <barrier> <bit> <charconv> <chrono> <codecvt> <condition_variable> "
    "<exception> <expected> <filesystem> <fstream> <functional> <future> <ios> <istream> <iterator> "
    "<limits> <locale> <memory> <memory_resource> <mutex> <new> <optional> <ostream> <random> "
    "<shared_mutex> <sstream> <stdexcept> <streambuf> <string> <string_view> <system_error> <thread> "
    "<type_traits> <typeinfo> <utility> <variant> <vector>";

// error_category.cpp and memory.cpp define a macro after <__config> that
// <system_error> and <memory> read (the legacy ABI's out-of-line
// definitions); the two *_destructor.cpp define their own condition_variable
// and mutex classes for the ABI. With the PCH they would not compile.
constexpr const char* kOwnParse =
    "error_category.cpp memory.cpp condition_variable_destructor.cpp mutex_destructor.cpp";

// The standard headers libc++abi 19's sources include (libcxxabi/src/*.cpp).
constexpr const char* kAbiPrecompiled =
    "<atomic> <cstddef> <cstdint> <cstdio> <cstdlib> <cstring> <exception> <functional> <memory> <new> "
    "<numeric> <stdexcept> <string_view> <typeinfo> <utility>";

// The targets whose sources wait for libc++'s PCH (see the top of this file).
constexpr const char* kAfterPch = "cxxabi_static_objects unwind_static_objects";

}  // namespace

std::string project_hook_text(int llvm_major) {
  if (llvm_major != kHookLlvmMajor) return {};
  return fmt::format(
      R"(# Written by xstatic (src/runtimes/project_hook.cpp): schedules the build, changes no output.
cmake_language(DEFER DIRECTORY "${{CMAKE_SOURCE_DIR}}" CALL xstatic_after_configure)
function(xstatic_after_configure)
  if(TARGET cxx_static)
    target_precompile_headers(cxx_static PRIVATE {})
    get_target_property(dir cxx_static SOURCE_DIR)
    foreach(file {})
      set_source_files_properties("${{dir}}/${{file}}" TARGET_DIRECTORY cxx_static
                                  PROPERTIES SKIP_PRECOMPILE_HEADERS ON)
    endforeach()
    get_target_property(bin cxx_static BINARY_DIR)
    foreach(after {})
      if(TARGET ${{after}})
        get_target_property(sources ${{after}} SOURCES)
        get_target_property(source_dir ${{after}} SOURCE_DIR)
        foreach(source IN LISTS sources)
          if(source MATCHES "\\.(c|cpp|S)$")
            cmake_path(ABSOLUTE_PATH source BASE_DIRECTORY "${{source_dir}}")
            set_property(SOURCE "${{source}}" TARGET_DIRECTORY ${{after}} APPEND PROPERTY
                         OBJECT_DEPENDS "${{bin}}/CMakeFiles/cxx_static.dir/cmake_pch.hxx.pch")
          endif()
        endforeach()
      endif()
    endforeach()
  endif()
  if(TARGET cxxabi_static_objects)
    target_precompile_headers(cxxabi_static_objects PRIVATE {})
  endif()
  if(TARGET generate-cxx-modules AND NOT LIBCXX_INSTALL_MODULES)
    set_target_properties(generate-cxx-modules PROPERTIES EXCLUDE_FROM_ALL ON)
  endif()
endfunction()
)",
      kPrecompiled, kOwnParse, kAfterPch, kAbiPrecompiled);
}

fs::path write_project_hook(const fs::path& dir, int llvm_major) {
  std::string text = project_hook_text(llvm_major);
  if (text.empty()) return {};
  fs::create_directories(dir);
  fs::path file = dir / "xstatic-project-hook.cmake";
  std::ofstream out(file, std::ios::trunc);
  out << text;
  if (!out) throw Error("cannot write " + file.string(), {}, Exit::internal);
  return file;
}

}  // namespace xstatic::runtimes::detail
