// The text handed to build systems: CMake toolchain, Meson cross file, env.
#include <doctest/doctest.h>
#include <llvm/Support/JSON.h>

#include "xstatic/integrate/generate.hpp"

using namespace xstatic;
using namespace xstatic::integrate;

namespace {

Toolset arm64_glibc() {
  store::Store store("/st");
  auto tools = describe(store, target::parse("linux/arm64", target::Libc::glibc), "/opt/xs/bin/xstatic");
  tools.emulator = {"/usr/bin/qemu-aarch64-static"};  // fixed, whatever this host has
  return tools;
}

bool has(const std::string& text, const std::string& needle) {
  return text.find(needle) != std::string::npos;
}

}  // namespace

TEST_CASE("CMake toolchain: system, one-word compilers, sysroot, find modes, emulator") {
  std::string text = cmake_toolchain(arm64_glibc());
  CHECK(has(text, "set(CMAKE_SYSTEM_NAME Linux)\n"));
  CHECK(has(text, "set(CMAKE_SYSTEM_PROCESSOR aarch64)\n"));
  CHECK(has(text, "set(CMAKE_C_COMPILER \"/st/bin/aarch64-linux-gnu-cc\")\n"));
  CHECK(has(text, "set(CMAKE_CXX_COMPILER \"/st/bin/aarch64-linux-gnu-c++\")\n"));
  CHECK(has(text, "set(CMAKE_AR \"/st/bin/aarch64-linux-gnu-ar\")\n"));
  CHECK(has(text, "set(CMAKE_RANLIB \"/st/bin/aarch64-linux-gnu-ranlib\")\n"));
  CHECK(has(text, "set(CMAKE_STRIP \"/st/bin/aarch64-linux-gnu-strip\")\n"));
  CHECK(has(text, "set(CMAKE_LINKER \"/st/bin/aarch64-linux-gnu-ld\")\n"));
  CHECK(has(text, "set(CMAKE_SYSROOT \"/st/sysroots/arm64-glibc\")\n"));
  CHECK(has(text, "set(CMAKE_FIND_ROOT_PATH_MODE_PROGRAM NEVER)\n"));
  CHECK(has(text, "set(CMAKE_FIND_ROOT_PATH_MODE_LIBRARY ONLY)\n"));
  CHECK(has(text, "set(CMAKE_FIND_ROOT_PATH_MODE_INCLUDE ONLY)\n"));
  CHECK(has(text, "set(CMAKE_FIND_ROOT_PATH_MODE_PACKAGE ONLY)\n"));
  CHECK(has(text, "set(CMAKE_CROSSCOMPILING_EMULATOR \"/usr/bin/qemu-aarch64-static\")\n"));
  CHECK(has(text, "set(PKG_CONFIG_EXECUTABLE \"/st/bin/aarch64-linux-gnu-pkg-config\""));
  // Not installed: configure stops with the command that installs it.
  CHECK(has(text, "xstatic sysroot install linux/arm64 --libc glibc"));
  // Static libraries only, re-applied after CMake's platform files.
  CHECK(has(text, "set(CMAKE_USER_MAKE_RULES_OVERRIDE \"${CMAKE_CURRENT_LIST_FILE}\")"));
  // The re-read block closes the file: the suffixes, then no shared libraries.
  auto tail = text.substr(text.rfind("endif()\n"));
  CHECK(has(tail, "set(CMAKE_FIND_LIBRARY_SUFFIXES .a)\n"));
  CHECK(tail.ends_with("set_property(GLOBAL PROPERTY TARGET_SUPPORTS_SHARED_LIBS FALSE)\n"));
}

