// WebAssembly modules, read by wasm_reader.cpp (bounds-checked; LLVM's
// reader is fatal on malformed input): imports (by module and field),
// exports, memories, custom sections. Spec:
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
#include <llvm/Support/JSON.h>

#include <algorithm>

#include "detail.hpp"
#include "wasm_reader.hpp"
#include "xstatic/target/target.hpp"
#include "xstatic/util/error.hpp"
#include "xstatic/util/strings.hpp"

namespace xstatic::inspect::detail {
namespace {

bool exports_function(const WasmModule& m, std::string_view name) {
  return std::any_of(m.exports.begin(), m.exports.end(),
                     [&](const WasmExtern& e) { return e.name == name && e.kind == "function"; });
}

// Section names, sizes, debug and name sections: what "stripped" means for wasm.
void read_sections(const WasmOutline& o, Report& r) {
  for (const auto& section : o.sections) {
    ++r.section_count;
    if (util::starts_with(section.name, ".debug")) r.debug_sections.push_back(section.name);
    r.largest_sections.push_back({section.name, section.size});
  }
  std::stable_sort(r.largest_sections.begin(), r.largest_sections.end(),
                   [](const Section& a, const Section& b) { return a.size > b.size; });
  if (r.largest_sections.size() > kLargestSections) r.largest_sections.resize(kLargestSections);
  // A linked module's symbol names live in the "name" section (wasm-ld -s drops it);
  // an object's in its "linking" section.
  r.has_symtab = o.has_names || o.relocatable;
  r.symbol_count = o.named_functions;
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

void inspect_wasm(std::string_view bytes, Report& r) {
  std::string error;
  auto outline = read_wasm(
      std::span<const std::uint8_t>(reinterpret_cast<const std::uint8_t*>(bytes.data()), bytes.size()),
      error);
  if (!outline) throw Error(r.path + ": malformed wasm: " + error);
  const WasmOutline& o = *outline;
  r.format = target::ObjectFormat::wasm;
  r.format_name = "WASM";
  r.arch = o.is64 ? "wasm64" : "wasm32";
  r.bits = o.is64 ? 64 : 32;
  r.little_endian = true;  // wasm is little-endian by definition
  r.wasm = o.module;
  const WasmModule& m = *r.wasm;
  bool wasi = std::any_of(m.imports.begin(), m.imports.end(),
                          [](const WasmExtern& i) { return i.module == kWasiModule; });
  if (!o.is64)
    for (const auto& row : target::table())
      if (row.format == target::ObjectFormat::wasm)
        r.target = target::Target{&row, target::Libc::wasi}.go_name();
  if (wasi) r.libc = target::Libc::wasi;
  if (o.relocatable) {
    r.file_type = FileType::object;
    r.linkage = Linkage::none;
  } else {
    r.file_type = o.shared_object                 ? FileType::shared_object
                  : exports_function(m, "_start") ? FileType::executable
                                                  : FileType::other;
    r.linkage =
        o.shared_object || !wasm_foreign_imports(m).empty() ? Linkage::dynamic : Linkage::fully_static;
  }
  read_sections(o, r);
}

std::vector<std::string> wasm_foreign_imports(const WasmModule& m) {
  std::vector<std::string> out;
  for (const auto& i : m.imports)
    if (i.module != kWasiModule) out.push_back(i.module + "." + i.name);
  return out;
}

std::string wasm_static_failure(const WasmModule& m) {
  return "imports from outside " + std::string(kWasiModule) + ": " +
         util::join(wasm_foreign_imports(m), ", ");
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
