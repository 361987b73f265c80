// Parsing xstatic-release.toml with toml++. Every key is looked up in a table
// of known keys per section, so a typo is caught with its line and the
// nearest valid key before any build starts.
#include "xstatic/release/config.hpp"

#include <fnmatch.h>
#include <llvm/ADT/StringRef.h>
#include <llvm/Support/ConvertUTF.h>

#include <algorithm>
#include <cctype>
#include <fstream>
#include <optional>
#include <set>
#include <sstream>

#include "toml.hpp"
#include "xstatic/pkg/recipe.hpp"
#include "xstatic/target/glibc_floor.hpp"
#include "xstatic/target/libc.hpp"
#include "xstatic/util/error.hpp"
#include "xstatic/util/files.hpp"

namespace xstatic::release {
namespace {

constexpr std::string_view kTopKeys[] = {
    "name", "version", "targets",  "binaries",        "extra_files", "dist",      "cmake",
    "make", "command", "packages", "refuse_licenses", "image",       "embed_sbom"};
constexpr std::string_view kCmakeKeys[] = {"source", "args", "targets"};
constexpr std::string_view kMakeKeys[] = {"source", "args"};
constexpr std::string_view kCommandKeys[] = {"source", "run"};
constexpr std::string_view kTargetKeys[] = {"target", "libc", "glibc", "link"};
constexpr std::string_view kImageKeys[] = {"repository", "tags",        "entrypoint",
                                           "binaries",   "extra_files", "user"};

class Reader {
 public:
  explicit Reader(fs::path file) : file_(std::move(file)) {}

  [[noreturn]] void fail(const toml::source_region& where, const std::string& what,
                         const std::string& hint) const {
    std::string at = file_.string();
    if (where.begin.line) at += ":" + std::to_string(where.begin.line);
    throw Error(at + ": " + what, hint, Exit::usage);
  }

  template <std::size_t N>
  void check_keys(const toml::table& table, const std::string_view (&known)[N],
                  const std::string& section) const {
    for (auto&& [key, node] : table) {
      std::string_view k = key.str();
      if (std::find(std::begin(known), std::end(known), k) != std::end(known)) continue;
      std::string best;
      unsigned best_distance = 4;
      std::string all;
      for (auto candidate : known) {
        unsigned d = llvm::StringRef(candidate).edit_distance(k);
        if (d < best_distance) best_distance = d, best = std::string(candidate);
        all += (all.empty() ? "" : ", ") + std::string(candidate);
      }
      fail(key.source(),
           "unknown key '" + std::string(k) + "'" + (section.empty() ? "" : " in [" + section + "]"),
           (best.empty() ? "" : "did you mean '" + best + "'? ") + "known keys: " + all);
    }
  }

  std::string string(const toml::node& node, const std::string& key, const std::string& example) const {
    if (auto s = node.value<std::string>()) {
      if (s->empty())
        fail(node.source(), "'" + key + "' is empty", "write for example " + key + " = " + example);
      return *s;
    }
    fail(node.source(), "'" + key + "' must be a string", "write for example " + key + " = " + example);
  }

  std::vector<std::string> strings(const toml::node& node, const std::string& key,
                                   const std::string& example) const {
    const auto* array = node.as_array();
    if (!array)
      fail(node.source(), "'" + key + "' must be an array of strings",
           "write for example " + key + " = " + example);
    std::vector<std::string> out;
    for (const auto& item : *array) out.push_back(string(item, key + " entry", example));
    return out;
  }

  const fs::path& file() const { return file_; }