TEST_CASE("CMake toolchain of a musl target says when libc++ is not built yet (issue 23, item 18)") {
  auto tools = arm64_glibc();
  tools.target = target::parse("linux/arm64");
  std::string text = cmake_toolchain(tools);
  CHECK(has(text, "file(GLOB _xstatic_libcxx \"/st/runtimes/llvm-*/arm64-musl/manifest.json\")"));
  CHECK(has(text, "is not built yet: a C++ project's compiler check builds it now"));
  CHECK(has(text, "'xstatic runtimes build linux/arm64 --runtime libc++' does it ahead"));
  // glibc targets link Debian's libstdc++: nothing to build.
  CHECK_FALSE(has(cmake_toolchain(arm64_glibc()), "_xstatic_libcxx"));
}

TEST_CASE("CMake toolchain for the host's architecture has no emulator") {
  store::Store store("/st");
  auto tools = describe(store, target::host(), "/opt/xs/bin/xstatic");
  CHECK_FALSE(has(cmake_toolchain(tools), "CMAKE_CROSSCOMPILING_EMULATOR"));
}

TEST_CASE("Windows: windres as the resource compiler, and `xstatic run --` (wine) as the emulator") {
  store::Store store("/st");
  auto tools = describe(store, target::parse("windows/amd64"), "/opt/xs/bin/xstatic");
  auto cmake = cmake_toolchain(tools);
  CHECK(has(cmake, "set(CMAKE_SYSTEM_NAME Windows)\n"));
  CHECK(has(cmake, "set(CMAKE_RC_COMPILER \"/st/bin/x86_64-w64-mingw32-windres\")\n"));
  CHECK(has(cmake, "set(CMAKE_CROSSCOMPILING_EMULATOR \"/opt/xs/bin/xstatic;run;--\")\n"));
  auto meson = meson_cross_file(tools);
  CHECK(has(meson, "windres = '/st/bin/x86_64-w64-mingw32-windres'\n"));
  CHECK(has(meson, "exe_wrapper = ['/opt/xs/bin/xstatic', 'run', '--']\n"));
  CHECK(has(meson, "needs_exe_wrapper = true\n"));
  auto arm64 = describe(store, target::parse("linux/arm64"), "/opt/xs/bin/xstatic");
  CHECK_FALSE(has(cmake_toolchain(arm64), "CMAKE_RC_COMPILER"));
  CHECK_FALSE(has(meson_cross_file(arm64), "windres"));
}

TEST_CASE("WASI: programs are .wasm files, run by `xstatic run --` (a WASI runtime) in CMake and Meson") {
  store::Store store("/st");
  auto tools = describe(store, target::parse("wasip1/wasm"), "/opt/xs/bin/xstatic");
  auto cmake = cmake_toolchain(tools);
  CHECK(has(cmake, "set(CMAKE_SYSTEM_NAME WASI)\n"));
  CHECK(has(cmake, "set(CMAKE_EXECUTABLE_SUFFIX .wasm)\n"));
  CHECK(has(cmake, "set(CMAKE_USER_MAKE_RULES_OVERRIDE \"${CMAKE_CURRENT_LIST_FILE}\")\n"));
  CHECK(has(cmake, "set(CMAKE_SYSROOT \"/st/sysroots/all-wasi\")\n"));
  CHECK(has(cmake, "set(CMAKE_CROSSCOMPILING_EMULATOR \"/opt/xs/bin/xstatic;run;--\")\n"));
  CHECK(has(meson_cross_file(tools), "exe_wrapper = ['/opt/xs/bin/xstatic', 'run', '--']\n"));
  CHECK_FALSE(has(cmake_toolchain(arm64_glibc()), "CMAKE_EXECUTABLE_SUFFIX"));
}

TEST_CASE("CMake quoting keeps paths with spaces and dollars literal") {
  store::Store store("/my store/$HOME");
  auto text = cmake_toolchain(describe(store, target::parse("linux/arm64"), "/x"));
  CHECK(has(text, "set(CMAKE_C_COMPILER \"/my store/\\$HOME/bin/aarch64-linux-musl-cc\")"));
}

