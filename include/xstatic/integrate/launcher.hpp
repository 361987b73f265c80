// Compile caches and distributed compilers for build systems: what
// `xstatic env T --launcher X` and `xstatic toolchain cmake|meson T --launcher X`
// add (docs/cache.md).
//
// ccache goes outside xstatic (the outer launcher, the way ccache users
// already write it: CC="ccache aarch64-linux-musl-cc",
// CMAKE_C_COMPILER_LAUNCHER=ccache), told to key the compiler by
// `xstatic cc --print-fingerprint` rather than by xstatic's own mtime, and
// that the compiler is clang. sccache, distcc and icecc go inside
// (XSTATIC_LAUNCHER): sccache keys a compiler by hashing the binary it runs,
// and distcc and icecc must send a worker clang itself, so they must see
// clang, not xstatic.
#pragma once

#include <string>
#include <utility>
#include <vector>

#include "xstatic/driver/launcher.hpp"
#include "xstatic/integrate/toolset.hpp"

namespace xstatic::integrate {

using EnvVars = std::vector<std::pair<std::string, std::string>>;

// ccache's compiler_check for xstatic's compilers.
inline constexpr const char* kCcacheCompilerCheck = "%compiler% --print-fingerprint";

// `vars` (env_vars' list) with the launcher in place: CC and CXX behind
// ccache plus CCACHE_COMPILERCHECK and CCACHE_COMPILERTYPE, or
// XSTATIC_LAUNCHER for the inner engines. `launcher_path` is the engine's
// program (driver::find_launcher).
EnvVars with_launcher(EnvVars vars, driver::Launcher launcher, const std::string& launcher_path);

// The words to put before the compiler: /usr/bin/env with the engine's
// settings, then ccache for the outer form; none for Launcher::none.
std::vector<std::string> compiler_prefix(driver::Launcher launcher, const std::string& launcher_path);

// CMake lines setting CMAKE_C_COMPILER_LAUNCHER and CMAKE_CXX_COMPILER_LAUNCHER
// (env(1) carrying the settings, then ccache); "" for Launcher::none.
std::string cmake_launcher(driver::Launcher launcher, const std::string& launcher_path);

}  // namespace xstatic::integrate
