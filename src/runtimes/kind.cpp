// The runtime kinds as data (see kind.hpp).
#include "xstatic/runtimes/kind.hpp"

#include <algorithm>

namespace xstatic::runtimes {
namespace {

constexpr std::string_view kLibcxxLibraries[] = {"libc++.a", "libc++abi.a", "libunwind.a"};
constexpr std::string_view kLibcxxSbom[] = {"libc++", "libc++abi", "libunwind"};
constexpr std::string_view kMimallocLibraries[] = {"libmimalloc.a"};
constexpr std::string_view kMimallocSbom[] = {"mimalloc"};
constexpr std::string_view kRoutinesLibraries[] = {"libxstatic_libc.a"};
constexpr std::string_view kRoutinesSbom[] = {"xstatic-libc"};

// In `runtimes list` order: by name.
constexpr KindInfo kKinds[] = {
    {.id = Kind::libcxx,
     .name = "libc++",
     .build_choice = "libc++",
     .folder_prefix = "llvm-",
     .folder_pattern = "llvm-([0-9]{1,3})(?:-r[0-9]+)?(-size)?",
     .lock_prefix = "runtimes",
     .libraries = kLibcxxLibraries,
     .sbom_names = kLibcxxSbom,
     .supplier = "LLVM",
     .debian_source = "llvm-toolchain-",
     .source_per_clang_major = true,
     .source_parts = ": libc++, libc++abi, libunwind"},
    {.id = Kind::libc_routines,
     .name = "libc-routines",
     .build_choice = "libc",
     .folder_prefix = "libc-",
     .folder_pattern = "libc-[0-9a-f]{8}-llvm([0-9]{1,3})",
     .lock_prefix = "libc",
     .libraries = kRoutinesLibraries,
     .sbom_names = kRoutinesSbom,
     .supplier = "xstatic",
     .debian_source = "",
     .source_per_clang_major = false,
     .source_parts = ""},
    {.id = Kind::mimalloc,
     .name = "mimalloc",
     .build_choice = "mimalloc",
     .folder_prefix = "mimalloc-",
     .folder_pattern = "mimalloc-[0-9][0-9A-Za-z.+~]*-llvm([0-9]{1,3})-r[0-9]+(-size)?",
     .lock_prefix = "mimalloc",
     .libraries = kMimallocLibraries,
     .sbom_names = kMimallocSbom,
     .supplier = "Microsoft",
     .debian_source = "mimalloc",
     .source_per_clang_major = false,
     .source_parts = ""},
};

}  // namespace

const KindInfo& kind_info(Kind k) {
  for (const auto& row : kKinds)
    if (row.id == k) return row;
  return kKinds[0];
}

std::span<const KindInfo> kinds() {
  return kKinds;
}

const KindInfo* kind_named(std::string_view name) {
  for (const auto& row : kKinds)
    if (row.name == name) return &row;
  return nullptr;
}

std::string build_name(Kind k, int clang_major, Variant variant, std::string_view sysroot_name) {
  return std::string(kind_info(k).lock_prefix) + "-llvm" + std::to_string(clang_major) +
         std::string(variant_info(variant).folder_suffix) + "-" + std::string(sysroot_name);
}

const KindInfo* kind_of_sbom_name(std::string_view name) {
  for (const auto& row : kKinds)
    if (std::find(row.sbom_names.begin(), row.sbom_names.end(), name) != row.sbom_names.end()) return &row;
  return nullptr;
}

}  // namespace xstatic::runtimes