TEST_CASE("CMake processor names follow the triple") {
  CHECK(cmake_system_processor(target::parse("linux/arm/v7")) == "armv7");
  CHECK(cmake_system_processor(target::parse("linux/386")) == "i686");
  CHECK(cmake_system_processor(target::parse("linux/amd64")) == "x86_64");
  CHECK(cmake_system_name(*target::parse("windows/amd64").row) == "Windows");
}

TEST_CASE("a Meson cross file with a launcher puts its words before c and cpp only") {
  std::string text = meson_cross_file(arm64_glibc(), {"/usr/bin/env", "XSTATIC_LAUNCHER=icecc"});
  CHECK(has(text, "c = ['/usr/bin/env', 'XSTATIC_LAUNCHER=icecc', '/st/bin/aarch64-linux-gnu-cc']\n"));
  CHECK(has(text, "cpp = ['/usr/bin/env', 'XSTATIC_LAUNCHER=icecc', '/st/bin/aarch64-linux-gnu-c++']\n"));
  CHECK(has(text, "ar = '/st/bin/aarch64-linux-gnu-ar'\n"));
}

TEST_CASE("Meson cross file: binaries, exe_wrapper, host_machine") {
  std::string text = meson_cross_file(arm64_glibc());
  CHECK(has(text, "[binaries]\nc = '/st/bin/aarch64-linux-gnu-cc'\ncpp = '/st/bin/aarch64-linux-gnu-c++'\n"));
  CHECK(has(text, "pkg-config = '/st/bin/aarch64-linux-gnu-pkg-config'\n"));
  CHECK(has(text, "pkgconfig = '/st/bin/aarch64-linux-gnu-pkg-config'\n"));  // Meson < 1.3
  // lld by name: Meson's own probe would otherwise depend on what PATH holds.
  CHECK(has(text, "c_ld = 'lld'\ncpp_ld = 'lld'\n"));
  CHECK(has(text, "exe_wrapper = ['/usr/bin/qemu-aarch64-static']\n"));
  CHECK(has(text, "sys_root = '/st/sysroots/arm64-glibc'\n"));
  CHECK(has(text, "default_library = 'static'\n"));
  CHECK(
      has(text,
          "[host_machine]\nsystem = 'linux'\ncpu_family = 'aarch64'\ncpu = 'aarch64'\nendian = 'little'\n"));
}

TEST_CASE("Meson CPU families") {
  CHECK(meson_cpu_family(*target::parse("linux/386").row) == "x86");
  CHECK(meson_cpu_family(*target::parse("linux/arm/v7").row) == "arm");
  CHECK(meson_cpu_family(*target::parse("linux/mips64le").row) == "mips64");
  CHECK(meson_cpu_family(*target::parse("linux/ppc64le").row) == "ppc64");
  CHECK(meson_cpu_family(*target::parse("linux/s390x").row) == "s390x");
  auto s390x = describe(store::Store("/st"), target::parse("linux/s390x"), "/x");
  CHECK(has(meson_cross_file(s390x), "endian = 'big'"));
}

TEST_CASE("env: shell exports and JSON carry the same variables") {
  auto tools = arm64_glibc();
  std::string shell = env_shell(tools);
  CHECK(has(shell, "export CC=/st/bin/aarch64-linux-gnu-cc\n"));
  CHECK(has(shell, "export CXX=/st/bin/aarch64-linux-gnu-c++\n"));
  CHECK(has(shell, "export CROSS_COMPILE=/st/bin/aarch64-linux-gnu-\n"));
  CHECK(has(shell, "export XSTATIC_HOST=aarch64-linux-gnu\n"));
  CHECK(has(shell, "export PKG_CONFIG_SYSROOT_DIR=/st/sysroots/arm64-glibc\n"));
  CHECK(has(shell, "export XSTATIC_HOME=/st\n"));
  CHECK(has(shell, "export LD=/st/bin/aarch64-linux-gnu-ld\n"));
  auto json = llvm::json::parse(env_json(tools));
  REQUIRE(static_cast<bool>(json));
  const auto* object = json->getAsObject();
  REQUIRE(object);
  for (const auto& [name, value] : env_vars(tools)) {
    REQUIRE_MESSAGE(object->getString(name), name);
    CHECK(object->getString(name)->str() == value);
  }
  for (const char* required : {"CC", "CXX", "AR", "RANLIB", "STRIP", "NM", "OBJCOPY", "PKG_CONFIG",
                               "PKG_CONFIG_SYSROOT_DIR", "PKG_CONFIG_LIBDIR", "CROSS_COMPILE", "LD"})
    CHECK_MESSAGE(object->getString(required), required);
}

