// `pkg list` and `pkg remove`: reading and deleting finished packages.
#include <algorithm>

#include "internal.hpp"
#include "xstatic/util/error.hpp"
#include "xstatic/util/lock.hpp"
#include "xstatic/util/strings.hpp"

namespace xstatic::pkg {

std::vector<Entry> list(const store::Store& store, const std::optional<target::Target>& t) {
  std::vector<Entry> out;
  std::error_code ec;
  std::vector<fs::path> dirs;
  if (t)
    dirs.push_back(store.packages_path(*t));
  else
    for (const auto& e : fs::directory_iterator(store.packages_dir(), ec)) dirs.push_back(e.path());
  for (const auto& dir : dirs)
    for (const auto& e : fs::directory_iterator(dir, ec)) {
      if (e.path().filename().string().starts_with(".")) continue;
      auto m = detail::read_manifest(e.path() / store::kManifestName);
      if (!m) continue;
      const Recipe* r = find_recipe(m->name);
      Entry entry{m->name,    m->version,   m->target,   m->sysroot,
                  m->license, m->source,    m->revision, m->clang_major,
                  m->libs,    m->requires_, e.path(),    r && r->revision == m->revision};
      if (entry.source.empty() && r) entry.source = r->source;
      out.push_back(std::move(entry));
    }
  std::sort(out.begin(), out.end(), [](const Entry& a, const Entry& b) {
    return std::tie(a.sysroot, a.name) < std::tie(b.sysroot, b.name);
  });
  return out;
}

void remove(const store::Store& store, const target::Target& t, const std::vector<std::string>& names,
            bool force) {
  auto installed = list(store, t);
  auto is_installed = [&](const std::string& n) {
    return std::any_of(installed.begin(), installed.end(), [&](const Entry& e) { return e.name == n; });
  };
  for (const auto& n : names) {
    if (!is_installed(n))
      throw Error("package '" + n + "' is not installed for " + t.describe(),
                  "'xstatic pkg list " + t.go_name() + "' shows what is", Exit::usage);
    if (force) continue;
    for (const auto& e : installed)
      if (std::find(names.begin(), names.end(), e.name) == names.end() &&
          std::find(e.requires_.begin(), e.requires_.end(), n) != e.requires_.end())
        throw Error(
            e.name + " for " + t.describe() + " was built against " + n,
            "remove both ('xstatic pkg remove " + t.go_name() + " " + n + " " + e.name + "') or pass --force",
            Exit::usage);
  }
  for (const auto& n : names) {
    util::FileLock lock(store.locks_dir() / ("pkg-" + store::sysroot_name(t) + "-" + n + ".lock"));
    fs::path dir = store.packages_path(t) / n;
    // The manifest goes first: a kill halfway leaves a folder nobody lists.
    std::error_code ec;
    fs::remove(dir / store::kManifestName, ec);
    fs::path gone = store.packages_path(t) / store::Store::temp_name("removed-" + n);
    fs::rename(dir, gone, ec);
    fs::remove_all(ec ? dir : gone, ec);
  }
}

}  // namespace xstatic::pkg
