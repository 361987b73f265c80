// A report for people (`xstatic inspect`) and as JSON (`--json`). The JSON
// field names are the Report field names, documented in docs/inspect.md.
#include <llvm/Support/JSON.h>
#include <llvm/Support/raw_ostream.h>

#include <cinttypes>
#include <cstdio>

#include "detail.hpp"
#include "xstatic/inspect/glibc_version.hpp"
#include "xstatic/inspect/report.hpp"
#include "xstatic/util/strings.hpp"

namespace xstatic::inspect {
namespace {

std::string hex_address(std::uint64_t v) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "0x%" PRIx64, v);
  return buf;
}

// The report's enums as JSON strings (LLVM's json takes no std::string_view).
llvm::json::Value text(std::string_view s) {
  return llvm::json::Value(std::string(s));
}

void libraries_json(llvm::json::OStream& j, const char* key, const std::vector<Library>& libs) {
  j.attributeArray(key, [&] {
    for (const auto& l : libs)
      j.object([&] {
        j.attribute("name", l.name);
        j.attribute("kind", l.kind);
        j.attribute("system", l.system);
      });
  });
}

void strings_json(llvm::json::OStream& j, const char* key, const std::vector<std::string>& values) {
  j.attributeArray(key, [&] {
    for (const auto& v : values) j.value(v);
  });
}

void report_json(llvm::json::OStream& j, const Report& r) {
  j.object([&] {
    j.attribute("path", r.path);
    j.attribute("format", text(format_name(r)));
    j.attribute("format_name", r.format_name);
    j.attribute("arch", r.arch);
    j.attribute("elf_machine", r.elf_machine);
    j.attribute("bits", r.bits);
    j.attribute("endian", r.little_endian ? "little" : "big");
    j.attribute("target", r.target ? llvm::json::Value(*r.target) : nullptr);
    j.attribute("libc", r.libc ? text(target::libc_name(*r.libc)) : nullptr);
    j.attribute("allocator",
                r.allocator.empty() ? llvm::json::Value(nullptr) : llvm::json::Value(r.allocator));
    strings_json(j, "libc_routines", r.libc_routines);
    j.attribute("file_type", text(name(r.file_type)));
    j.attribute("linkage", text(name(r.linkage)));
    j.attribute("pie", r.pie);
    j.attribute("interpreter",
                r.interpreter.empty() ? llvm::json::Value(nullptr) : llvm::json::Value(r.interpreter));
    strings_json(j, "needed", r.needed);
    j.attribute("soname", r.soname.empty() ? llvm::json::Value(nullptr) : llvm::json::Value(r.soname));
    strings_json(j, "rpath", r.rpath);
    strings_json(j, "runpath", r.runpath);
    j.attribute("glibc_max",
                r.glibc_max.empty() ? llvm::json::Value(nullptr) : llvm::json::Value(r.glibc_max));
    j.attributeArray("versioned_imports", [&] {
      for (const auto& v : r.versioned_imports)
        j.object([&] {
          j.attribute("symbol", v.symbol);
          j.attribute("version", v.version);
        });
    });
    libraries_json(j, "dylibs", r.dylibs);
    j.attribute("min_os", r.min_os.empty() ? llvm::json::Value(nullptr) : llvm::json::Value(r.min_os));
    libraries_json(j, "imports", r.imports);
    j.attribute("subsystem",
                r.subsystem.empty() ? llvm::json::Value(nullptr) : llvm::json::Value(r.subsystem));
    j.attribute("stripped", r.stripped);
    j.attribute("has_symtab", r.has_symtab);
    j.attribute("symbol_count", static_cast<std::int64_t>(r.symbol_count));
    strings_json(j, "debug_sections", r.debug_sections);
    j.attribute("build_id", r.build_id.empty() ? llvm::json::Value(nullptr) : llvm::json::Value(r.build_id));
    j.attribute("entry", static_cast<std::int64_t>(r.entry));
    j.attribute("file_size", static_cast<std::int64_t>(r.file_size));
    j.attribute("section_count", static_cast<std::int64_t>(r.section_count));
    j.attributeArray("largest_sections", [&] {
      for (const auto& s : r.largest_sections)
        j.object([&] {
          j.attribute("name", s.name);
          j.attribute("size", static_cast<std::int64_t>(s.size));
        });
    });
    j.attribute("exec_stack", r.exec_stack ? llvm::json::Value(*r.exec_stack) : nullptr);
    j.attribute("text_relocations", r.text_relocations);
    j.attributeArray("hazards", [&] {
      for (const auto& h : r.hazards)
        j.object([&] {
          j.attribute("kind", text(name(h.kind)));
          j.attribute("reason", h.reason);
        });
    });
    strings_json(j, "notes", r.notes);
    detail::wasm_json(j, r.wasm);
    detail::sbom_json(j, r.sbom);
    j.attributeArray("slices", [&] {
      for (const auto& s : r.slices) report_json(j, s);
    });
  });
}