 private:
  fs::path file_;
};

ReleaseTarget parse_one_target(const Reader& r, const toml::node& node) {
  std::string spec;
  std::optional<target::Libc> libc;
  std::optional<std::string> floor;
  driver::LinkMode link = driver::LinkMode::full_static;
  const toml::node* link_node = nullptr;
  const std::string example = "\"linux/arm64\" or { target = \"linux/amd64\", libc = \"glibc\" }";
  if (const auto* t = node.as_table()) {
    r.check_keys(*t, kTargetKeys, "targets entry");
    const auto* target_node = t->get("target");
    if (!target_node) r.fail(node.source(), "a targets entry has no 'target'", "write " + example);
    spec = r.string(*target_node, "target", "\"linux/arm64\"");
    if (const auto* l = t->get("libc")) {
      auto name = r.string(*l, "libc", "\"glibc\"");
      libc = target::parse_libc(name);
      if (!libc)
        r.fail(l->source(), "unknown libc '" + name + "'", "write libc = \"musl\" or libc = \"glibc\"");
    }
    // A floor means glibc unless the entry names its libc (libc = or a triple), as --glibc does.
    if (const auto* g = t->get("glibc")) {
      floor = r.string(*g, "glibc", "\"2.31\"");
      if (!libc && spec.find('/') != std::string::npos) libc = target::Libc::glibc;
    }
    if (const auto* l = t->get("link")) {
      link_node = l;
      auto name = r.string(*l, "link", "\"libc-dynamic\"");
      auto mode = driver::parse_link_mode(name);
      if (!mode)
        r.fail(l->source(), "unknown link mode '" + name + "'",
               "write link = \"static\" (the default) or link = \"libc-dynamic\" (glibc targets)");
      link = *mode;
    }
  } else {
    spec = r.string(node, "targets entry", example);
  }
  ReleaseTarget out;
  out.link = link;
  try {
    out.target = target::parse(spec, libc);
    if (floor) out.target = target::with_glibc_floor(out.target, *floor);
    check_link_mode(out, "write link = \"static\", or libc = \"glibc\" with link = \"libc-dynamic\"");
  } catch (const Error& e) {
    const auto& where = link_node && !floor ? *link_node : node;
    r.fail(where.source(), e.what(), e.hint().empty() ? "see 'xstatic targets' for the names" : e.hint());
  }
  return out;
}

std::vector<fs::path> expand_extra_file(const Reader& r, const toml::node& node, const fs::path& base,
                                        const std::string& pattern) {
  fs::path rel(pattern);
  std::vector<fs::path> found;
  std::string leaf = rel.filename().string();
  fs::path dir = base / rel.parent_path();
  // error_code forms throughout: a name the file system refuses (a component
  // over 255 bytes, found by fuzz_release) or an unreadable folder is "no
  // match", not a std::filesystem_error escaping the error model.
  std::error_code ec;
  if (leaf.find_first_of("*?[") == std::string::npos) {
    if (fs::is_regular_file(base / rel, ec)) found.push_back(base / rel);
  } else if (fs::is_directory(dir, ec)) {
    for (fs::directory_iterator it(dir, ec), end; !ec && it != end; it.increment(ec))
      if (it->is_regular_file(ec) && fnmatch(leaf.c_str(), it->path().filename().c_str(), 0) == 0)
        found.push_back(it->path());
  }
  if (found.empty())
    r.fail(node.source(), "extra file '" + pattern + "' matches no file in " + base.string(),
           "create it, or remove it from extra_files");
  return found;
}

bool is_repository(const std::string& s) {  // registry host[:port]/path, as OCI names go (lowercase)
  return !s.empty() && s.size() <= 255 && s.front() != '/' && s.back() != '/' &&
         std::all_of(s.begin(), s.end(), [](char c) {
           return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '.' || c == '-' || c == '_' ||
                  c == '/' || c == ':';
         });
}

bool is_tag(const std::string& s) {  // [A-Za-z0-9_][A-Za-z0-9_.-]{0,127}; {version} checked when expanded
  if (s.empty() || s.size() > 128 || s.front() == '.' || s.front() == '-') return false;
  return s == "{version}" || std::all_of(s.begin(), s.end(), [](char c) {
           return std::isalnum(static_cast<unsigned char>(c)) || c == '_' || c == '.' || c == '-';
         });
}

ImageConfig parse_image(const Reader& r, const toml::node& node, const Config& c) {
  const auto* table = node.as_table();
  if (!table)
    r.fail(node.source(), "'image' must be a table", "write [image] and repository = \"example.org/app\"");
  r.check_keys(*table, kImageKeys, "image");
  ImageConfig img;
  const auto* repo = table->get("repository");
  if (!repo)
    r.fail(node.source(), "[image] has no 'repository'", "write repository = \"example.org/" + c.name + "\"");
  img.repository = r.string(*repo, "repository", "\"example.org/app\"");
  if (!is_repository(img.repository))
    r.fail(repo->source(), "repository '" + img.repository + "' is not an image name",
           "lowercase letters, digits, '.', '-', '_', '/' and a registry's ':port': \"example.org/app\"");
  img.tags = {"{version}"};
  if (const auto* t = table->get("tags")) img.tags = r.strings(*t, "tags", "[\"{version}\", \"latest\"]");
  if (img.tags.empty()) r.fail(node.source(), "[image] tags is empty", "write tags = [\"{version}\"]");
  for (const auto& tag : img.tags)
    if (!is_tag(tag))
      r.fail(node.source(), "tag '" + tag + "' is not an image tag",
             "letters, digits, '_', '.', '-' (up to 128), or \"{version}\"");
  if (const auto* b = table->get("binaries")) {
    img.binaries = r.strings(*b, "binaries", "[\"app\"]");
    for (const auto& name : img.binaries)
      if (std::none_of(c.binaries.begin(), c.binaries.end(),
                       [&](const std::string& x) { return fs::path(x).filename() == name; }))
        r.fail(b->source(), "image binary '" + name + "' is not one of 'binaries'",
               "name a file of binaries = [...] by its file name");
  }
  std::string first =
      img.binaries.empty() ? fs::path(c.binaries.front()).filename().string() : img.binaries.front();
  img.entrypoint = {"/" + first};
  if (const auto* e = table->get("entrypoint"))
    img.entrypoint = r.strings(*e, "entrypoint", "[\"/" + first + "\"]");
  if (img.entrypoint.empty())
    r.fail(node.source(), "[image] entrypoint is empty", "write entrypoint = [\"/" + first + "\"]");
  if (const auto* u = table->get("user")) img.user = r.string(*u, "user", "\"65534:65534\"");
  if (const auto* extra = table->get("extra_files")) {
    for (const auto& pattern : r.strings(*extra, "extra_files", "[\"config.yaml\"]"))
      for (auto& p : expand_extra_file(r, *extra, c.project_dir, pattern)) img.extra_files.push_back(p);
    std::sort(img.extra_files.begin(), img.extra_files.end());
    img.extra_files.erase(std::unique(img.extra_files.begin(), img.extra_files.end()), img.extra_files.end());
  }
  return img;
}

Build parse_build(const Reader& r, const toml::table& top, const fs::path& base) {
  std::vector<std::string> kinds;
  for (std::string_view k : {"cmake", "make", "command"})
    if (top.contains(k)) kinds.emplace_back(k);
  if (kinds.size() != 1)
    r.fail({},
           kinds.empty() ? "no build section"
                         : "more than one build section ([" + kinds[0] + "] and [" + kinds[1] + "])",
           "write exactly one of [cmake] (source, args, targets), [make] (args) or [command] (run)");
  const auto* node = top.get(kinds[0]);
  const auto* table = node ? node->as_table() : nullptr;
  if (!node || !table)
    r.fail(node ? node->source() : toml::source_region{}, "'" + kinds[0] + "' must be a table",
           "write [" + kinds[0] + "] on its own line");
  Build b;
  b.source = base;
  if (kinds[0] == "cmake") {
    b.kind = BuildKind::cmake;
    r.check_keys(*table, kCmakeKeys, "cmake");
    if (const auto* t = table->get("targets")) b.targets = r.strings(*t, "targets", "[\"app\"]");
    if (const auto* a = table->get("args")) b.args = r.strings(*a, "args", "[\"-DWITH_TESTS=OFF\"]");
  } else if (kinds[0] == "make") {
    b.kind = BuildKind::make;
    r.check_keys(*table, kMakeKeys, "make");
    if (const auto* a = table->get("args")) b.args = r.strings(*a, "args", "[\"app\"]");
  } else {
    b.kind = BuildKind::command;
    r.check_keys(*table, kCommandKeys, "command");
    const auto* run = table->get("run");
    if (!run) r.fail(node->source(), "[command] has no 'run'", "write run = [\"sh\", \"build.sh\"]");
    b.args = r.strings(*run, "run", "[\"sh\", \"build.sh\"]");
    if (b.args.empty()) r.fail(run->source(), "'run' is empty", "write run = [\"sh\", \"build.sh\"]");
  }
  if (const auto* s = table->get("source")) {
    b.source = (base / r.string(*s, "source", "\".\"")).lexically_normal();
    if (!b.source.empty() && b.source.string().back() == '/') b.source = b.source.parent_path();
    std::error_code ec;
    if (!fs::is_directory(b.source, ec))
      r.fail(s->source(), "source folder " + b.source.string() + " does not exist",
             "write source = \".\" or an existing folder");
  }
  return b;
}

}  // namespace

std::string_view build_kind_name(BuildKind kind) {
  switch (kind) {
    case BuildKind::cmake:
      return "cmake";
    case BuildKind::make:
      return "make";
    case BuildKind::command:
      return "command";
  }
  return "?";
}

std::string describe(const ReleaseTarget& t) {
  if (t.link == driver::LinkMode::full_static) return t.target.describe();
  std::string out = t.target.describe();
  out.insert(out.size() - 1, ", " + std::string(driver::link_mode_name(t.link)));
  return out;
}

void check_link_mode(const ReleaseTarget& t, const std::string& fix) {
  if (t.link == driver::LinkMode::libc_dynamic && !target::libc_info(t.target.libc).libc_dynamic)
    throw Error("libc-dynamic keeps glibc dynamic; " + t.target.describe() + " links " +
                    std::string(t.target.libc_name()) + " statically only",
                fix, Exit::usage);
}

void check_version(const std::string& version, const std::string& origin) {
  if (version.empty() || version.find_first_of("/\\ \t\n") != std::string::npos || version.front() == '.')
    throw Error(origin + ": version '" + version + "' cannot be part of a file name",
                "use a version such as 1.2.0 (no '/', no spaces)", Exit::usage);
}

Config parse_config(std::string_view text, const fs::path& file) {
  Reader r(file);
  // TOML is UTF-8: say so before toml++ decodes invalid bytes into code
  // points (found by fuzz_release; see toml.hpp for what those reached).
  const auto* begin = reinterpret_cast<const llvm::UTF8*>(text.data());
  if (!llvm::isLegalUTF8String(&begin, begin + text.size()))
    throw Error(file.string() + ": not valid UTF-8 (TOML files are UTF-8)", "save the file as UTF-8",
                Exit::usage);
  toml::table top;
  try {
    top = toml::parse(text, file.string());
  } catch (const toml::parse_error& e) {
    r.fail(e.source(), "not valid TOML: " + std::string(e.description()),
           "fix the syntax (strings need double quotes: name = \"app\")");
  }
  r.check_keys(top, kTopKeys, "");
  Config c;
  c.file = fs::absolute(file).lexically_normal();
  c.project_dir = c.file.parent_path();

  const auto* name = top.get("name");
  if (!name) r.fail({}, "no 'name'", "write name = \"myapp\" (the archives are named after it)");
  c.name = r.string(*name, "name", "\"myapp\"");
  if (c.name.find_first_of("/\\ _\t") != std::string::npos)
    r.fail(name->source(), "name '" + c.name + "' has '/', '_' or spaces",
           "write name = \"myapp\" (letters, digits, '-', '.')");
  if (const auto* v = top.get("version")) {
    c.version = r.string(*v, "version", "\"1.2.0\"");
    check_version(*c.version, file.string() + ":" + std::to_string(v->source().begin.line));
  }

  const auto* targets = top.get("targets");
  if (!targets || !targets->as_array() || targets->as_array()->empty())
    r.fail(targets ? targets->source() : toml::source_region{}, "no 'targets' (an array of targets)",
           "write targets = [\"linux/amd64\", \"linux/arm64\"]");
  for (const auto& item : *targets->as_array()) {
    auto t = parse_one_target(r, item);
    if (std::any_of(c.targets.begin(), c.targets.end(), [&](const auto& x) { return x.target == t.target; }))
      r.fail(item.source(), "target " + t.target.describe() + " is listed twice",
             "remove one of them (its archives would have the same names)");
    c.targets.push_back(t);
  }

  c.build = parse_build(r, top, c.project_dir);

  const auto* binaries = top.get("binaries");
  if (!binaries) r.fail({}, "no 'binaries'", "write binaries = [\"app\"] (the files each build produces)");
  c.binaries = r.strings(*binaries, "binaries", "[\"app\"]");
  if (c.binaries.empty()) r.fail(binaries->source(), "'binaries' is empty", "write binaries = [\"app\"]");
  std::set<std::string> seen;
  for (const auto& b : c.binaries) {
    if (fs::path(b).is_absolute() || b.find("..") != std::string::npos)
      r.fail(binaries->source(), "binary '" + b + "' is not inside the build folder",
             "write a path relative to the build folder, such as \"bin/app\"");
    if (!seen.insert(fs::path(b).filename().string()).second)
      r.fail(binaries->source(), "two binaries are called '" + fs::path(b).filename().string() + "'",
             "archives hold binaries by file name: rename one");
  }

  // Packages (`xstatic pkg`) the build needs: installed for every target before it builds.
  if (const auto* packages = top.get("packages")) {
    c.packages = r.strings(*packages, "packages", "[\"curl\", \"sqlite3\"]");
    for (const auto& package : c.packages) {
      try {
        (void)pkg::recipe(package);
      } catch (const Error& e) {
        r.fail(packages->source(), e.what(), e.hint());
      }
    }
  }
  if (const auto* refused = top.get("refuse_licenses"))
    c.refuse_licenses = r.strings(*refused, "refuse_licenses", "[\"GPL-3.0-only\", \"AGPL-3.0-only\"]");

  if (const auto* extra = top.get("extra_files")) {
    const auto* array = extra->as_array();
    if (!array)
      r.fail(extra->source(), "'extra_files' must be an array of strings",
             "write extra_files = [\"LICENSE\", \"README*\"]");
    for (const auto& item : *array) {
      auto pattern = r.string(item, "extra_files entry", "\"README*\"");
      for (auto& p : expand_extra_file(r, item, c.project_dir, pattern))
        if (std::find(c.extra_files.begin(), c.extra_files.end(), p) == c.extra_files.end())
          c.extra_files.push_back(p);
    }
    std::sort(c.extra_files.begin(), c.extra_files.end());
    std::set<std::string> names;
    for (const auto& p : c.extra_files) {
      auto leaf = p.filename().string();
      bool exe_of_binary = leaf.ends_with(".exe") && seen.count(leaf.substr(0, leaf.size() - 4));
      if (seen.count(leaf) || exe_of_binary || !names.insert(leaf).second)
        r.fail(extra->source(), "extra file '" + leaf + "' has the name of a binary or of another extra file",
               "archives hold files by name: rename or drop one");
    }
  }

  if (const auto* image = top.get("image")) c.image = parse_image(r, *image, c);
  if (const auto* embed = top.get("embed_sbom")) {
    if (!embed->is_boolean())
      r.fail(embed->source(), "'embed_sbom' must be true or false", "write embed_sbom = false");
    c.embed_sbom = embed->value<bool>().value_or(true);
  }

  std::string dist = "dist";
  if (const auto* d = top.get("dist")) dist = r.string(*d, "dist", "\"dist\"");
  c.dist = (c.project_dir / dist).lexically_normal();
  return c;
}

Config load_config(const fs::path& file) {
  util::require_regular_file(file, "release file");  // a fifo would block, a folder read as empty
  std::ifstream in(file, std::ios::binary);
  if (!in)
    throw Error("cannot read the release file " + file.string(),
                "write one (see docs/release.md) or pass --file PATH", Exit::usage);
  std::ostringstream text;
  text << in.rdbuf();
  return parse_config(text.str(), file);
}

}  // namespace xstatic::release
