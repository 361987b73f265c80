// The SBOM a link embeds (see xstatic/driver/sbom.hpp): gathered from what
// the driver already resolved for the link (the plan) and written as a
// small object lld links in.
#include "xstatic/driver/sbom.hpp"

#include <fcntl.h>
#include <llvm/Support/JSON.h>
#include <llvm/Support/MemoryBuffer.h>
#include <unistd.h>

#include <algorithm>
#include <fstream>
#include <sstream>

#include "xstatic/driver/link_record.hpp"
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

namespace {

fs::path absolute_normal(const fs::path& p) {
  std::error_code ec;
  return fs::absolute(p, ec).lexically_normal();
}

// The record and what each entry lld may leave out depends on (see link_sbom).
LinkSbom gather_sbom(const Invocation& inv, const Plan& plan) {
  LinkSbom out;
  auto& s = out.given;
  s.target = plan.target.go_name();
  s.libc = std::string(plan.target.libc_name());
  s.xstatic = kVersion;
  if (plan.sysroot)
    if (auto m = sysroot::try_read_manifest(*plan.sysroot / store::kManifestName)) {
      for (const auto& p : m->packages) s.packages.push_back({p.name, p.version, ""});
      std::sort(s.packages.begin(), s.packages.end(),
                [](const auto& a, const auto& b) { return a.name < b.name; });
    }
  auto runtime = [&](std::string_view name, std::string version, std::optional<fs::path> archive) {
    s.runtimes.push_back({std::string(name), std::move(version), ""});
    if (archive)
      out.conditional.push_back({SbomList::runtimes, std::string(name), {absolute_normal(*archive)}});
  };
  if (plan.cxx_runtimes && !inv.no_default_libs) {
    const auto& kind = runtimes::kind_info(runtimes::Kind::libcxx);
    std::string v = runtime_version(plan.cxx_runtimes->root) +
                    std::string(runtimes::variant_info(plan.cxx_runtimes->variant).sbom_suffix);
    // sbom_names and libraries are parallel: libc++ is libc++.a.
    for (std::size_t i = 0; i < kind.sbom_names.size(); ++i)
      runtime(kind.sbom_names[i], v,
              i < kind.libraries.size() ? std::optional(plan.cxx_runtimes->lib_dir / kind.libraries[i])
                                        : std::nullopt);
  }
  // --malloc=mimalloc links it whole: always in.
  if (plan.allocator && inv.mode == Mode::link)
    runtime(runtimes::kind_info(runtimes::Kind::mimalloc).sbom_names.front(),
            plan.allocator_version + std::string(runtimes::variant_info(plan.runtimes_variant).sbom_suffix),
            plan.allocator_forced ? std::nullopt : plan.allocator);
  if (plan.libc_routines && inv.mode == Mode::link)
    runtime(runtimes::kind_info(runtimes::Kind::libc_routines).sbom_names.front(), plan.libc_routines_version,
            plan.libc_routines);
  for (const auto& p : plan.linked_packages) {
    s.libraries.push_back({p.name, p.version, p.license});
    if (inv.whole_archive) continue;
    SbomCondition c{SbomList::libraries, p.name, {}};
    for (const auto& lib : p.libs)
      c.archives.push_back(absolute_normal(p.root / "lib" / ("lib" + lib + ".a")));
    out.conditional.push_back(std::move(c));
  }
  std::error_code ec;
  fs::path cwd = fs::current_path(ec);
  for (const auto& a : user_archives(inv, plan)) {
    auto digest = util::sha256_of_file(a);
    if (!digest) continue;  // lld will say why it cannot read it
    std::string name = archive_name(a, inv, cwd);
    bool seen =
        std::any_of(s.archives.begin(), s.archives.end(), [&](const auto& c) { return c.name == name; });
    if (seen) continue;
    s.archives.push_back({name, *digest, ""});
    if (!inv.whole_archive) out.conditional.push_back({SbomList::archives, name, {absolute_normal(a)}});
  }
  return out;
}

std::vector<inspect::SbomComponent>& list_of(inspect::EmbeddedSbom& s, SbomList list) {
  switch (list) {
    case SbomList::runtimes:
      return s.runtimes;
    case SbomList::libraries:
      return s.libraries;
    case SbomList::archives:
      break;
  }
  return s.archives;
}

// Writes `bytes` at `offset` of `file` when the bytes there are `expected`.
bool replace_bytes(const std::string& file, std::size_t offset, std::string_view expected,
                   std::string_view bytes) {
  int fd = ::open(file.c_str(), O_RDWR | O_CLOEXEC);
  if (fd < 0) return false;
  std::string there(expected.size(), '\0');
  bool ok = ::pread(fd, there.data(), there.size(), static_cast<off_t>(offset)) ==
                static_cast<ssize_t>(there.size()) &&
            there == expected &&
            ::pwrite(fd, bytes.data(), bytes.size(), static_cast<off_t>(offset)) ==
                static_cast<ssize_t>(bytes.size());
  return ::close(fd) == 0 && ok;
}

}  // namespace

inspect::EmbeddedSbom sbom_of_link(const Invocation& inv, const Plan& plan) {
  return gather_sbom(inv, plan).given;
}

std::optional<LinkSbom> link_sbom(const Invocation& inv, const Plan& plan) {
  if (!wants_sbom(inv, plan)) return std::nullopt;
  LinkSbom out = gather_sbom(inv, plan);
  out.desc = inspect::encode_sbom(out.given);
  return out;
}

std::optional<std::string> write_sbom_object(const LinkSbom& sbom, const Plan& plan) {
  std::string object =
      note_object(*plan.target.row, sysroot_elf_flags(*plan.sysroot, *plan.target.row),
                  target::kSbomNoteSection, target::kNoteName, target::kSbomNoteType, sbom.desc);
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

inspect::EmbeddedSbom sbom_as_linked(const LinkSbom& sbom, const std::vector<fs::path>& linked) {
  inspect::EmbeddedSbom out = sbom.given;
  for (const auto& c : sbom.conditional) {
    bool taken = std::any_of(c.archives.begin(), c.archives.end(), [&](const fs::path& a) {
      return std::find(linked.begin(), linked.end(), a) != linked.end();
    });
    if (!taken) std::erase_if(list_of(out, c.list), [&](const auto& e) { return e.name == c.name; });
  }
  return out;
}

std::optional<std::string> padded_desc(std::string desc, std::size_t size) {
  if (desc.size() > size) return std::nullopt;
  desc.resize(size, ' ');
  return desc;
}

void settle_sbom_note(const std::string& output, const LinkSbom& sbom, std::string_view report) {
  if (sbom.conditional.empty()) return;
  std::error_code ec;
  auto linked = linked_archives(report, fs::current_path(ec));
  if (!linked) return;  // no report of lld's: the note stays as given
  auto final_sbom = sbom_as_linked(sbom, *linked);
  if (final_sbom == sbom.given) return;
  auto desc = padded_desc(inspect::encode_sbom(final_sbom), sbom.desc.size());
  if (!desc) return;
  auto buffer = llvm::MemoryBuffer::getFile(output, /*IsText=*/false, /*RequiresNullTerminator=*/false);
  if (!buffer) return;
  auto at =
      inspect::find_sbom_note(std::string_view((*buffer)->getBufferStart(), (*buffer)->getBufferSize()));
  buffer->reset();
  if (!at || at->size != sbom.desc.size()) return;
  replace_bytes(output, at->offset, sbom.desc, *desc);
}

}  // namespace xstatic::driver
