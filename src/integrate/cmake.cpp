// The CMake toolchain file for a target.
//
// Two CMake facts shape it (https://cmake.org/cmake/help/latest/manual/cmake-toolchains.7.html):
// - CMakeGenericSystem.cmake resets CMAKE_FIND_LIBRARY_SUFFIXES to ".so;.a"
//   after the toolchain file is read, so find_library() would pick a sysroot's
//   libz.so and the static link would fail. The file therefore names itself
//   as CMAKE_USER_MAKE_RULES_OVERRIDE, which CMake reads again after the
//   platform files; its last line then restores ".a" only.
// - CMAKE_CROSSCOMPILING_EMULATOR wraps add_test(COMMAND <target>) and
//   try_run(), so `ctest` runs arm64 tests under qemu-aarch64-static.
#include <sstream>

#include "xstatic/integrate/generate.hpp"
#include "xstatic/runtimes/runtimes.hpp"
#include "xstatic/sysroot/find.hpp"
#include "xstatic/target/libc.hpp"
#include "xstatic/target/os.hpp"

namespace xstatic::integrate {
namespace {

std::string cmake_string(const std::string& s) {
  std::string out = "\"";
  for (char c : s) {
    if (c == '"' || c == '\\' || c == '$') out += '\\';
    out += c;
  }
  return out + "\"";
}

std::string cmake_string(const fs::path& p) {
  return cmake_string(p.string());
}

std::string cmake_list(const std::vector<std::string>& items) {
  std::string joined;
  for (const auto& item : items) joined += (joined.empty() ? "" : ";") + item;
  return cmake_string(joined);
}

}  // namespace

std::string cmake_system_name(const target::Row& row) {
  return std::string(target::os_info(row).cmake_system);
}

std::string cmake_system_processor(const target::Target& t) {
  std::string_view triple = t.triple();
  return std::string(triple.substr(0, triple.find('-')));
}

std::string cmake_toolchain(const Toolset& tools) {
  const auto& t = tools.target;
  std::string name = t.describe();
  std::ostringstream o;
  o << "# CMake toolchain file for " << name << ", written by `xstatic toolchain cmake " << t.go_name()
    << " --libc " << t.libc_name() << "`.\n"
    << "#   cmake -S . -B build -DCMAKE_TOOLCHAIN_FILE=<this file>\n"
    << "# Every binary is linked statically and verified by xstatic.\n"
    << "set(CMAKE_SYSTEM_NAME " << cmake_system_name(*t.row) << ")\n"
    << "set(CMAKE_SYSTEM_PROCESSOR " << cmake_system_processor(t) << ")\n"
    << "set(XSTATIC_TARGET " << cmake_string(t.go_name()) << ")\n"
    << "set(XSTATIC_LIBC " << t.libc_name() << ")\n\n"
    << "# One-word compilers: links to xstatic whose name carries the target.\n"
    << "set(CMAKE_C_COMPILER " << cmake_string(tools.cc) << ")\n"
    << "set(CMAKE_CXX_COMPILER " << cmake_string(tools.cxx) << ")\n"
    << "set(CMAKE_ASM_COMPILER " << cmake_string(tools.cc) << ")\n"
    << "set(CMAKE_AR " << cmake_string(tools.ar) << ")\n"
    << "set(CMAKE_RANLIB " << cmake_string(tools.ranlib) << ")\n"
    << "set(CMAKE_NM " << cmake_string(tools.nm) << ")\n"
    << "set(CMAKE_STRIP " << cmake_string(tools.strip) << ")\n"
    << "set(CMAKE_OBJCOPY " << cmake_string(tools.objcopy) << ")\n"
    << "set(CMAKE_OBJDUMP " << cmake_string(tools.objdump) << ")\n"
    << "set(CMAKE_READELF " << cmake_string(tools.readelf) << ")\n"
    << "set(CMAKE_LINKER " << cmake_string(tools.ld) << ")\n\n";
  if (!tools.windres.empty())
    o << "# Resource scripts (.rc) through llvm-windres.\n"
      << "set(CMAKE_RC_COMPILER " << cmake_string(tools.windres) << ")\n\n";
  if (!tools.sysroot.empty()) {
    o << "# Headers, libraries and packages from the sysroot; programs from the host.\n"
      << "set(CMAKE_SYSROOT " << cmake_string(tools.sysroot) << ")\n";
    if (!tools.sysroot_installed)
      o << "if(NOT EXISTS \"${CMAKE_SYSROOT}\")\n"
        << "  message(FATAL_ERROR \"xstatic: the sysroot for " << name << " is not installed: run '"
        << sysroot::install_command(t) << "'\")\nendif()\n";
  }
  if (target::libc_info(t.libc).builds_cxx_runtimes && (t.row->languages & target::kCxx)) {
    // CMake's C++ compiler check links a program, and the first C++ link of a
    // target builds libc++ (about a minute) with its output captured: say so.
    fs::path rt = runtimes::runtime_path(store::Store(tools.store), t, 0);
    o << "# The first C++ link of a target builds libc++ once; CMake's C++ check hides it.\n"
      << "get_property(_xstatic_said GLOBAL PROPERTY XSTATIC_LIBCXX_SAID)  # this file is read more than "
         "once\n"
      << "if(NOT CMAKE_IN_TRY_COMPILE AND NOT _xstatic_said)\n"
      << "  set_property(GLOBAL PROPERTY XSTATIC_LIBCXX_SAID TRUE)\n"
      << "  file(GLOB _xstatic_libcxx "
      << cmake_string((rt.parent_path().parent_path() / "llvm-*" / rt.filename() / "manifest.json").string())
      << ")\n"
      << "  if(NOT _xstatic_libcxx)\n"
      << "    message(STATUS \"xstatic: libc++ for " << name
      << " is not built yet: a C++ project's compiler check builds it now (about a minute, once per "
         "target); 'xstatic runtimes build "
      << t.go_name() << " --runtime libc++' does it ahead, with progress\")\n"
      << "  endif()\nendif()\n";
  }
  o << "set(CMAKE_FIND_ROOT_PATH_MODE_PROGRAM NEVER)\n"
    << "set(CMAKE_FIND_ROOT_PATH_MODE_LIBRARY ONLY)\n"
    << "set(CMAKE_FIND_ROOT_PATH_MODE_INCLUDE ONLY)\n"
    << "set(CMAKE_FIND_ROOT_PATH_MODE_PACKAGE ONLY)\n"
    << "set(PKG_CONFIG_EXECUTABLE " << cmake_string(tools.pkg_config) << " CACHE FILEPATH \"pkg-config for "
    << t.go_name() << "\")\n"
    << "set(BUILD_SHARED_LIBS OFF CACHE BOOL \"xstatic links statically\")\n\n";
  if (!tools.packages.empty())
    o << "# Packages built by `xstatic pkg` (found anew at each configure; XSTATIC_PKGS narrows\n"
      << "# them as it does for the compiler): find_package(ZLIB), (OpenSSL), (CURL) look in each.\n"
      << "file(GLOB _xstatic_pkgs LIST_DIRECTORIES true " << cmake_string(tools.packages.string() + "/*")
      << ")\n"
      << "if(DEFINED ENV{XSTATIC_PKGS})\n"
      << "  string(REPLACE \",\" \";\" _xstatic_only \"$ENV{XSTATIC_PKGS}\")\n"
      << "endif()\n"
      << "foreach(_xstatic_pkg IN LISTS _xstatic_pkgs)\n"
      << "  get_filename_component(_xstatic_name \"${_xstatic_pkg}\" NAME)\n"
      << "  # list(FIND): a toolchain file is read before project() sets policy CMP0057.\n"
      << "  list(FIND _xstatic_only \"${_xstatic_name}\" _xstatic_wanted)\n"
      << "  list(FIND CMAKE_FIND_ROOT_PATH \"${_xstatic_pkg}\" _xstatic_known)\n"
      << "  if(EXISTS \"${_xstatic_pkg}/manifest.json\" AND _xstatic_known EQUAL -1 AND\n"
      << "     (NOT DEFINED ENV{XSTATIC_PKGS} OR NOT _xstatic_wanted EQUAL -1))\n"
      << "    list(APPEND CMAKE_FIND_ROOT_PATH \"${_xstatic_pkg}\")\n"
      << "  endif()\n"
      << "endforeach()\n\n";
  if (!tools.malloc.empty())  // xstatic takes its own option out of the link line
    o << "# The allocator of every executable link (docs/allocator.md).\n"
      << "string(APPEND CMAKE_EXE_LINKER_FLAGS_INIT \" --malloc=" << tools.malloc << "\")\n\n";
  // CMake has no WASI platform file: say what a program is called.
  if (auto suffix = target::os_info(*t.row).cmake_executable_suffix; !suffix.empty())
    o << "set(CMAKE_EXECUTABLE_SUFFIX " << suffix << ")\n\n";
  if (!tools.emulator.empty())
    o << "# ctest and try_run() run target binaries under the emulator.\n"
      << "set(CMAKE_CROSSCOMPILING_EMULATOR " << cmake_list(tools.emulator) << ")\n\n";
  // WASI too: CMake has no platform file for it and resets the executable suffix after reading this file.
  if (target::os_info(*t.row).static_only)
    o << "# Static libraries only: read again after CMake's platform files reset the list.\n"
      << "if(NOT CMAKE_USER_MAKE_RULES_OVERRIDE)\n"
      << "  set(CMAKE_USER_MAKE_RULES_OVERRIDE \"${CMAKE_CURRENT_LIST_FILE}\")\n"
      << "endif()\n"
      << "set(CMAKE_FIND_LIBRARY_SUFFIXES .a)\n"
      << "# No shared libraries on this platform: add_library(SHARED|MODULE) builds a\n"
      << "# static one, as under Emscripten's toolchain file.\n"
      << "set_property(GLOBAL PROPERTY TARGET_SUPPORTS_SHARED_LIBS FALSE)\n";
  return o.str();
}

}  // namespace xstatic::integrate
