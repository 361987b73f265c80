// The kinds of runtime xstatic builds per musl target and keeps in the store
// (runtimes.hpp, allocator.hpp, libc_routines.hpp), as rows of data: what
// `runtimes list`, manifests, export/import, the SBOM note and the release
// SBOM say of each. Code reads the row, never
// compares a runtime's name (as variant.hpp does for the builds of one kind).
#pragma once

#include <cstdint>
#include <span>
#include <string>
#include <string_view>

#include "xstatic/runtimes/variant.hpp"

namespace xstatic::runtimes {

enum class Kind : std::uint8_t { libcxx, mimalloc, libc_routines };

struct KindInfo {
  Kind id;
  std::string_view name;          // "libc++": manifests' "runtime", `runtimes list` (and --json)
  std::string_view build_choice;  // `runtimes build --runtime` ("libc" for the libc routines)
  // Its store folders start with folder_prefix (runtimes/llvm-19-r2, mimalloc-2.0.9-llvm19-r4,
  // libc-1a2b3c4d-llvm19); folder_pattern matches a whole folder name (std::regex): group 1 is
  // clang's major, group 2 a variant's folder suffix ("-size").
  std::string_view folder_prefix;
  std::string_view folder_pattern;
  std::string_view lock_prefix;  // the lock a build takes: <locks>/<prefix>-llvm19[-size]-<sysroot>.lock
  std::span<const std::string_view> libraries;  // its archives in lib/ (a manifest's "libraries")
  // The names the SBOM note gives what it links (inspect/sbom.hpp): its libraries, without lib and .a.
  std::span<const std::string_view> sbom_names;
  std::string_view supplier;  // the release SBOM's supplier: "LLVM"
  // Debian's source package ("llvm-toolchain-", and clang's major when source_per_clang_major);
  // "" for xstatic's own sources; source_parts: what the source gives (": libc++, libc++abi, libunwind").
  std::string_view debian_source;
  bool source_per_clang_major;
  std::string_view source_parts;
};

const KindInfo& kind_info(Kind k);

// Every row, in `runtimes list` order (by name).
std::span<const KindInfo> kinds();

// The row named `name` (a manifest's "runtime"), else nullptr.
const KindInfo* kind_named(std::string_view name);

// The name of a build's lock (<locks>/NAME.lock) and of its failed build's
// log (<logs>/NAME.log): "runtimes-llvm19-size-arm64-musl", "mimalloc-llvm19-arm64-musl",
// "libc-llvm19-arm64-musl" (the libc routines have one build).
std::string build_name(Kind k, int clang_major, Variant variant, std::string_view sysroot_name);

// The row whose SBOM note names include `name` ("libc++abi" is libc++'s), else nullptr.
const KindInfo* kind_of_sbom_name(std::string_view name);

}  // namespace xstatic::runtimes
