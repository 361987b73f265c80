// `pkg export` / `pkg import`: built packages as one tar archive (a CI cache,
// a Docker layer), so a fresh runner links against them without building.
//
//   xstatic-pkg.json            written first: the format and the folders it carries
//   amd64-musl/curl/...         pkg/<sysroot>/<name>/ of the store, exactly as built;
//                               its manifest.json lists every other file's SHA-256
//
// Import extracts into pkg/.import-<pid>/ (sysroot::extract_archive: nothing
// lands outside it), then checks everything before installing anything:
// every indexed folder is there with a readable manifest whose name and
// sysroot match the folder, every file matches its digest, nothing is there
// that its manifest does not list. Then each folder is renamed into place
// under the lock a build of it takes; a package already built is kept.
#include "xstatic/pkg/transfer.hpp"

#include <llvm/Support/JSON.h>
#include <llvm/Support/MemoryBuffer.h>
#include <llvm/Support/raw_ostream.h>
#include <signal.h>
#include <unistd.h>

#include <cerrno>
#include <map>
#include <set>

#include "internal.hpp"
#include "xstatic/sysroot/archive.hpp"
#include "xstatic/util/error.hpp"
#include "xstatic/util/lock.hpp"

namespace xstatic::pkg {
namespace {

constexpr const char* kFormat = "xstatic-pkg/1";
constexpr const char* kIndex = "xstatic-pkg.json";
constexpr const char* kMakeHint = "make it with 'xstatic pkg export -o FILE.tar.zst'";

bool is_name(const std::string& s) {
  return !s.empty() && s[0] != '.' && s.find('/') == std::string::npos && s != "..";
}

Error refused(const std::string& label, const std::string& why) {
  return Error(label + ": " + why, "the file is damaged or not made by 'xstatic pkg export'", Exit::usage);
}

std::optional<std::string> place_member(const std::string& member) {
  if (member == kIndex) return member;
  auto parts = member.find('/');
  std::string sysroot = member.substr(0, parts);
  if (!is_name(sysroot)) throw Error("not a package folder (<sysroot>/<package>/...)", {}, Exit::usage);
  if (parts != std::string::npos) {
    auto next = member.find('/', parts + 1);
    if (!is_name(member.substr(parts + 1, next - parts - 1)))
      throw Error("not a package folder name", {}, Exit::usage);
  }
  return member;
}

std::vector<std::string> read_index(const fs::path& file, const std::string& label) {
  auto buffer = llvm::MemoryBuffer::getFile(file.string());
  if (!buffer) throw refused(label, std::string("no ") + kIndex + " in the archive");
  auto value = llvm::expectedToOptional(llvm::json::parse((*buffer)->getBuffer()));
  const auto* obj = value ? value->getAsObject() : nullptr;
  if (!obj || obj->getString("format").value_or("") != kFormat)
    throw refused(label, std::string(kIndex) + " is not a " + kFormat + " index");
  std::vector<std::string> folders;
  if (const auto* list = obj->getArray("packages"))
    for (const auto& v : *list)
      if (auto s = v.getAsString()) folders.push_back(s->str());
  if (folders.empty()) throw refused(label, "it holds no packages");
  return folders;
}

void check_folder(const fs::path& dir, const std::string& folder, const std::string& label) {
  auto refuse = [&](const std::string& why) { return refused(label, folder + ": " + why); };
  auto slash = folder.find('/');
  if (slash == std::string::npos || !is_name(folder.substr(0, slash)) || !is_name(folder.substr(slash + 1)))
    throw refuse("not a package folder (<sysroot>/<package>)");
  if (!fs::is_directory(fs::symlink_status(dir))) throw refuse("indexed but not in the archive");
  auto m = detail::read_manifest(dir / store::kManifestName);
  if (!m) throw refuse("no readable manifest.json");
  if (m->name != folder.substr(slash + 1) || m->sysroot != folder.substr(0, slash))
    throw refuse("its manifest (" + m->name + " for " + m->sysroot + ") does not match the folder");
  std::map<std::string, std::string> want(m->files.begin(), m->files.end());
  std::set<std::string> seen;
  for (auto it = fs::recursive_directory_iterator(dir); it != fs::recursive_directory_iterator(); ++it) {
    auto st = it->symlink_status();
    std::string rel = it->path().lexically_relative(dir).generic_string();
    if (fs::is_directory(st)) continue;
    if (rel == store::kManifestName) continue;
    if (!fs::is_regular_file(st)) throw refuse(rel + " is not a regular file");
    auto w = want.find(rel);
    if (w == want.end()) throw refuse(rel + " is not in its manifest");
    if (detail::sha256_file(it->path()) != w->second)
      throw refuse(rel + " does not match its digest (damaged or altered)");
    seen.insert(rel);
  }
  for (const auto& [path, digest] : want)
    if (!seen.count(path)) throw refuse(path + " is in its manifest but missing");
}

class ImportDir {
 public:
  explicit ImportDir(const fs::path& parent) : path_(parent / (".import-" + std::to_string(::getpid()))) {
    std::error_code ec;
    for (const auto& e : fs::directory_iterator(parent, ec)) {
      std::string f = e.path().filename().string();
      if (!f.starts_with(".import-")) continue;
      pid_t pid = static_cast<pid_t>(std::atol(f.c_str() + 8));
      if (pid > 0 && ::kill(pid, 0) != 0 && errno == ESRCH) fs::remove_all(e.path(), ec);
    }
    fs::remove_all(path_, ec);
    fs::create_directories(path_);
  }
  ~ImportDir() {
    std::error_code ec;
    fs::remove_all(path_, ec);
  }
  ImportDir(const ImportDir&) = delete;
  ImportDir& operator=(const ImportDir&) = delete;
  const fs::path& path() const { return path_; }

