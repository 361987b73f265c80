// The SBOM a link embeds (see xstatic/driver/sbom.hpp): gathered from what
// the driver already resolved for the link (the plan) and written as a
// small object lld links in.
#include "xstatic/driver/sbom.hpp"

#include <llvm/Support/JSON.h>
#include <unistd.h>

#include <algorithm>
#include <fstream>
#include <sstream>

#include "xstatic/store/store.hpp"
#include "xstatic/sysroot/manifest.hpp"
#include "xstatic/target/notes.hpp"
#include "xstatic/util/files.hpp"
#include "xstatic/util/process.hpp"
#include "xstatic/version.hpp"

namespace xstatic::driver {
namespace fs = std::filesystem;
namespace {

bool env_off(const char* name) {
  auto v = util::getenv_nonempty(name);
  return v && *v != "0" && *v != "false" && *v != "no";
}

// The version field of a runtimes manifest.json ("" when unreadable).
std::string runtime_version(const fs::path& root) {
  std::ifstream in(root / store::kManifestName);
  std::stringstream ss;
  ss << in.rdbuf();
  auto parsed = llvm::json::parse(ss.str());
  if (!parsed) {
    llvm::toString(parsed.takeError());  // no version is all that is lost
    return {};
  }
  const auto* obj = parsed->getAsObject();
  auto v = obj ? obj->getString("version") : std::nullopt;
  return v ? v->str() : std::string();
}

bool inside(const fs::path& file, const fs::path& dir) {
  auto rel = file.lexically_relative(dir);
  return !rel.empty() && *rel.begin() != "..";
}

// -ffile-prefix-map=OLD=NEW and its -fdebug-/-fmacro- spellings, in order (parse found them).
std::vector<std::pair<std::string_view, std::string_view>> prefix_maps(const Invocation& inv) {
  std::vector<std::pair<std::string_view, std::string_view>> out;
  for (std::string_view value : inv.prefix_maps) {
    auto eq = value.find('=');
    if (eq != std::string_view::npos) out.emplace_back(value.substr(0, eq), value.substr(eq + 1));
  }
  return out;
}

// How the note names an archive (see sbom_of_link).
std::string archive_name(const fs::path& given, const Invocation& inv, const fs::path& cwd) {
  if (given.is_relative()) return given.lexically_normal().string();
  fs::path file = given.lexically_normal();
  // clang applies the last matching map; so does this.
  auto maps = prefix_maps(inv);
  for (auto it = maps.rbegin(); it != maps.rend(); ++it) {
    fs::path from = fs::path(it->first).lexically_normal();
    if (inside(file, from))
      return (fs::path(it->second) / file.lexically_relative(from)).lexically_normal().string();
  }
  if (!cwd.empty() && inside(file, cwd)) return file.lexically_relative(cwd).string();
  return file.string();
}

// The user's own archives: inputs ending in .a, and -lNAME (-l:FILE) found
// in the -L folders, leaving out the store's (packages, runtimes, sysroots).
std::vector<fs::path> user_archives(const Invocation& inv, const Plan& plan) {
  std::vector<fs::path> out;
  for (const auto& input : inv.input_files)
    if (input.ends_with(".a")) out.emplace_back(input);
  std::error_code ec;
  for (const auto& lib : inv.libraries) {
    std::string file = lib.starts_with(":") ? lib.substr(1) : "lib" + lib + ".a";
    if (!file.ends_with(".a")) continue;
    for (const auto& dir : inv.library_dirs)
      if (fs::is_regular_file(fs::path(dir) / file, ec)) {
        out.push_back(fs::path(dir) / file);
        break;
      }
  }
  std::vector<fs::path> kept;
  for (const auto& a : out) {
    fs::path abs = fs::absolute(a, ec).lexically_normal();
    if (plan.store_root && inside(abs, plan.store_root->lexically_normal())) continue;
    if (plan.sysroot && inside(abs, plan.sysroot->lexically_normal())) continue;
    kept.push_back(a);
  }
  return kept;
}

}  // namespace

bool wants_sbom(const Invocation& inv, const Plan& plan) {
  if (inv.own.no_sbom || env_off(kNoSbomVar)) return false;
  if (inv.mode != Mode::link && inv.mode != Mode::shared) return false;
  if (inv.inputs == 0 || inv.no_default_libs || inv.other_linker || !plan.sysroot) return false;
  if (plan.target.row->format != target::ObjectFormat::elf) return false;
  return output_of(inv, plan.target) != "/dev/null";
}

inspect::EmbeddedSbom sbom_of_link(const Invocation& inv, const Plan& plan) {
  inspect::EmbeddedSbom s;
  s.target = plan.target.go_name();
  s.libc = std::string(plan.target.libc_name());
  s.xstatic = kVersion;
  if (plan.sysroot)
    if (auto m = sysroot::try_read_manifest(*plan.sysroot / store::kManifestName)) {
      for (const auto& p : m->packages) s.packages.push_back({p.name, p.version, ""});
      std::sort(s.packages.begin(), s.packages.end(),
                [](const auto& a, const auto& b) { return a.name < b.name; });
    }
  if (plan.cxx_runtimes && !inv.no_default_libs) {
    std::string v = runtime_version(plan.cxx_runtimes->root) +
                    std::string(runtimes::variant_info(plan.cxx_runtimes->variant).sbom_suffix);
    for (std::string_view name : runtimes::kind_info(runtimes::Kind::libcxx).sbom_names)
      s.runtimes.push_back({std::string(name), v, ""});
  }
  if (plan.allocator && inv.mode == Mode::link)
    s.runtimes.push_back(
        {std::string(runtimes::kind_info(runtimes::Kind::mimalloc).sbom_names.front()),
         plan.allocator_version + std::string(runtimes::variant_info(plan.runtimes_variant).sbom_suffix),
         ""});
  if (plan.libc_routines && inv.mode == Mode::link)
    s.runtimes.push_back({std::string(runtimes::kind_info(runtimes::Kind::libc_routines).sbom_names.front()),
                          plan.libc_routines_version, ""});
  for (const auto& p : plan.linked_packages) s.libraries.push_back({p.name, p.version, p.license});
  std::error_code ec;
  fs::path cwd = fs::current_path(ec);
  for (const auto& a : user_archives(inv, plan)) {
    auto digest = util::sha256_of_file(a);
    if (!digest) continue;  // lld will say why it cannot read it
    std::string name = archive_name(a, inv, cwd);
    bool seen =
        std::any_of(s.archives.begin(), s.archives.end(), [&](const auto& c) { return c.name == name; });
    if (!seen) s.archives.push_back({name, *digest, ""});
  }
  return s;
}

std::optional<std::string> write_sbom_object(const Invocation& inv, const Plan& plan) {
  if (!wants_sbom(inv, plan)) return std::nullopt;
  std::string desc = inspect::encode_sbom(sbom_of_link(inv, plan));
  std::string object = note_object(*plan.target.row, sysroot_elf_flags(*plan.sysroot, *plan.target.row),
                                   target::kSbomNoteSection, target::kNoteName, target::kSbomNoteType, desc);
  std::string tmpl = util::getenv_nonempty("TMPDIR").value_or("/tmp") + "/xstatic-sbom-XXXXXX";
  int fd = ::mkstemp(tmpl.data());
  if (fd < 0) return std::nullopt;
  bool ok = ::write(fd, object.data(), object.size()) == static_cast<ssize_t>(object.size());
  ::close(fd);
  if (!ok) {
    ::unlink(tmpl.c_str());
    return std::nullopt;
  }
  return tmpl;
}

}  // namespace xstatic::driver
