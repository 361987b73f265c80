#include "xstatic/sysroot/recipe.hpp"

#include <fnmatch.h>
#include <llvm/ADT/StringExtras.h>
#include <llvm/Support/JSON.h>
#include <llvm/Support/SHA256.h>

#include <span>

#include "xstatic/target/glibc_floor.hpp"
#include "xstatic/util/embedded.hpp"
#include "xstatic/util/error.hpp"
#include "xstatic/util/strings.hpp"

namespace xstatic {
extern const EmbeddedFile kSysrootRecipes[];
extern const std::size_t kSysrootRecipes_count;
}  // namespace xstatic

namespace xstatic::sysroot {
namespace {

// Matches the first components of `path` against `pattern`'s components,
// '*' staying within one component. Returns the number of characters of
// `path` consumed (including the '/' after a folder), or nullopt.
std::optional<std::size_t> match_prefix(std::string_view pattern, std::string_view path, bool whole) {
  auto pat = util::split(pattern, '/');
  auto parts = util::split(path, '/');
  if (parts.size() < pat.size() || (whole && parts.size() != pat.size())) return std::nullopt;
  std::size_t used = 0;
  for (std::size_t i = 0; i < pat.size(); ++i) {
    std::string p(pat[i]), s(parts[i]);
    if (::fnmatch(p.c_str(), s.c_str(), 0) != 0) return std::nullopt;
    used += parts[i].size() + (i + 1 < parts.size() ? 1 : 0);
  }
  return used;
}

std::string expect_string(const llvm::json::Object& o, llvm::StringRef key, std::string_view origin) {
  if (auto s = o.getString(key)) return s->str();
  throw Error("sysroot recipe " + std::string(origin) + ": '" + key.str() + "' must be a string", {},
              Exit::internal);
}

}  // namespace

std::optional<std::string> Recipe::place(std::string_view member) const {
  for (const auto& rule : layout) {
    bool folder = util::ends_with(rule.from, "/");
    std::string_view pattern =
        folder ? std::string_view(rule.from).substr(0, rule.from.size() - 1) : rule.from;
    auto used = match_prefix(pattern, member, !folder);
    if (!used) continue;
    if (!rule.to) return std::nullopt;
    if (!folder) return *rule.to;
    std::string rest(member.substr(*used));
    std::string to = *rule.to;
    if (rest.empty()) return to.empty() ? to : to.substr(0, to.size() - 1);  // the folder itself
    return to + rest;
  }
  return std::nullopt;
}

Recipe parse_recipe(std::string_view json, std::string_view origin) {
  auto value = llvm::json::parse(llvm::StringRef(json.data(), json.size()));
  if (!value) {
    std::string msg = llvm::toString(value.takeError());
    throw Error("sysroot recipe " + std::string(origin) + " is not valid JSON: " + msg, {}, Exit::internal);
  }
  const auto* obj = value->getAsObject();
  if (!obj) throw Error("sysroot recipe " + std::string(origin) + " must be an object", {}, Exit::internal);
  Recipe r;
  r.libc = expect_string(*obj, "libc", origin);
  if (const auto* pkgs = obj->getArray("packages"))
    for (const auto& p : *pkgs)
      if (auto s = p.getAsString()) r.packages.push_back(s->str());
  if (const auto* rules = obj->getArray("layout"))
    for (const auto& v : *rules) {
      const auto* rule = v.getAsObject();
      if (!rule)
        throw Error("sysroot recipe " + std::string(origin) + ": layout rules must be objects", {},
                    Exit::internal);
      LayoutRule lr{expect_string(*rule, "from", origin), std::nullopt};
      if (auto to = rule->getString("to")) lr.to = to->str();
      r.layout.push_back(std::move(lr));
    }
  if (const auto* links = obj->getObject("links"))
    for (const auto& [from, to] : *links) {
      auto target = to.getAsString();
      // A top-level name to a relative folder inside the sysroot.
      if (!target || from.str().find_first_of("/.") != std::string::npos || target->contains("..") ||
          target->starts_with("/"))
        throw Error(
            "sysroot recipe " + std::string(origin) + ": links map a top-level name to a folder inside", {},
            Exit::internal);
      r.links.emplace_back(from.str(), target->str());
    }
  if (r.packages.empty() || r.layout.empty())
    throw Error("sysroot recipe " + std::string(origin) + " needs 'packages' and 'layout'", {},
                Exit::internal);
  return r;
}

namespace {

std::string recipe_file(target::Libc libc, std::string_view glibc_floor) {
  std::string name(target::libc_name(libc));
  if (!glibc_floor.empty()) name += "-" + std::string(glibc_floor);
  return name + ".json";
}

std::string_view recipe_text(target::Libc libc, std::string_view glibc_floor) {
  std::string name = recipe_file(libc, glibc_floor);
  std::span<const EmbeddedFile> files(kSysrootRecipes, kSysrootRecipes_count);
  auto text = find_embedded(files, name);
  if (!text) throw Error("no sysroot recipe " + name, {}, Exit::internal);
  return *text;
}

}  // namespace

Recipe recipe_for(target::Libc libc, std::string_view glibc_floor) {
  return parse_recipe(recipe_text(libc, glibc_floor), recipe_file(libc, glibc_floor));
}

Recipe recipe_for(const target::Target& t) {
  return recipe_for(t.libc, t.glibc ? t.glibc->version : std::string_view());
}

std::string fingerprint_of(std::string_view recipe_text) {
  auto digest = llvm::SHA256::hash(
      llvm::arrayRefFromStringRef(llvm::StringRef(recipe_text.data(), recipe_text.size())));
  return std::to_string(kLayoutVersion) + ":" + llvm::toHex(digest, /*LowerCase=*/true);
}

std::string recipe_fingerprint(target::Libc libc, std::string_view glibc_floor) {
  return fingerprint_of(recipe_text(libc, glibc_floor));
}

}  // namespace xstatic::sysroot
