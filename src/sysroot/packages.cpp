// Finding the packages built by `xstatic pkg` (see xstatic/sysroot/packages.hpp).
#include "xstatic/sysroot/packages.hpp"

#include <llvm/Support/JSON.h>
#include <sys/stat.h>

#include <algorithm>
#include <cstdlib>
#include <fstream>
#include <set>
#include <sstream>

#include "xstatic/util/strings.hpp"

namespace xstatic::sysroot {

std::optional<std::vector<std::string>> package_filter() {
  const char* v = std::getenv("XSTATIC_PKGS");
  if (!v) return std::nullopt;
  std::vector<std::string> names;
  for (auto part : util::split(v, ','))
    if (!part.empty() && part != "none") names.emplace_back(part);
  return names;
}

std::vector<InstalledPackage> installed_packages(const store::Store& store, const target::Target& t) {
  std::vector<InstalledPackage> out;
  auto filter = package_filter();
  if (filter && filter->empty()) return out;
  std::error_code ec;
  for (const auto& e : fs::directory_iterator(store.packages_path(t), ec)) {
    std::string name = e.path().filename().string();
    if (name.starts_with(".")) continue;  // work in progress
    if (filter && std::find(filter->begin(), filter->end(), name) == filter->end()) continue;
    struct stat st{};
    if (::stat((e.path() / store::kManifestName).c_str(), &st) != 0) continue;
    out.push_back({name, e.path()});
  }
  std::sort(out.begin(), out.end(), [](const auto& a, const auto& b) { return a.name < b.name; });
  return out;
}

std::optional<PackageLinkInfo> read_link_info(const fs::path& package_root) {
  std::ifstream in(package_root / store::kManifestName);
  std::stringstream ss;
  ss << in.rdbuf();
  auto parsed = llvm::json::parse(ss.str());
  if (!parsed) {
    llvm::toString(parsed.takeError());  // the reason is not needed: not a manifest
    return std::nullopt;
  }
  const auto* obj = parsed->getAsObject();
  if (!obj) return std::nullopt;
  PackageLinkInfo info;
  info.root = package_root;
  if (auto name = obj->getString("name")) info.name = name->str();
  if (auto version = obj->getString("version")) info.version = version->str();
  if (auto license = obj->getString("license")) info.license = license->str();
  auto strings = [&](const char* key, std::vector<std::string>& into) {
    if (const auto* arr = obj->getArray(key))
      for (const auto& v : *arr)
        if (auto s = v.getAsString()) into.push_back(s->str());
  };
  strings("libs", info.libs);
  strings("requires", info.requires_);
  strings("system_libs", info.system_libs);
  return info;
}

namespace {

// "libcurl.a" -> "curl"; "" for anything else.
std::string lib_name_of_archive(const std::string& path) {
  std::string file = fs::path(path).filename().string();
  if (!file.starts_with("lib") || !file.ends_with(".a")) return {};
  return file.substr(3, file.size() - 5);
}

}  // namespace

std::vector<PackageLinkInfo> closure(const std::vector<InstalledPackage>& installed,
                                     const std::vector<std::string>& libs,
                                     const std::vector<std::string>& inputs) {
  if (installed.empty() || (libs.empty() && inputs.empty())) return {};
  std::set<std::string> named(libs.begin(), libs.end());
  // An archive by path counts when it is a package's own (CMake's
  // find_library gives <store>/pkg/.../lib/libcurl.a), not a project's libz.a.
  for (const auto& a : inputs) {
    if (!a.ends_with(".a")) continue;
    fs::path dir = fs::absolute(fs::path(a)).lexically_normal().parent_path();
    for (const auto& p : installed)
      if (dir == (p.root / "lib").lexically_normal())
        if (auto n = lib_name_of_archive(a); !n.empty()) named.insert(n);
  }
  std::vector<PackageLinkInfo> infos;
  for (const auto& p : installed)
    if (auto info = read_link_info(p.root)) infos.push_back(std::move(*info));
  auto by_name = [&](const std::string& n) -> const PackageLinkInfo* {
    for (const auto& i : infos)
      if (i.name == n) return &i;
    return nullptr;
  };
  // A topological order (reversed post-order): every package's libraries
  // before those of what it requires. lld does not need the order; a
  // command line copied to another linker does.
  std::vector<std::string> order;
  std::set<std::string> seen;
  auto visit = [&](auto& self, const PackageLinkInfo& p) -> void {
    if (!seen.insert(p.name).second) return;
    for (const auto& dep : p.requires_)
      if (const auto* d = by_name(dep)) self(self, *d);
    order.push_back(p.name);
  };
  for (const auto& info : infos)
    for (const auto& lib : info.libs)
      if (named.count(lib)) visit(visit, info);
  std::reverse(order.begin(), order.end());
  std::vector<PackageLinkInfo> out;
  for (const auto& name : order)
    if (const auto* p = by_name(name)) out.push_back(*p);
  return out;
}

std::vector<std::string> closure_flags(const std::vector<PackageLinkInfo>& closure) {
  std::vector<std::string> flags, system;
  for (const auto& p : closure) {
    for (const auto& lib : p.libs) flags.push_back("-l" + lib);
    for (const auto& lib : p.system_libs)
      if (std::find(system.begin(), system.end(), "-l" + lib) == system.end()) system.push_back("-l" + lib);
  }
  flags.insert(flags.end(), system.begin(), system.end());
  return flags;
}

std::vector<std::string> closure_flags(const std::vector<InstalledPackage>& installed,
                                       const std::vector<std::string>& libs,
                                       const std::vector<std::string>& inputs) {
  return closure_flags(closure(installed, libs, inputs));
}

}  // namespace xstatic::sysroot
