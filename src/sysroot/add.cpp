// Adding Debian packages to an installed glibc sysroot (see
// xstatic/sysroot/add.hpp). It reuses install's pieces: the private apt
// state (fetch.hpp), the safe extraction of .deb files, the recipe's layout
// and the lock-and-rename Transaction. The work folder starts as a copy of
// the installed sysroot made of hard links (cheap: no data is copied); the
// extractor replaces files by unlinking first, so the installed tree is
// never written through a shared link.
#include "xstatic/sysroot/add.hpp"

#include <algorithm>

#include "fetch.hpp"
#include "transaction.hpp"
#include "unpack.hpp"
#include "xstatic/sysroot/install.hpp"
#include "xstatic/sysroot/manifest.hpp"
#include "xstatic/sysroot/recipe.hpp"
#include "xstatic/target/libc.hpp"
#include "xstatic/util/error.hpp"
#include "xstatic/util/progress.hpp"
#include "xstatic/util/strings.hpp"

namespace xstatic::sysroot {
namespace {

bool contains(const std::vector<std::string>& names, const std::string& name) {
  return std::find(names.begin(), names.end(), name) != names.end();
}

std::vector<std::string> names_of(const Manifest& m) {
  std::vector<std::string> names;
  for (const auto& p : m.packages) names.push_back(p.name);
  return names;
}

}  // namespace

std::string musl_refusal(const target::Target& t) {
  return "Debian's libraries cannot be added to the musl sysroot of " + t.go_name() +
         ": Debian builds them against glibc, and their static archives call glibc-only functions "
         "(even libz.a calls __snprintf_chk and __vsnprintf_chk, glibc's _FORTIFY_SOURCE variants, "
         "which musl does not have) and were compiled against glibc's headers, whose types and "
         "constants differ from musl's; such a link fails, or worse, links and misbehaves at run time";
}

// Debian names a runtime library package after its soname (zlib1g, libssl3,
// libbz2-1.0) and its headers <name>-dev; tools and interpreters that -dev
// packages sometimes pull in (dpkg, libglib2.0-dev-bin, python3) are not
// what a static link needs.
bool is_library_package(std::string_view name) {
  for (std::string_view tool_suffix : {"-bin", "-doc", "-utils", "-tools"})
    if (util::ends_with(name, tool_suffix)) return false;
  for (std::string_view interpreter : {"python", "perl"})
    if (util::starts_with(name, interpreter)) return false;
  if (util::starts_with(name, "lib") || util::ends_with(name, "-dev")) return true;
  // A soname-like ending: a version number, maybe with a letter (zlib1g, libbz2-1.0).
  auto last_digit = name.find_last_of("0123456789");
  return last_digit != std::string_view::npos && name.size() - last_digit <= 2 &&
         name.find_first_of("0123456789") > 0;
}

std::vector<AptDepends> parse_apt_depends(std::string_view text) {
  // apt-cache prints:          zlib1g-dev
  //                              Depends: zlib1g
  //  '|' joins the next line:   |Depends: libc6-dev
  //  to an alternative;          Depends: <libc-dev>      (virtual)
  //  providers follow, indented:     libc6-dev
  std::vector<AptDepends> out;
  bool continues_group = false;  // the previous Depends line ended with '|'
  bool in_virtual = false;       // provider lines may follow
  for (auto line : util::split(text, '\n')) {
    if (line.empty()) continue;
    if (line[0] != ' ' && line[0] != '|') {
      out.push_back({std::string(line.substr(0, line.find(':'))), {}});
      continues_group = in_virtual = false;
      continue;
    }
    if (out.empty()) continue;
    auto& groups = out.back().groups;
    std::string_view body = line.substr(line.find_first_not_of(" |"));
    if (util::starts_with(body, "Depends: ") || util::starts_with(body, "PreDepends: ")) {
      std::string_view name = body.substr(body.find(": ") + 2);
      bool alternative_follows = line[0] == '|' || (line.size() > 1 && line[1] == '|');
      if (!continues_group || groups.empty()) groups.emplace_back();
      in_virtual = util::starts_with(name, "<");
      if (!in_virtual) groups.back().emplace_back(name.substr(0, name.find(':')));
      continues_group = alternative_follows;
    } else if (in_virtual && line.size() > 4 && util::starts_with(line, "    ") && !groups.empty()) {
      groups.back().emplace_back(body.substr(0, body.find(':')));
    } else {
      in_virtual = false;  // Recommends, Suggests...: not asked for, ignored
    }
  }
  return out;
}

std::vector<std::string> missing_libraries(const AptDepends& deps,
                                           const std::vector<std::string>& installed) {
  std::vector<std::string> out;
  for (const auto& group : deps.groups) {
    if (group.empty()) continue;
    if (std::any_of(group.begin(), group.end(), [&](const std::string& p) { return contains(installed, p); }))
      continue;
    const std::string& pick = group.front();
    if (is_library_package(pick) && !contains(out, pick)) out.push_back(pick);
  }
  return out;
}

namespace {

// The requested packages and, level by level, the libraries they need that
// the sysroot lacks. One apt-cache call per level; stops at what is installed.
std::vector<std::string> resolve(const store::Store& store, const AptSource& source,
                                 const std::vector<std::string>& requested,
                                 std::vector<std::string> installed, util::Progress& progress) {
  std::vector<std::string> todo, level;
  for (const auto& p : requested)
    if (!contains(installed, p) && !contains(todo, p)) todo.push_back(p), level.push_back(p);
  while (!level.empty()) {
    installed.insert(installed.end(), level.begin(), level.end());
    std::vector<std::string> next;
    auto level_deps = fetch_method() == FetchMethod::apt
                          ? parse_apt_depends(apt_depends(store, source, level, progress))
                          : depends_from_archive(store, source, level, progress);
    for (const auto& deps : level_deps)
      for (const auto& p : missing_libraries(deps, installed))
        if (!contains(todo, p) && !contains(next, p)) next.push_back(p);
    todo.insert(todo.end(), next.begin(), next.end());
    level = std::move(next);
  }
  return todo;
}

}  // namespace

AddResult add_packages(const store::Store& store, const target::Target& t,
                       const std::vector<std::string>& packages, const AddOptions& options) {
  if (target::libc_info(t.libc).glibc_twin) {
    std::string glibc = "xstatic sysroot add " + t.go_name() + " --libc glibc " + util::join(packages, " ");
    throw Error(musl_refusal(t),
                "use glibc: " + glibc + " (or build the library from source with 'xstatic env')",
                Exit::usage);
  }
  if (!target::libc_info(t.libc).adds_debian_packages)
    throw Error("'sysroot add' adds Debian's libraries to glibc sysroots only; " + t.go_name() + " uses " +
                    std::string(t.libc_name()) + ", for which Debian builds no such packages",
                "build the library from source with 'xstatic env " + t.go_name() + "'", Exit::usage);

  AddResult result;
  result.sysroot = install(store, t, InstallOptions{options.debs_dir, options.quiet});
  util::Progress progress(options.quiet);
  const std::string name = store::sysroot_name(t);
  const std::string arch(t.row->debian_arch);
  Transaction tx(store, name, progress);
  Manifest manifest = read_manifest(tx.final_path() / store::kManifestName);
  auto installed = names_of(manifest);
  for (const auto& p : packages)
    if (contains(installed, p)) result.present.push_back(p);
  if (result.present.size() == packages.size()) return result;

  std::vector<std::string> todo;
  if (options.debs_dir) {
    for (const auto& p : packages)
      if (!contains(installed, p) && !contains(todo, p)) todo.push_back(p);
  } else {
    progress.step("resolving the dependencies of " + util::join(packages, ", "));
    todo = resolve(store, apt_source_of(t), packages, installed, progress);
  }
  auto debs = options.debs_dir ? debs_from_folder(*options.debs_dir, arch, todo)
                               : fetch_debs(store, apt_source_of(t), todo, progress);

  const fs::path& work = tx.work_dir();
  progress.step("copying " + name + " (hard links)");
  fs::copy(
      tx.final_path(), work,
      fs::copy_options::recursive | fs::copy_options::copy_symlinks | fs::copy_options::create_hard_links);
  Recipe recipe = recipe_for(t);
  auto label = [&](std::size_t i) { return "extracting " + todo[i] + " into " + name; };
  for (auto& info : unpack_debs(debs, todo, arch, work, recipe, label, progress)) {
    result.added.push_back(info);
    manifest.packages.push_back(std::move(info));
  }
  fs::remove(work / store::kManifestName);  // a hard link to the installed manifest: never write through it
  write_manifest(manifest, work / store::kManifestName);
  tx.commit();
  std::vector<std::string> added_names;
  for (const auto& p : result.added) added_names.push_back(p.name);
  progress.done("added to " + name + ": " + util::join(added_names, ", "));
  return result;
}

}  // namespace xstatic::sysroot
