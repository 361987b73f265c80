// Telling a sysroot made by an older recipe from a current one (see
// xstatic/sysroot/install.hpp). The manifest records the fingerprint of the
// recipe text compiled into the xstatic that built it; a recipe that gained
// files (musl's crtbeginS.o) changes the fingerprint, and `sysroot install`
// then reinstalls instead of answering "installed".
#include <algorithm>

#include "xstatic/sysroot/find.hpp"
#include "xstatic/sysroot/install.hpp"
#include "xstatic/sysroot/recipe.hpp"
#include "xstatic/target/glibc_floor.hpp"
#include "xstatic/util/error.hpp"
#include "xstatic/util/strings.hpp"

namespace xstatic::sysroot {

bool is_current(const Manifest& m) {
  auto libc = target::parse_libc(m.libc);
  if (!libc || m.recipe_fingerprint.empty()) return false;
  if (!has_recipe(*libc)) return false;
  if (!m.glibc.empty() && !target::find_glibc_release(m.glibc)) return false;
  return m.recipe_fingerprint == recipe_fingerprint(*libc, m.glibc);
}

std::vector<std::string> added_packages(const Manifest& m) {
  auto libc = target::parse_libc(m.libc);
  if (!libc || !has_recipe(*libc)) return {};
  if (!m.glibc.empty() && !target::find_glibc_release(m.glibc)) return {};
  auto base = recipe_for(*libc, m.glibc).packages;
  std::vector<std::string> out;
  for (const auto& p : m.packages)
    if (std::find(base.begin(), base.end(), p.name) == base.end()) out.push_back(p.name);
  return out;
}

std::string upgrade_command(const Manifest& m, const target::Target& t) {
  auto added = added_packages(m);
  if (added.empty()) return install_command(t);
  std::string libc = t.libc != target::default_libc(*t.row) ? " --libc " + std::string(t.libc_name()) : "";
  if (t.glibc) libc += " --glibc " + std::string(t.glibc->version);
  return "xstatic sysroot remove " + t.go_name() + libc + " && xstatic sysroot add " + t.go_name() + libc +
         " " + util::join(added, " ");
}

std::optional<InstalledSysroot> installed(const store::Store& store, const target::Target& t) {
  if (!is_provisioned_by_xstatic(t)) return std::nullopt;
  auto dir = sysroot::find(store, t);
  if (!dir) return std::nullopt;
  auto m = try_read_manifest(*dir / store::kManifestName);
  if (!m) return std::nullopt;
  InstalledSysroot s{*dir, std::move(*m), true, {}};
  s.current = is_current(s.manifest);
  if (!s.current) s.fix = upgrade_command(s.manifest, t);
  return s;
}

}  // namespace xstatic::sysroot
