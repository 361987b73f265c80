// `sysroot export` / `import`: a sysroot as one tar archive (zstd by
// default) whose single top folder is the sysroot's name, so that a CI cache
// or a Docker layer can carry it. The first member is an index
// (xstatic-sysroot.json: every file's SHA-256, every symlink's target), as
// in a runtimes archive. Import reads the archive twice: a first look takes
// the index and the top folder's name (which lock to take), then the members
// are written through SafeTree exactly like package members, and the tree
// must match the index exactly before it is renamed into place: a truncated
// archive (cut at a member boundary, libarchive sees a clean end) is refused.

// GCC 12 -O3 reports a null dereference inside llvm::Expected's moves once
// json::parse is inlined (a false positive, as in runtimes/list.cpp).
#pragma GCC diagnostic ignored "-Wnull-dereference"
#include <llvm/Support/JSON.h>
#include <llvm/Support/raw_ostream.h>

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
constexpr const char* kIndexName = "xstatic-sysroot.json";
constexpr const char* kFormat = "xstatic-sysroot/1";

Error refused(const fs::path& file, const std::string& why) {
  return Error(file.string() + ": " + why,
               "the file is damaged or not made by this xstatic: export the sysroot again with "
               "'xstatic sysroot export TARGET -o FILE.tar.zst'",
               Exit::usage);
}

// The sysroot name: the top folder of the archive's first member after the index.
std::string top_folder(const fs::path& file, const ArchiveHead& head) {
  std::string top = head.first_member.substr(0, head.first_member.find('/'));
  if (top.empty() || top.starts_with(".") || top == kIndexName)
    throw Error(file.string() + ": no sysroot folder at the top of the archive", {}, Exit::usage);
  return top;
}

std::string index_json(const std::string& name, const FileDigests& files) {
  std::string text;
  llvm::raw_string_ostream os(text);
  llvm::json::OStream j(os, 2);
  j.object([&] {
    j.attribute("format", kFormat);
    j.attribute("sysroot", name);
    j.attributeObject("files", [&] {
      for (const auto& [path, digest] : files) j.attribute(path, digest);
    });
  });
  os << "\n";
  return text;
}

// The index's files, checked to describe the sysroot folder `top`.
FileDigests read_index(const fs::path& file, const std::optional<std::string>& text, const std::string& top) {
  if (!text) throw refused(file, std::string("no ") + kIndexName + " index as its first member");
  auto value = llvm::expectedToOptional(llvm::json::parse(*text));
  const auto* obj = value ? value->getAsObject() : nullptr;
  if (!obj || obj->getString("format").value_or("") != kFormat)
    throw refused(file, std::string(kIndexName) + " is not a " + kFormat + " index");
  if (obj->getString("sysroot").value_or("") != top)
    throw refused(file, std::string(kIndexName) + " does not describe the folder " + top);
  const auto* files = obj->getObject("files");
  if (!files || files->empty()) throw refused(file, std::string(kIndexName) + " lists no files");
  FileDigests out;
  for (const auto& [path, digest] : *files) {
    auto s = digest.getAsString();
    if (!s) throw refused(file, std::string(kIndexName) + ": " + path.str() + " has no digest");
    out[path.str()] = s->str();
  }
  return out;
}

// The target a manifest names, checked against the folder it came in.
target::Target check_manifest(const Manifest& m, const std::string& top, const fs::path& file) {
  auto libc = target::parse_libc(m.libc);
  auto t = target_of(m);
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
  std::string name = dir->filename().string();
  ArchiveWriter w(out);
  w.add_bytes(kIndexName, index_json(name, tree_digests(*dir, dir->string())));
  w.add_tree(*dir, name);
  w.close();
}

fs::path import_sysroot(const store::Store& store, const fs::path& file, const InstallOptions& options) {
  auto head = read_head(file, kIndexName, kWhat, kMakeHint);
  std::string top = top_folder(file, head);
  FileDigests want = read_index(file, head.index, top);
  util::Progress progress(options.quiet);
  Transaction tx(store, top, progress);
  progress.step("importing " + top + " from " + file.string());
  const fs::path& work = tx.work_dir();
  auto place = [&](const std::string& member) -> std::optional<std::string> {
    if (member == top || member == kIndexName) return std::nullopt;  // the index was read first
    if (!member.starts_with(top + "/"))
      throw Error("outside the archive's sysroot folder " + top, {}, Exit::usage);
    return member.substr(top.size() + 1);
  };
  extract_archive(file, work, place, kWhat, kMakeHint);
  if (auto why = digest_mismatch(tree_digests(work, file.string()), want)) throw refused(file, *why);
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
