// glibc version names and numbers (see xstatic/inspect/glibc_version.hpp),
// and the inspector's reading of an ELF file's versioned imports.
#include "xstatic/inspect/glibc_version.hpp"

#include <llvm/Object/ELFObjectFile.h>

#include <charconv>

#include "detail.hpp"
#include "xstatic/util/strings.hpp"

namespace xstatic::inspect {

bool is_glibc_version(std::string_view v) {
  if (v.empty() || v.size() > 16) return false;
  int parts = 0;
  for (auto part : util::split(v, '.')) {
    if (part.empty() || part.size() > 4) return false;
    for (char c : part)
      if (c < '0' || c > '9') return false;
    ++parts;
  }
  return parts >= 2 && parts <= 3;
}

std::optional<std::string> glibc_version_of(std::string_view version_name) {
  if (version_name == "GLIBC_ABI_DT_RELR") return "2.36";
  constexpr std::string_view prefix = "GLIBC_";
  if (!version_name.starts_with(prefix)) return std::nullopt;
  auto number = version_name.substr(prefix.size());
  if (!is_glibc_version(number)) return std::nullopt;
  return std::string(number);
}

int compare_glibc_versions(std::string_view a, std::string_view b) {
  auto as = util::split(a, '.'), bs = util::split(b, '.');
  for (std::size_t i = 0; i < std::max(as.size(), bs.size()); ++i) {
    unsigned x = 0, y = 0;
    if (i < as.size()) std::from_chars(as[i].data(), as[i].data() + as[i].size(), x);
    if (i < bs.size()) std::from_chars(bs[i].data(), bs[i].data() + bs[i].size(), y);
    if (x != y) return x < y ? -1 : 1;
  }
  return 0;
}

namespace detail {

void read_versioned_imports(const llvm::object::Binary& bin, Report& r) {
  const auto* obj = llvm::dyn_cast<llvm::object::ELFObjectFileBase>(&bin);
  if (!obj || r.needed.empty()) return;  // static (or an object file): it imports nothing
  auto versions = obj->readDynsymVersions();
  if (!versions) {
    r.notes.push_back("symbol versions unreadable: " + error_text(versions.takeError()));
    return;
  }
  std::size_t i = 0;
  for (const auto& sym : obj->getDynamicSymbolIterators()) {
    if (i >= versions->size()) break;
    const auto& v = (*versions)[i++];
    if (v.Name.empty() || v.IsVerDef) continue;
    auto flags = sym.getFlags();
    if (!flags) {
      discard_error(flags.takeError());
      continue;
    }
    if (!(*flags & llvm::object::SymbolRef::SF_Undefined)) continue;
    auto name = sym.getName();
    if (!name) {
      discard_error(name.takeError());
      continue;
    }
    r.versioned_imports.push_back({name->str(), v.Name});
    if (auto number = glibc_version_of(v.Name))
      if (r.glibc_max.empty() || compare_glibc_versions(*number, r.glibc_max) > 0) r.glibc_max = *number;
  }
}

}  // namespace detail
}  // namespace xstatic::inspect