void line(std::string& out, std::string_view key, std::string_view value) {
  if (value.empty()) return;
  out += "  ";
  out += key;
  out.append(key.size() < 14 ? 14 - key.size() : 1, ' ');
  out += value;
  out += '\n';
}

std::string libraries_text(const std::vector<Library>& libs) {
  std::vector<std::string> names;
  for (const auto& l : libs)
    names.push_back(l.name + (l.kind == "load" || l.kind == "import" ? "" : " (" + l.kind + ")"));
  return util::join(names, ", ");
}

void report_text(std::string& out, const Report& r) {
  out += r.path + ":\n";
  if (r.slices.empty()) {
    line(out, "format",
         r.format_name + " (" + std::string(format_name(r)) + ", " + std::to_string(r.bits) + "-bit " +
             (r.little_endian ? "little" : "big") + "-endian)");
    line(out, "arch", r.arch);
    line(out, "target", r.target.value_or("(none in the target table)"));
  } else {
    std::vector<std::string> archs;
    for (const auto& s : r.slices) archs.push_back(s.arch);
    line(out, "format", r.format_name + " (" + std::string(format_name(r)) + ")");
    line(out, "slices", util::join(archs, ", "));
  }
  line(out, "libc", r.libc ? target::libc_name(*r.libc) : "");
  line(out, "allocator", r.allocator);
  if (!r.libc_routines.empty()) line(out, "libc routines", "xstatic " + util::join(r.libc_routines, ", "));
  line(out, "type",
       std::string(name(r.file_type)) + (r.pie && r.file_type != FileType::static_pie ? " (pie)" : ""));
  line(out, "linkage", name(r.linkage));
  line(out, "interpreter", r.interpreter);
  line(out, "needed", util::join(r.needed, ", "));
  line(out, "soname", r.soname);
  line(out, "rpath", util::join(r.rpath, ":"));
  line(out, "runpath", util::join(r.runpath, ":"));
  if (!r.glibc_max.empty()) {  // "2.34 (close_range; 112 versioned imports)"
    std::vector<std::string> at_max;
    for (const auto& v : r.versioned_imports)
      if (glibc_version_of(v.version) == r.glibc_max) at_max.push_back(v.symbol);
    line(out, "glibc needed",
         r.glibc_max + " (" + util::join(at_max, ", ") + "; " + std::to_string(r.versioned_imports.size()) +
             " versioned imports)");
  }
  line(out, "dylibs", libraries_text(r.dylibs));
  line(out, "min os", r.min_os);
  line(out, "subsystem", r.subsystem);
  line(out, "imports", libraries_text(r.imports));
  if (r.wasm) detail::wasm_text(out, *r.wasm);
  if (r.sbom) detail::sbom_text(out, *r.sbom);
  if (r.slices.empty()) {
    std::string symbols = r.has_symtab ? std::to_string(r.symbol_count) + " symbols" : "no symbol table";
    if (!r.debug_sections.empty())
      symbols += ", " + std::to_string(r.debug_sections.size()) + " debug sections";
    line(out, "stripped", (r.stripped ? "yes (" : "no (") + symbols + ")");
    line(out, "build id", r.build_id);
    line(out, "entry", hex_address(r.entry));
  }
  line(out, "size", std::to_string(r.file_size) + " bytes");
  std::vector<std::string> sections;
  for (const auto& s : r.largest_sections) sections.push_back(s.name + " " + std::to_string(s.size));
  line(out, "largest", util::join(sections, ", "));
  if (r.exec_stack) line(out, "stack", *r.exec_stack ? "executable" : "not executable");
  if (r.text_relocations) line(out, "textrel", "yes");
  for (const auto& h : r.hazards) line(out, "HAZARD", std::string(name(h.kind)) + ": " + h.reason);
  for (const auto& n : r.notes) line(out, "note", n);
  for (const auto& s : r.slices) report_text(out, s);
}

}  // namespace

std::string to_json(const Report& report) {
  std::string out;
  llvm::raw_string_ostream os(out);
  llvm::json::OStream j(os, 2);
  report_json(j, report);
  os.flush();
  return out;
}

std::string to_text(const Report& report) {
  std::string out;
  report_text(out, report);
  return out;
}

}  // namespace xstatic::inspect
