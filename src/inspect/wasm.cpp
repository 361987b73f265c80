// WebAssembly modules through LLVM's WasmObjectFile: imports (by module and
// field), exports, memories, custom sections. Spec:
// https://webassembly.github.io/spec/core/binary/modules.html
//
// A wasm module has no dynamic loader: everything it needs from outside comes
// through its imports, each naming a module and a field. A WASI preview 1
// program (wasm32-wasip1) imports only from "wasi_snapshot_preview1", which
// every WASI runtime (node's node:wasi, wasmtime) provides; that is what
// "static" means here. An import from any other module ("env" after
// -Wl,--allow-undefined, an import_module attribute) needs a host that
// provides it, like a shared library would: the linkage is then "dynamic".
// A relocatable object (clang -c, with a "linking" section) is not linked.
#include <llvm/BinaryFormat/Wasm.h>
#include <llvm/Object/Wasm.h>
#include <llvm/Support/JSON.h>
#include <llvm/TargetParser/Triple.h>

#include <algorithm>

#include "detail.hpp"
#include "xstatic/target/target.hpp"
#include "xstatic/util/strings.hpp"

namespace xstatic::inspect::detail {
namespace {

using llvm::object::WasmObjectFile;

std::string kind_name(std::uint8_t kind) {
  switch (kind) {
    case llvm::wasm::WASM_EXTERNAL_FUNCTION:
      return "function";
    case llvm::wasm::WASM_EXTERNAL_TABLE:
      return "table";
    case llvm::wasm::WASM_EXTERNAL_MEMORY:
      return "memory";
    case llvm::wasm::WASM_EXTERNAL_GLOBAL:
      return "global";
    case llvm::wasm::WASM_EXTERNAL_TAG:
      return "tag";
    default:
      return "unknown (" + std::to_string(kind) + ")";
  }
}

WasmMemory memory_of(const llvm::wasm::WasmLimits& limits, bool imported) {
  WasmMemory m;
  m.initial = limits.Minimum;
  if (limits.Flags & llvm::wasm::WASM_LIMITS_FLAG_HAS_MAX) m.max = limits.Maximum;
  m.shared = (limits.Flags & llvm::wasm::WASM_LIMITS_FLAG_IS_SHARED) != 0;
  m.imported = imported;
  return m;
}

WasmModule module_of(const WasmObjectFile& obj) {
  WasmModule m;
  for (const auto& imp : obj.imports()) {
    m.imports.push_back({imp.Module.str(), imp.Field.str(), kind_name(imp.Kind)});
    if (imp.Kind == llvm::wasm::WASM_EXTERNAL_MEMORY) m.memories.push_back(memory_of(imp.Memory, true));
  }
  for (const auto& exp : obj.exports()) m.exports.push_back({"", exp.Name.str(), kind_name(exp.Kind)});
  for (const auto& limits : obj.memories()) m.memories.push_back(memory_of(limits, false));
  return m;
}

bool exports_function(const WasmModule& m, std::string_view name) {
  return std::any_of(m.exports.begin(), m.exports.end(),
                     [&](const WasmExtern& e) { return e.name == name && e.kind == "function"; });
}

// Section names, sizes, debug and name sections: what "stripped" means for wasm.
void read_sections(const WasmObjectFile& obj, Report& r) {
  bool has_names = false;
  for (const auto& section : obj.sections()) {
    ++r.section_count;
    auto name = section.getName();
    std::string n = name ? name->str() : std::string("?");
    if (!name) discard_error(name.takeError());
    if (n == "name") has_names = true;
    if (util::starts_with(n, ".debug")) r.debug_sections.push_back(n);
    r.largest_sections.push_back({n, section.getSize()});
  }
  std::stable_sort(r.largest_sections.begin(), r.largest_sections.end(),
                   [](const Section& a, const Section& b) { return a.size > b.size; });
  if (r.largest_sections.size() > kLargestSections) r.largest_sections.resize(kLargestSections);
  // A linked module's symbol names live in the "name" section (wasm-ld -s drops it).
  r.has_symtab = has_names || obj.isRelocatableObject();
  r.symbol_count = obj.isRelocatableObject()
                       ? static_cast<std::uint64_t>(std::distance(obj.symbol_begin(), obj.symbol_end()))
                       : obj.debugNames().size();
  r.stripped = !r.has_symtab && r.debug_sections.empty();
}

std::string memory_text(const WasmMemory& m) {
  std::string s = std::to_string(m.initial) + " pages initial, " +
                  (m.max ? std::to_string(*m.max) + " max" : std::string("no max"));
  if (m.shared) s += ", shared";
  if (m.imported) s += ", imported";
  return s;
}

}  // namespace

void inspect_wasm(const llvm::object::Binary& bin, Report& r) {
  const auto& obj = llvm::cast<WasmObjectFile>(bin);
  r.format = "wasm";
  r.format_name = obj.getFileFormatName().str();
  r.arch = llvm::Triple::getArchTypeName(obj.getArch()).str();
  r.bits = obj.getArch() == llvm::Triple::wasm64 ? 64 : 32;
  r.little_endian = true;  // wasm is little-endian by definition
  r.wasm = module_of(obj);
  const WasmModule& m = *r.wasm;
  bool wasi = std::any_of(m.imports.begin(), m.imports.end(),
                          [](const WasmExtern& i) { return i.module == kWasiModule; });
  if (obj.getArch() == llvm::Triple::wasm32)
    for (const auto& row : target::table())
      if (row.format == target::ObjectFormat::wasm)
        r.target = target::Target{&row, target::Libc::wasi}.go_name();
  if (wasi) r.libc = "wasi";
  if (obj.isRelocatableObject()) {
    r.file_type = "object";
    r.linkage = "none";
  } else {
    r.file_type = obj.isSharedObject()            ? "shared-object"
                  : exports_function(m, "_start") ? "executable"
                                                  : "other";
    r.linkage = obj.isSharedObject() || !wasm_foreign_imports(m).empty() ? "dynamic" : "static";
  }
  read_sections(obj, r);
}

std::vector<std::string> wasm_foreign_imports(const WasmModule& m) {
  std::vector<std::string> out;
  for (const auto& i : m.imports)
    if (i.module != kWasiModule) out.push_back(i.module + "." + i.name);
  return out;
}

std::string wasm_static_failure(const WasmModule& m) {
  return "imports from outside " + std::string(kWasiModule) + ": " + util::join(wasm_foreign_imports(m), ", ");
}

void wasm_text(std::string& out, const WasmModule& m) {
  auto line = [&](std::string_view key, const std::string& value) {
    if (value.empty()) return;
    out += "  ";
    out += key;
    out.append(key.size() < 14 ? 14 - key.size() : 1, ' ');
    out += value + '\n';
  };
  // Imports grouped by module: "wasi_snapshot_preview1: fd_write, proc_exit".
  std::vector<std::string> modules;
  for (const auto& i : m.imports)
    if (std::find(modules.begin(), modules.end(), i.module) == modules.end()) modules.push_back(i.module);
  for (const auto& mod : modules) {
    std::vector<std::string> names;
    for (const auto& i : m.imports)
      if (i.module == mod) names.push_back(i.name + (i.kind == "function" ? "" : " (" + i.kind + ")"));
    line("imports", mod + ": " + util::join(names, ", "));
  }
  std::vector<std::string> exports;
  for (const auto& e : m.exports)
    exports.push_back(e.name + (e.kind == "function" ? "" : " (" + e.kind + ")"));
  line("exports", util::join(exports, ", "));
  for (const auto& mem : m.memories) line("memory", memory_text(mem));
}

void wasm_json(llvm::json::OStream& j, const std::optional<WasmModule>& m) {
  if (!m) {
    j.attribute("wasm", nullptr);
    return;
  }
  auto externs = [&](const char* key, const std::vector<WasmExtern>& list, bool with_module) {
    j.attributeArray(key, [&] {
      for (const auto& e : list)
        j.object([&] {
          if (with_module) j.attribute("module", e.module);
          j.attribute("name", e.name);
          j.attribute("kind", e.kind);
        });
    });
  };
  j.attributeObject("wasm", [&] {
    externs("imports", m->imports, true);
    externs("exports", m->exports, false);
    j.attributeArray("memories", [&] {
      for (const auto& mem : m->memories)
        j.object([&] {
          j.attribute("initial_pages", static_cast<std::int64_t>(mem.initial));
          j.attribute("max_pages",
                      mem.max ? llvm::json::Value(static_cast<std::int64_t>(*mem.max)) : nullptr);
          j.attribute("shared", mem.shared);
          j.attribute("imported", mem.imported);
        });
    });
    std::vector<std::string> foreign = wasm_foreign_imports(*m);
    j.attributeArray("foreign_imports", [&] {
      for (const auto& f : foreign) j.value(f);
    });
  });
}

}  // namespace xstatic::inspect::detail
