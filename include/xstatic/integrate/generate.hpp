// Text that hands a Toolset to a build system: a CMake toolchain file, a
// Meson cross file, shell exports / JSON for make and ./configure, and the
// pkg-config wrapper script. Pure functions of the Toolset, so unit tests
// check them without touching the disk.
#pragma once

#include <string>
#include <utility>
#include <vector>

#include "xstatic/driver/launcher.hpp"
#include "xstatic/integrate/toolset.hpp"

namespace xstatic::integrate {

// CMake's CMAKE_SYSTEM_NAME ("Linux", "Windows", "Darwin", "WASI").
std::string cmake_system_name(const target::Row& row);
// CMAKE_SYSTEM_PROCESSOR: the triple's architecture ("aarch64", "armv7", "i686").
std::string cmake_system_processor(const target::Target& t);

// A complete CMake toolchain file (what `xstatic toolchain cmake TARGET` prints).
std::string cmake_toolchain(const Toolset& tools);

// Meson's host_machine cpu_family ("aarch64", "arm", "x86", "mips64", "ppc64").
std::string meson_cpu_family(const target::Row& row);
// A complete Meson cross file (what `xstatic toolchain meson TARGET` prints).
// `compiler_prefix` (integrate::compiler_prefix) goes before c and cpp:
// Meson takes a compiler as a list of words.
std::string meson_cross_file(const Toolset& tools, const std::vector<std::string>& compiler_prefix = {});

// The variables of `xstatic env`, in print order (CC, CXX, AR, ..., CROSS_COMPILE, XSTATIC_HOST).
std::vector<std::pair<std::string, std::string>> env_vars(const Toolset& tools);
// `export NAME='value'` lines for eval in a POSIX shell; with a launcher
// (at `launcher_path`), its variables too (xstatic/integrate/launcher.hpp).
std::string env_shell(const Toolset& tools, driver::Launcher launcher = driver::Launcher::none,
                      const std::string& launcher_path = {});
// The same as one JSON object.
std::string env_json(const Toolset& tools, driver::Launcher launcher = driver::Launcher::none,
                     const std::string& launcher_path = {});

// The <prefix>-pkg-config script: only the sysroot's .pc files, static flags,
// paths rebased into the sysroot.
std::string pkg_config_script(const Toolset& tools, const std::string& host_pkg_config);

}  // namespace xstatic::integrate
