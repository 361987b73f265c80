// The runtimes' variants as data (see variant.hpp for what each is for).
#include "xstatic/runtimes/variant.hpp"

namespace xstatic::runtimes {
namespace {

// standard: exactly the flags every link used before the size variant (no
// extra flag, CMake's own MinSizeRel -Os for libc++, -O2 for mimalloc), so
// that its folders and bytes stay what they were.
//
// size: -Oz everywhere (clang's -Os minus the inlining and unrolling that
// grow code; on arm64 it also lets the machine outliner share repeated
// instruction sequences). -fomit-frame-pointer: arm64 and amd64 keep a frame
// pointer by default; without it each non-leaf function saves less; only a
// frame-pointer profiler loses sight of these runtimes' frames (unwinding
// uses the tables, not the frame chain). mimalloc keeps its unwind tables
// (a throwing new_handler unwinds through its operator new); exception-only
// tables would change nothing there (the same object, measured).
constexpr VariantInfo kVariants[] = {
    {Variant::standard, "standard", "", "", "", "", "-O2"},
    {Variant::size, "size", "-size", "+size", "-Oz -DNDEBUG", "-fomit-frame-pointer", "-Oz"},
};

}  // namespace

const VariantInfo& variant_info(Variant v) {
  for (const auto& row : kVariants)
    if (row.id == v) return row;
  return kVariants[0];
}

const VariantInfo* variant_named(std::string_view name) {
  for (const auto& row : kVariants)
    if (row.name == name) return &row;
  return nullptr;
}

std::optional<RuntimesOpt> parse_runtimes_opt(std::string_view name) {
  if (name == "auto") return RuntimesOpt::automatic;
  if (name == "standard") return RuntimesOpt::standard;
  if (name == "size") return RuntimesOpt::size;
  return std::nullopt;
}

Variant choose_variant(RuntimesOpt opt, bool optimize_size) {
  switch (opt) {
    case RuntimesOpt::standard:
      return Variant::standard;
    case RuntimesOpt::size:
      return Variant::size;
    case RuntimesOpt::automatic:
      break;
  }
  return optimize_size ? Variant::size : Variant::standard;
}

}  // namespace xstatic::runtimes
