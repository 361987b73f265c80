// `sysroot export` / `import`: a sysroot as one tar archive (zstd by
// default) whose single top folder is the sysroot's name, so that a CI cache
// or a Docker layer can carry it. Import reads the archive twice: a first
// look at the top folder's name tells which lock to take, then the members
// are written through SafeTree exactly like package members.
#include "transaction.hpp"
#include "xstatic/sysroot/archive.hpp"
#include "xstatic/sysroot/find.hpp"
#include "xstatic/sysroot/install.hpp"
#include "xstatic/util/error.hpp"
#include "xstatic/util/progress.hpp"
#include "xstatic/util/strings.hpp"

namespace xstatic::sysroot {
namespace {

constexpr const char* kWhat = "sysroot archive";
constexpr const char* kMakeHint = "make it with 'xstatic sysroot export TARGET -o FILE.tar.zst'";

// The sysroot name: the top folder of the archive's first member.
std::string top_folder(const fs::path& file) {
  std::string top = first_member(file, kWhat, kMakeHint);
  top = top.substr(0, top.find('/'));
  if (top.empty() || top.starts_with("."))
    throw Error(file.string() + ": no sysroot folder at the top of the archive", {}, Exit::usage);
  return top;
}

// The target a manifest names, checked against the folder it came in.
target::Target check_manifest(const Manifest& m, const std::string& top, const fs::path& file) {
  auto libc = target::parse_libc(m.libc);
  auto t = target::try_parse(m.target, libc);
  if (!t || !libc || store::sysroot_name(*t) != m.name || m.name != top ||
      m.debian_arch != t->row->debian_arch)
    throw Error(
        file.string() + ": its manifest (" + m.name + ", " + m.target + ") does not match a known target",
        "export the sysroot again with this xstatic", Exit::usage);
  return *t;
}

}  // namespace

void export_sysroot(const store::Store& store, const target::Target& t, const fs::path& out) {
  auto dir = sysroot::find(store, t);
  if (!dir)
    throw Error("sysroot for " + t.go_name() + " (" + std::string(t.libc_name()) + ") is not installed",
                install_command(t), Exit::missing);
  ArchiveWriter w(out);
  w.add_tree(*dir, dir->filename().string());
  w.close();
}

fs::path import_sysroot(const store::Store& store, const fs::path& file, const InstallOptions& options) {
  std::string top = top_folder(file);
  util::Progress progress(options.quiet);
  Transaction tx(store, top, progress);
  progress.step("importing " + top + " from " + file.string());
  const fs::path& work = tx.work_dir();
  auto place = [&](const std::string& member) -> std::optional<std::string> {
    if (member == top) return std::nullopt;
    if (!member.starts_with(top + "/"))
      throw Error("outside the archive's sysroot folder " + top, {}, Exit::usage);
    return member.substr(top.size() + 1);
  };
  extract_archive(file, work, place, kWhat, kMakeHint);
  if (!fs::exists(work / store::kManifestName))
    throw Error(file.string() + ": no " + std::string(store::kManifestName) + " in " + top,
                "export the sysroot again", Exit::usage);
  Manifest m = read_manifest(work / store::kManifestName);
  check_manifest(m, top, file);
  tx.commit();
  progress.done("imported " + top + ": " + tx.final_path().string());
  return tx.final_path();
}

}  // namespace xstatic::sysroot
