// The host's toolchain: finding clang, lld and the LLVM binutils, cheaply: the compiler hot path
// starts no subprocess to learn a version (the name says it, or a cache in
// the store remembers it).
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "xstatic/store/store.hpp"

namespace xstatic::toolchain {

inline constexpr int kMinClangMajor = 14;
inline constexpr int kPreferredClangMajor = 19;

struct Clang {
  std::string path;       // what we run: $XSTATIC_CLANG, or clang-19 / clang found on PATH
  std::string real_path;  // with symlinks resolved (/usr/lib/llvm-19/bin/clang)
  int major = 0;          // its major version
};

// The bundle (xstatic/bundle/bundle.hpp, docs/bundle.md) is clang and lld
// itself: its main() tells this module its bin/ folder, where clang, clang++
// and ld.lld are links to it, and clang's major version. find_clang then
// returns bin/clang wherever it would have searched PATH ($XSTATIC_CLANG and
// an explicit name still win). The normal xstatic never calls it.
void use_bundled_clang(std::string bin_dir, int major);

// `name` when given, else $XSTATIC_CLANG, else the bundle's own clang, else clang-19 on PATH, else clang.
// The one place xstatic finds its compiler (driver, runtimes, doctor). Throws Error (missing)
// when there is none or it is older than clang 14. Learns the version from the
// name (clang-19, .../llvm-19/bin/clang), else from a cache in the store keyed
// by the binary's path and mtime, else (once) from `clang --version`.
Clang find_clang(const store::Store& store, const std::string& name = {});
// The same, for callers to whom no clang is an answer (doctor, targets): nullopt
// where find_clang throws.
std::optional<Clang> try_find_clang(const store::Store& store, const std::string& name = {});

// The major version in a name such as "clang-19", "clang++-19" or
// "/usr/lib/llvm-19/bin/clang"; 0 when the name does not say.
int major_from_name(std::string_view path);

// The major version in `clang --version` output; 0 when absent.
int major_from_version_output(std::string_view text);

// The C++ driver beside `clang` (clang++-19 for clang-19); nullopt when there
// is none, in which case the caller runs clang with --driver-mode=g++.
std::optional<std::string> cxx_driver(const Clang& clang);

// The --ld-path for `lld`, the ld.lld that find_lld(clang, "ld.lld") returned:
// nullopt when it is the one beside clang's real path, which -fuse-ld=lld finds
// by itself; else the ld.lld-<major>/ld.lld found on PATH.
std::optional<std::string> ld_path_for(const Clang& clang, const std::string& lld);

// The lld that clang's -fuse-ld=lld runs, by its flavour's name ("ld.lld",
// "ld64.lld", "wasm-ld"): beside clang's real path, else <name>-<major> or
// <name> on PATH; nullopt when there is none.
std::optional<std::string> find_lld(const Clang& clang, std::string_view name);

// An LLVM tool ("llvm-ar", "ld.lld") on PATH: the -19 suffixed name first.
std::optional<std::string> find_llvm_tool(std::string_view name);

}  // namespace xstatic::toolchain