 private:
  fs::path path_;
};

}  // namespace

std::vector<std::string> export_packages(const store::Store& store,
                                         const std::vector<target::Target>& targets, const fs::path& out) {
  std::vector<Entry> entries;
  if (targets.empty()) entries = list(store);
  for (const auto& t : targets) {
    auto some = list(store, t);
    if (some.empty())
      throw Error("no packages built for " + t.describe(),
                  "run 'xstatic pkg install " + t.go_name() + " zlib'", Exit::missing);
    entries.insert(entries.end(), some.begin(), some.end());
  }
  if (entries.empty())
    throw Error("no packages built in " + store.root().string(), "run 'xstatic pkg install linux/arm64 zlib'",
                Exit::missing);
  std::vector<std::string> folders;
  for (const auto& e : entries) folders.push_back(e.sysroot + "/" + e.name);
  std::string index;
  {
    llvm::raw_string_ostream os(index);
    llvm::json::OStream j(os, 2);
    j.object([&] {
      j.attribute("format", kFormat);
      j.attributeArray("packages", [&] {
        for (const auto& f : folders) j.value(f);
      });
    });
    os << "\n";
  }
  sysroot::ArchiveWriter w(out);  // a temporary file beside `out`, renamed by close()
  w.add_bytes(kIndex, index);
  for (const auto& e : entries) w.add_tree(e.root, e.sysroot + "/" + e.name);
  w.close();
  return folders;
}

std::vector<Imported> import_packages(const store::Store& given_store, const fs::path& file,
                                      util::Progress& progress) {
  const store::Store store(fs::absolute(given_store.root()));
  std::string label = file.string();
  progress.step("checking " + label);
  std::error_code ec;
  fs::create_directories(store.packages_dir(), ec);
  if (ec)
    throw Error("cannot create " + store.packages_dir().string() + ": " + ec.message(),
                "choose a writable store with --store DIR or XSTATIC_HOME", Exit::usage);
  ImportDir work(store.packages_dir());
  sysroot::extract_archive(file, work.path(), place_member, "package archive", kMakeHint);
  auto folders = read_index(work.path() / kIndex, label);
  std::set<std::string> indexed(folders.begin(), folders.end());
  for (const auto& f : folders) check_folder(work.path() / f, f, label);
  for (const auto& sys : fs::directory_iterator(work.path()))
    if (sys.is_directory())
      for (const auto& dir : fs::directory_iterator(sys.path()))
        if (!indexed.count(sys.path().filename().string() + "/" + dir.path().filename().string()))
          throw refused(label, dir.path().lexically_relative(work.path()).string() + " is not in the index");
  std::vector<Imported> out;
  for (const auto& f : folders) {
    auto slash = f.find('/');
    fs::path final_dir = store.packages_dir() / f;
    util::FileLock lock(
        store.locks_dir() / ("pkg-" + f.substr(0, slash) + "-" + f.substr(slash + 1) + ".lock"),
        [&] { progress.step("waiting for another xstatic that is building " + f); });
    if (fs::exists(final_dir / store::kManifestName)) {
      out.push_back({f, false});
      continue;
    }
    fs::remove_all(final_dir, ec);  // a folder without its manifest is no package
    fs::create_directories(final_dir.parent_path());
    fs::rename(work.path() / f, final_dir);
    out.push_back({f, true});
  }
  progress.done("imported packages from " + label);
  return out;
}

}  // namespace xstatic::pkg
