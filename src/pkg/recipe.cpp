// Package recipes: parsing packages/*.json (compiled into xstatic) and the
// build steps each kind of build system stands for.
#include "xstatic/pkg/recipe.hpp"

#include <llvm/Support/JSON.h>

#include <algorithm>
#include <set>
#include <span>

#include "xstatic/util/embedded.hpp"
#include "xstatic/util/error.hpp"
#include "xstatic/util/strings.hpp"

namespace xstatic {
extern const EmbeddedFile kPackageRecipes[];
extern const std::size_t kPackageRecipes_count;
}  // namespace xstatic

namespace xstatic::pkg {
namespace {

using Steps = std::vector<std::vector<std::string>>;

// What each kind of build does. "{configure}" stands for the recipe's
// "configure" arguments; the install step is the recipe's "install" when given.
struct KindRow {
  BuildKind kind;
  std::string_view name;
  Steps configure_and_build;
  Steps install;
};

const std::vector<KindRow>& kinds() {
  static const std::vector<KindRow> rows = {
      // zlib's own configure script: CC/CHOST from the environment, no --host.
      {BuildKind::configure,
       "configure",
       {{"./configure", "--prefix=/usr", "--libdir=/usr/lib", "{configure}"}, {"make", "-j{jobs}"}},
       {{"make", "install", "DESTDIR={destdir}"}}},
      {BuildKind::autotools,
       "autotools",
       {{"./configure", "--host={host}", "--build={build}", "--prefix=/usr", "--libdir=/usr/lib",
         "--disable-shared", "--enable-static", "--disable-dependency-tracking", "{configure}"},
        {"make", "-j{jobs}"}},
       {{"make", "install", "DESTDIR={destdir}"}}},
      {BuildKind::cmake,
       "cmake",
       {{"cmake", "-S", ".", "-B", "_xstatic_build", "-G", "Ninja", "-DCMAKE_TOOLCHAIN_FILE={toolchain}",
         "-DCMAKE_BUILD_TYPE=Release", "-DCMAKE_INSTALL_PREFIX=/usr", "-DCMAKE_INSTALL_LIBDIR=lib",
         "-DBUILD_SHARED_LIBS=OFF", "-DBUILD_TESTING=OFF", "{configure}"},
        {"cmake", "--build", "_xstatic_build", "-j{jobs}"}},
       {{"env", "DESTDIR={destdir}", "cmake", "--install", "_xstatic_build"}}},
      {BuildKind::commands, "commands", {}, {}},
  };
  return rows;
}

[[noreturn]] void bad(std::string_view origin, const std::string& what) {
  throw Error("package recipe " + std::string(origin) + ": " + what, {}, Exit::internal);
}

std::vector<std::string> strings(const llvm::json::Object& o, llvm::StringRef key, std::string_view origin) {
  std::vector<std::string> out;
  const auto* arr = o.getArray(key);
  if (!arr) {
    if (o.get(key)) bad(origin, "'" + key.str() + "' must be a list of strings");
    return out;
  }
  for (const auto& v : *arr) {
    auto s = v.getAsString();
    if (!s) bad(origin, "'" + key.str() + "' must be a list of strings");
    out.push_back(s->str());
  }
  return out;
}

Steps step_list(const llvm::json::Object& o, llvm::StringRef key, std::string_view origin) {
  Steps out;
  const auto* arr = o.getArray(key);
  if (!arr) return out;
  for (const auto& v : *arr) {
    const auto* step = v.getAsArray();
    if (!step || step->empty())
      bad(origin, "each of '" + key.str() + "' must be a non-empty list of strings");
    std::vector<std::string> argv;
    for (const auto& a : *step) {
      auto s = a.getAsString();
      if (!s) bad(origin, "each of '" + key.str() + "' must be a list of strings");
      argv.push_back(s->str());
    }
    out.push_back(std::move(argv));
  }
  return out;
}

std::string required(const llvm::json::Object& o, llvm::StringRef key, std::string_view origin) {
  if (auto s = o.getString(key); s && !s->empty()) return s->str();
  bad(origin, "'" + key.str() + "' must be a non-empty string");
}

}  // namespace

std::vector<std::vector<std::string>> Recipe::steps_for() const {
  const KindRow* row = nullptr;
  for (const auto& k : kinds())
    if (k.kind == build) row = &k;
  Steps out = steps.empty() ? row->configure_and_build : steps;
  const Steps& inst = install.empty() ? row->install : install;
  out.insert(out.end(), inst.begin(), inst.end());
  // "{configure}" becomes the recipe's own arguments, one word each.
  for (auto& step : out) {
    auto at = std::find(step.begin(), step.end(), "{configure}");
    if (at == step.end()) continue;
    at = step.erase(at);
    step.insert(at, configure.begin(), configure.end());
  }
  if (autoreconf) out.insert(out.begin(), {"autoreconf", "-fi"});
  return out;
}

bool Recipe::supports(const target::Target& t) const {
  if (std::find(targets.begin(), targets.end(), std::string(t.row->goos)) == targets.end()) return false;
  for (const auto& entry : vars)
    if (!var(entry.first, t)) return false;
  return true;
}

namespace {

// The keys a per-target value is looked up by, most specific first.
std::vector<std::string> target_keys(const target::Target& t) {
  return {std::string(t.row->goos) + "/" + std::string(t.row->goarch), std::string(t.row->goos), "*"};
}

}  // namespace

std::optional<std::string> Recipe::var(const std::string& var_name, const target::Target& t) const {
  auto it = vars.find(var_name);
  if (it == vars.end()) return std::nullopt;
  for (const std::string& key : target_keys(t))
    if (auto v = it->second.find(key); v != it->second.end()) return v->second;
  return std::nullopt;
}

std::vector<std::string> Recipe::system_libs_for(const target::Target& t) const {
  for (const std::string& key : target_keys(t))
    if (auto v = system_libs.find(key); v != system_libs.end()) return v->second;
  return {};
}

Recipe::HeaderDefines Recipe::defines_for(const target::Target& t) const {
  for (const std::string& key : target_keys(t))
    if (auto v = defines.find(key); v != defines.end()) return v->second;
  return {};
}

Recipe parse_recipe(std::string_view json, std::string_view origin) {
  auto value = llvm::json::parse(llvm::StringRef(json.data(), json.size()));
  if (!value) bad(origin, "not valid JSON: " + llvm::toString(value.takeError()));
  const auto* o = value->getAsObject();
  if (!o) bad(origin, "must be an object");
  // A misspelt key ("skip_patch") would otherwise be ignored without a word.
  static constexpr std::string_view kKeys[] = {
      "name",  "source",  "license", "summary", "revision",     "requires",   "build", "configure",
      "steps", "install", "env",     "vars",    "skip_patches", "autoreconf", "libs",  "system_libs",
      "files", "targets", "aliases", "notes",   "defines",      "subdir"};
  for (const auto& [key, unused] : *o)
    if (std::find(std::begin(kKeys), std::end(kKeys), key.str()) == std::end(kKeys))
      bad(origin, "unknown key '" + key.str() + "' (docs/pkg.md lists a recipe's keys)");
  Recipe r;
  r.name = required(*o, "name", origin);
  r.source = required(*o, "source", origin);
  r.license = required(*o, "license", origin);
  if (auto s = o->getString("summary")) r.summary = s->str();
  if (auto n = o->getInteger("revision")) r.revision = int(*n);
  r.requires_ = strings(*o, "requires", origin);
  std::string kind = required(*o, "build", origin);
  bool known = false;
  for (const auto& k : kinds())
    if (k.name == kind) {
      r.build = k.kind;
      known = true;
    }
  if (!known) bad(origin, "unknown build '" + kind + "' (configure, autotools, cmake or commands)");
  r.configure = strings(*o, "configure", origin);
  r.steps = step_list(*o, "steps", origin);
  r.install = step_list(*o, "install", origin);
  if (r.build == BuildKind::commands && r.steps.empty()) bad(origin, "a 'commands' build needs 'steps'");
  if (const auto* env = o->getObject("env"))
    for (const auto& [k, v] : *env) {
      auto s = v.getAsString();
      if (!s) bad(origin, "env values must be strings");
      r.env.emplace_back(k.str(), s->str());
    }
  std::sort(r.env.begin(), r.env.end());
  if (const auto* vars = o->getObject("vars"))
    for (const auto& [k, v] : *vars) {
      const auto* per = v.getAsObject();
      if (!per) bad(origin, "each of 'vars' must map targets to strings");
      for (const auto& [tk, tv] : *per) {
        auto s = tv.getAsString();
        if (!s) bad(origin, "each of 'vars' must map targets to strings");
        r.vars[k.str()][tk.str()] = s->str();
      }
    }
  r.skip_patches = strings(*o, "skip_patches", origin);
  if (auto d = o->getString("subdir")) {
    r.subdir = d->str();
    if (r.subdir.empty() || r.subdir.front() == '/' || r.subdir.find("..") != std::string::npos)
      bad(origin, "'subdir' must be a folder inside the source");
  }
  if (auto b = o->getBoolean("autoreconf")) r.autoreconf = *b;
  r.libs = strings(*o, "libs", origin);
  if (const auto* sys = o->getObject("system_libs"))
    for (const auto& [k, v] : *sys) {
      const auto* list = v.getAsArray();
      if (!list) bad(origin, "each of 'system_libs' must map targets to lists of library names");
      for (const auto& lib : *list) {
        auto s = lib.getAsString();
        if (!s) bad(origin, "each of 'system_libs' must map targets to lists of library names");
        r.system_libs[k.str()].push_back(s->str());
      }
    }
  if (const auto* defs = o->getObject("defines"))
    for (const auto& [k, v] : *defs) {
      const auto* headers = v.getAsObject();
      if (!headers) bad(origin, "each of 'defines' must map targets to {header: [macros]}");
      for (const auto& [header, macros] : *headers) {
        const auto* list = macros.getAsArray();
        if (!list || header.str().find("..") != std::string::npos ||
            !llvm::StringRef(header).starts_with("include/"))
          bad(origin, "each of 'defines' must map targets to {header under include/: [macros]}");
        for (const auto& m : *list) {
          auto s = m.getAsString();
          if (!s || s->empty() ||
              s->find_first_not_of("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_") !=
                  llvm::StringRef::npos)
            bad(origin, "'defines' names macros (letters, digits, _)");
          r.defines[k.str()][header.str()].push_back(s->str());
        }
      }
    }
  r.aliases = strings(*o, "aliases", origin);
  r.files = strings(*o, "files", origin);
  if (o->get("targets")) r.targets = strings(*o, "targets", origin);
  // A header-only library (nlohmann-json) has no archive, but must name what it installs.
  if (r.libs.empty() && r.files.empty())
    bad(origin, "'libs' must name its archives, or 'files' the headers of a header-only library");
  return r;
}

const std::vector<Recipe>& recipes() {
  static const std::vector<Recipe> all = [] {
    std::vector<Recipe> out;
    std::span<const EmbeddedFile> files(kPackageRecipes, kPackageRecipes_count);
    for (const auto& f : files) out.push_back(parse_recipe(f.content, f.name));
    std::sort(out.begin(), out.end(), [](const Recipe& a, const Recipe& b) { return a.name < b.name; });
    return out;
  }();
  return all;
}

const Recipe* find_recipe(std::string_view name) {
  for (const auto& r : recipes())
    if (r.name == name) return &r;
  return nullptr;
}

const Recipe& recipe(std::string_view name) {
  if (const auto* r = find_recipe(name)) return *r;
  // Debian's and pkg-config's names ("libssl-dev", "libcurl") are aliases of
  // a recipe; otherwise the name nearest in spelling, or one inside the other.
  std::vector<std::pair<std::size_t, std::string>> near;
  for (const auto& r : recipes()) {
    std::size_t d = util::edit_distance(name, r.name);
    for (const auto& alias : r.aliases)
      d = std::min(d, alias == name ? 0 : util::edit_distance(name, alias) + 1);
    if (name.size() >= 3 &&
        (r.name.find(name) != std::string::npos || name.find(r.name) != std::string::npos))
      d = std::min<std::size_t>(d, 2);
    near.emplace_back(d, r.name);
  }
  std::sort(near.begin(), near.end());
  std::string hint;
  if (!near.empty() && near.front().first <= std::max<std::size_t>(2, name.size() / 3))
    hint = "did you mean '" + near.front().second + "'? ";
  hint +=
      "'xstatic pkg recipes' lists the " + std::to_string(recipes().size()) + " packages xstatic can build";
  throw Error("no package recipe called '" + std::string(name) + "'", hint, Exit::usage);
}

std::vector<const Recipe*> build_order(const std::vector<std::string>& names) {
  std::vector<const Recipe*> order;
  std::set<std::string> done, visiting;
  auto visit = [&](auto& self, const std::string& name) -> void {
    if (done.count(name)) return;
    if (!visiting.insert(name).second)
      throw Error("package recipes require each other in a circle through '" + name + "'", {},
                  Exit::internal);
    const Recipe& r = recipe(name);
    for (const auto& dep : r.requires_) self(self, dep);
    visiting.erase(name);
    done.insert(name);
    order.push_back(&r);
  };
  for (const auto& n : names) visit(visit, n);
  return order;
}

}  // namespace xstatic::pkg
