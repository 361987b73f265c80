// The report's enums as the words `xstatic inspect` prints and `--json`
// carries (docs/inspect.md): the only place they become text.
#include "xstatic/inspect/report.hpp"

namespace xstatic::inspect {

std::string_view name(FileType type) {
  switch (type) {
    case FileType::executable:
      return "executable";
    case FileType::static_pie:
      return "static-pie";
    case FileType::shared_object:
      return "shared-object";
    case FileType::object:
      return "object";
    case FileType::bundle:
      return "bundle";
    case FileType::core:
      return "core";
    case FileType::other:
      return "other";
  }
  return "other";
}

std::string_view name(Linkage linkage) {
  switch (linkage) {
    case Linkage::none:
      return "none";
    case Linkage::fully_static:
      return "static";
    case Linkage::static_pie:
      return "static-pie";
    case Linkage::dynamic:
      return "dynamic";
  }
  return "none";
}

std::string_view name(HazardKind kind) {
  switch (kind) {
    case HazardKind::nss:
      return "nss";
    case HazardKind::dlopen:
      return "dlopen";
    case HazardKind::iconv:
      return "iconv";
    case HazardKind::execstack:
      return "execstack";
    case HazardKind::textrel:
      return "textrel";
  }
  return "?";
}

std::string_view format_name(const Report& r) {
  if (!r.format) return "file";
  switch (*r.format) {
    case target::ObjectFormat::elf:
      return "elf";
    case target::ObjectFormat::macho:
      return r.universal ? "macho-universal" : "macho";
    // A COFF object is not a PE image: it has no DOS header and is never linked.
    case target::ObjectFormat::coff:
      return r.file_type == FileType::object ? "coff" : "pe";
    case target::ObjectFormat::wasm:
      return "wasm";
  }
  return "file";
}

}  // namespace xstatic::inspect
