#include "xstatic/sysroot/install.hpp"

#include <chrono>
#include <cstdio>

#include "fetch.hpp"
#include "transaction.hpp"
#include "unpack.hpp"
#include "xstatic/sysroot/find.hpp"
#include "xstatic/sysroot/recipe.hpp"
#include "xstatic/target/glibc_floor.hpp"
#include "xstatic/util/error.hpp"
#include "xstatic/util/progress.hpp"
#include "xstatic/util/strings.hpp"
#include "xstatic/version.hpp"

namespace xstatic::sysroot {
namespace {

void require_provisioned(const target::Target& t) {
  if (!is_provisioned_by_xstatic(t) || t.row->debian_arch.empty())
    throw Error(
        t.go_name() + " uses " + std::string(t.libc_name()) + ", whose sysroot is not provisioned by xstatic",
        install_command(t), Exit::usage);
}

std::string seconds_since(std::chrono::steady_clock::time_point start) {
  double s = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.1f s", s);
  return buf;
}

// The manifest of the sysroot at `dir`, nullopt when unreadable.
std::optional<Manifest> manifest_at(const fs::path& dir) {
  return try_read_manifest(dir / store::kManifestName);
}

// Whether the sysroot at `dir` was made by the built-in recipe; an unreadable
// manifest counts as not (the reinstall repairs it).
bool up_to_date(const fs::path& dir) {
  auto m = manifest_at(dir);
  return m && is_current(*m);
}

// Called under the lock with the outdated sysroot `dir`: says why it is
// reinstalled, or refuses when that would drop packages added to it.
void explain_reinstall(const fs::path& dir, const target::Target& t, util::Progress& progress) {
  const std::string name = store::sysroot_name(t);
  auto m = manifest_at(dir);
  if (!m) {
    progress.done(name + ": its manifest is unreadable: reinstalling");
    return;
  }
  auto added = added_packages(*m);
  if (!added.empty())
    throw Error(
        name + " was installed by an older sysroot recipe and holds packages added with 'sysroot add' (" +
            util::join(added, ", ") + "), which a reinstall would drop; remove it and add them again",
        upgrade_command(*m, t), Exit::usage);
  progress.done(name + ": recipe changed since it was installed: reinstalling");
}

// upgrade_command() for a listed sysroot ("" when its target is unknown to this xstatic).
std::string fix_for(const Manifest& m) {
  auto t = target_of(m);
  return t ? upgrade_command(m, *t) : std::string();
}

}  // namespace

fs::path install(const store::Store& store, const target::Target& t, const InstallOptions& options) {
  util::Progress progress(options.quiet);
  return install(store, t, options, progress);
}

fs::path install(const store::Store& store, const target::Target& t, const InstallOptions& options,
                 util::Progress& progress) {
  // mingw (Debian's mingw-w64) and an imported macOS SDK: nothing to install when they are there.
  if (!is_provisioned_by_xstatic(t)) {
    if (auto found = sysroot::find(store, t)) {
      progress.note(t.go_name() + " uses " + std::string(t.libc_name()) + " from " + found->string() +
                    ", which xstatic does not provision: nothing to install");
      return *found;
    }
  }
  require_provisioned(t);
  if (auto found = sysroot::find(store, t); found && up_to_date(*found)) return *found;
  auto start = std::chrono::steady_clock::now();
  const std::string name = store::sysroot_name(t);
  const std::string arch(t.row->debian_arch);
  Transaction tx(store, name, progress);
  if (auto found = sysroot::find(store, t)) {
    if (up_to_date(*found)) return *found;  // another process installed it while we waited
    explain_reinstall(*found, t, progress);
  }

  Recipe recipe = recipe_for(t);
  progress.step("resolving " + std::to_string(recipe.packages.size()) + " packages for " + name);
  auto debs = options.debs_dir ? debs_from_folder(*options.debs_dir, arch, recipe.packages)
                               : fetch_debs(store, apt_source_of(t), recipe.packages, progress);

  std::string floor(t.glibc ? t.glibc->version : "");
  Manifest m{name,     t.go_name(), std::string(t.libc_name()),        arch, std::string(t.triple()),
             kVersion, {},          recipe_fingerprint(t.libc, floor), floor};
  const fs::path& work = tx.work_dir();
  auto label = [&](std::size_t i) {
    return "extracting " + name + " [" + std::to_string(i + 1) + "/" + std::to_string(debs.size()) + "] " +
           recipe.packages[i];
  };
  m.packages = unpack_debs(debs, recipe.packages, arch, work, recipe, label, progress);
  for (const auto& [from, to] : recipe.links) {
    std::error_code ec;
    if (fs::exists(work / from, ec))
      throw Error("sysroot recipe for " + name + ": " + from + " came with the packages and cannot be a link",
                  {}, Exit::internal);
    fs::create_directory_symlink(to, work / from);  // both relative to the sysroot's top (recipe.cpp)
  }
  write_manifest(m, work / store::kManifestName);
  tx.commit();
  progress.done("installed " + name + " for " + t.go_name() + " in " + seconds_since(start) + ": " +
                tx.final_path().string());
  return tx.final_path();
}

std::vector<InstalledSysroot> list(const store::Store& store) {
  std::vector<InstalledSysroot> out;
  std::error_code ec;
  for (const auto& e : fs::directory_iterator(store.sysroots_dir(), ec)) {
    if (e.path().filename().string().starts_with(".")) continue;
    if (!fs::exists(e.path() / store::kManifestName, ec)) continue;
    auto m = try_read_manifest(e.path() / store::kManifestName);
    if (!m) continue;  // a damaged sysroot is not listed; `install` reports it
    InstalledSysroot s{e.path(), std::move(*m), true, {}};
    s.current = is_current(s.manifest);
    if (!s.current) s.fix = fix_for(s.manifest);
    out.push_back(std::move(s));
  }
  std::sort(out.begin(), out.end(),
            [](const auto& a, const auto& b) { return a.manifest.name < b.manifest.name; });
  return out;
}

bool remove(const store::Store& store, const target::Target& t) {
  require_provisioned(t);
  std::error_code ec;
  if (!fs::exists(store.sysroot_path(t), ec)) return false;
  util::Progress quiet(true);
  Transaction tx(store, store::sysroot_name(t), quiet);
  if (!fs::exists(store.sysroot_path(t), ec)) return false;
  tx.remove_installed();
  return true;
}

}  // namespace xstatic::sysroot
