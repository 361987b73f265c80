// C++ runtimes for musl targets: LLVM's libc++, libc++abi and libunwind,
// built once per (clang major version, sysroot) and kept in the store:
//
//   <store>/runtimes/llvm-<major>/<sysroot-name>/   e.g. runtimes/llvm-19/arm64-musl/
//       include/c++/v1/        libc++ headers (with __config_site)
//       lib/libc++.a libc++abi.a libunwind.a
//       manifest.json          written last: its presence means "built"
#pragma once

#include <filesystem>
#include <optional>

#include "xstatic/sysroot/store.hpp"
#include "xstatic/target/target.hpp"

namespace xstatic::runtimes {

namespace fs = std::filesystem;

struct Installed {
  fs::path root;         // runtimes/llvm-<major>/<sysroot-name>
  fs::path include_dir;  // root/include/c++/v1
  fs::path lib_dir;      // root/lib
};

// Where the runtimes for `t` built with clang `clang_major` live (may not exist).
fs::path runtime_path(const sysroot::Store& store, const target::Target& t, int clang_major);

// Cheap (one stat): the runtimes when built, else nullopt.
std::optional<Installed> find(const sysroot::Store& store, const target::Target& t, int clang_major);

}  // namespace xstatic::runtimes
