// Two builds of the runtimes a musl link may take (libc++, libc++abi,
// libunwind and mimalloc), kept side by side in the store:
//
//   standard  what every link took before: libc++ at -Os, mimalloc at -O2
//             (mimalloc's speed is the reason it is linked at all).
//   size      for links that ask for size (-Os, -Oz): libc++, libc++abi,
//             libunwind and mimalloc at -Oz, without frame pointers. The same
//             sources, headers (__config_site) and ABI; only code
//             generation differs, so objects compiled against either link
//             with either. Built on first use, like the standard ones.
//
// Which one a call takes: --runtimes-opt (else XSTATIC_RUNTIMES_OPT, else
// auto), where auto means size when the last -O option of the call is -Os or
// -Oz (CMake puts CMAKE_CXX_FLAGS on the link line too), standard otherwise.
// Each variant is a row of facts (variant.cpp); code reads the row, never the name.
#pragma once

#include <cstdint>
#include <optional>
#include <string_view>

namespace xstatic::runtimes {

enum class Variant : std::uint8_t { standard, size };

struct VariantInfo {
  Variant id;
  std::string_view name;           // "standard", "size": --runtimes-opt, manifests, `runtimes list`
  std::string_view folder_suffix;  // appended to the store folder: llvm-19-r2-size, mimalloc-...-r4-size
  std::string_view sbom_suffix;    // appended to the versions the SBOM note records: "19.1.7+size"
  // libc++'s CMake build (MinSizeRel): CMAKE_<LANG>_FLAGS_MINSIZEREL.
  std::string_view libcxx_opt_flags;
  // Code-generation flags added to every runtime's compile (libc++'s CMAKE_<LANG>_FLAGS, mimalloc's).
  std::string_view extra_flags;
  // mimalloc's optimisation flags.
  std::string_view mimalloc_flags;
};

const VariantInfo& variant_info(Variant v);

// The row whose name is `name` ("standard", "size"; a manifest's "variant"), else nullptr.
const VariantInfo* variant_named(std::string_view name);

// What --runtimes-opt / XSTATIC_RUNTIMES_OPT ask for.
enum class RuntimesOpt : std::uint8_t {
  automatic,  // auto: size for -Os/-Oz calls, standard otherwise
  standard,   // always the standard runtimes
  size,       // always the size runtimes
};
inline constexpr std::string_view kRuntimesOptChoices = "auto|standard|size";

// "auto", "standard", "size"; nullopt otherwise.
std::optional<RuntimesOpt> parse_runtimes_opt(std::string_view name);

// The variant a call takes: `opt`, where auto picks size when the call's
// last -O option asks for size (`optimize_size`).
Variant choose_variant(RuntimesOpt opt, bool optimize_size);

}  // namespace xstatic::runtimes