TEST_CASE("env quotes values for the shell") {
  auto tools = describe(store::Store("/a b"), target::parse("linux/arm64"), "/x");
  CHECK(has(env_shell(tools), "export CC='/a b/bin/aarch64-linux-musl-cc'\n"));
}

TEST_CASE("pkg-config wrapper: the sysroot and the store's packages, static flags") {
  std::string text = pkg_config_script(arm64_glibc(), "/usr/bin/pkg-config");
  CHECK(text.rfind("#!/bin/sh\n", 0) == 0);
  CHECK(has(text, "PKG_CONFIG_SYSROOT_DIR=/st/sysroots/arm64-glibc\n"));
  CHECK(has(text,
            "PKG_CONFIG_LIBDIR=/st/sysroots/arm64-glibc/usr/lib/aarch64-linux-gnu/pkgconfig:"
            "/st/sysroots/arm64-glibc/usr/lib/pkgconfig:/st/sysroots/arm64-glibc/usr/share/pkgconfig\n"));
  CHECK(has(text, "unset PKG_CONFIG_PATH\n"));
  CHECK(has(text, "/usr/bin/pkg-config --static \"$@\""));
  // Packages of `xstatic pkg`: each folder with a manifest, narrowed by XSTATIC_PKGS,
  // and their paths given back without the sysroot pkg-config puts before them.
  CHECK(has(text, "packages=/st/pkg/arm64-glibc\n"));
  CHECK(has(text, "[ -f \"$d/manifest.json\" ] || continue\n"));
  CHECK(has(text, "XSTATIC_PKGS"));
  CHECK(has(text, "s|$PKG_CONFIG_SYSROOT_DIR$packages|$packages|g"));
  CHECK(has(text, "exit $status\n"));
}

TEST_CASE("the CMake toolchain file adds each built package to the find root path") {
  std::string text = cmake_toolchain(arm64_glibc());
  CHECK(has(text, "file(GLOB _xstatic_pkgs LIST_DIRECTORIES true \"/st/pkg/arm64-glibc/*\")\n"));
  CHECK(has(text, "list(APPEND CMAKE_FIND_ROOT_PATH \"${_xstatic_pkg}\")"));
  CHECK_FALSE(has(text, " IN_LIST "));  // read before project(): CMP0057 is not set yet
}

TEST_CASE("--malloc reaches every link: CMake linker flags, Meson link args, XSTATIC_MALLOC") {
  auto tools = arm64_glibc();
  CHECK_FALSE(has(cmake_toolchain(tools), "--malloc"));  // the default (auto) needs nothing
  CHECK_FALSE(has(meson_cross_file(tools), "--malloc"));
  CHECK_FALSE(has(env_shell(tools), "XSTATIC_MALLOC"));
  tools.malloc = "musl";
  CHECK(has(cmake_toolchain(tools), "string(APPEND CMAKE_EXE_LINKER_FLAGS_INIT \" --malloc=musl\")\n"));
  std::string meson = meson_cross_file(tools);
  CHECK(has(meson, "c_link_args = ['--malloc=musl']\n"));
  CHECK(has(meson, "cpp_link_args = ['--malloc=musl']\n"));
  CHECK(meson.find("c_link_args") > meson.find("[built-in options]"));
  CHECK(meson.find("c_link_args") < meson.find("[host_machine]"));
  CHECK(has(env_shell(tools), "export XSTATIC_MALLOC=musl\n"));
}
