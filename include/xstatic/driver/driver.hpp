// The compiler front end: `xstatic cc|c++ ARGS`, `aarch64-linux-musl-cc ARGS`,
// and the binutils-style names build systems look for.
//
//   compile-only (-c, -E, -S, ...)  ->  exec clang (no fork, nothing left behind)
//   link                            ->  run clang, then inspect::verify_file the output
//
// Environment: XSTATIC_CLANG (which clang), XSTATIC_VERBOSE=1 (print the
// command), XSTATIC_NO_VERIFY=1, XSTATIC_AUTO_INSTALL=1, GOOS/GOARCH/GOARM/GOAMD64,
// XSTATIC_LAUNCHER (a compile cache or distributed compiler: launcher.hpp).
#pragma once

#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "xstatic/driver/command.hpp"
#include "xstatic/target/target.hpp"

namespace xstatic::driver {

// How the compiler front end was called, read once by main(): the language
// its name gives (compiler_language), argv[0], and the target a prefixed
// name carries (aarch64-linux-musl-cc: target::from_program_name), which
// also means the store is the one that name's links folder records.
struct Caller {
  Language language = Language::c;
  std::string_view argv0;
  std::optional<target::Target> named;
};

// Runs `args` as the compiler `caller` names. Returns the exit status:
// clang's, or 1 when the linked file fails the check. Compile-only calls do
// not return (the process becomes clang). Throws xstatic::Error for what the
// user must fix (missing sysroot: Exit::missing).
int compile(const Caller& caller, std::vector<std::string> args);

// The LLVM tool a binutils name stands for ("ar" -> "llvm-ar", "ld" -> "ld.lld");
// nullopt when `tool` is not a binutils name we provide.
std::optional<std::string_view> binutil_for(std::string_view tool);

// Binutils-style names xstatic provides for every target (ar, ranlib, ...).
std::vector<std::string_view> binutil_names();

// Execs the LLVM tool for `tool` with `args` untouched (windres first gets
// --target=<triple> of `t`); nullopt when `tool` is not a binutils name.
// Throws Error (missing) when the LLVM tool is absent.
std::optional<int> run_binutil(std::string_view tool, const target::Target& t,
                               const std::vector<std::string>& args);

// Compiler and binutils names for a target: aarch64-linux-musl-cc, -c++, -gcc,
// -g++, -clang, -clang++, -ar, ... (-windres for Windows targets) and the Go
// form linux-arm64-cc for the target's default libc.
std::vector<std::string> link_names(const target::Target& t);

// Creates (or refreshes) those names in `dir` as symlinks to `self`. Refuses
// to replace anything that is not a symlink. Returns the names made.
std::vector<std::string> install_links(const std::filesystem::path& dir, const std::filesystem::path& self,
                                       const std::vector<target::Target>& targets);

}  // namespace xstatic::driver
