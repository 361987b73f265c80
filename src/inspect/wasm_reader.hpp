#pragma once
// A bounds-checked reader of a WebAssembly module's outline (wasm_reader.cpp
// says why LLVM's reader is not used on untrusted bytes).
#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <vector>

#include "xstatic/inspect/report.hpp"

namespace xstatic::inspect::detail {

struct WasmSection {
  std::string name;        // "IMPORT", "CODE", ... as LLVM names them; a custom section's own name
  std::uint64_t size = 0;  // bytes of content (a custom section's after its name)
};

struct WasmOutline {
  WasmModule module;                  // imports, exports, memories (imported ones first)
  std::vector<WasmSection> sections;  // in file order
  bool relocatable = false;           // has a "linking" section: clang -c output
  bool shared_object = false;         // has a "dylink" / "dylink.0" section
  bool has_names = false;             // has a "name" section (wasm-ld -s drops it)
  bool is64 = false;                  // a memory uses 64-bit limits (wasm64)
  std::uint64_t named_functions = 0;  // entries of the name section's function map
};

// The outline, or nullopt with `error` saying what is malformed.
std::optional<WasmOutline> read_wasm(std::span<const std::uint8_t> bytes, std::string& error);

}  // namespace xstatic::inspect::detail
