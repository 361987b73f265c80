// See xstatic/runtimes/transfer.hpp for the archive's layout and the checks.

// GCC 12 -O3 reports a null dereference inside llvm::Expected's moves once
// json::parse is inlined (a false positive, as in list.cpp).
#pragma GCC diagnostic ignored "-Wnull-dereference"
#include "xstatic/runtimes/transfer.hpp"

#include <llvm/Support/JSON.h>
#include <llvm/Support/MemoryBuffer.h>
#include <llvm/Support/raw_ostream.h>
#include <signal.h>
#include <unistd.h>

#include <algorithm>
#include <map>
#include <regex>
#include <set>

#include "internal.hpp"
#include "xstatic/runtimes/allocator.hpp"
#include "xstatic/runtimes/libc_routines.hpp"
#include "xstatic/runtimes/runtimes.hpp"
#include "xstatic/sysroot/archive.hpp"
#include "xstatic/util/error.hpp"
#include "xstatic/util/json.hpp"
#include "xstatic/util/lock.hpp"
#include "xstatic/util/progress.hpp"

namespace xstatic::runtimes {
namespace {

constexpr const char* kFormat = "xstatic-runtimes/1";
constexpr const char* kWhat = "runtimes archive";
constexpr const char* kMakeHint = "make it with 'xstatic runtimes export -o FILE.tar.zst'";

using sysroot::FileDigests;  // path in the folder -> "sha256:<hex>" or "link:<target>"

// "llvm-19-r2" (libc++; "llvm-19" before its recipe had a revision), "mimalloc-2.0.9-llvm19-r4"
// (either with "-size" for the size variant) or "libc-1a2b3c4d-llvm19" (xstatic's libc routines):
// the kind, clang major and variant a group folder names.
struct Group {
  Kind kind = Kind::libcxx;
  int clang_major = 0;
  Variant variant = Variant::standard;
};
std::optional<Group> parse_group(const std::string& name) {
  static const std::vector<std::pair<Kind, std::regex>> patterns = [] {
    std::vector<std::pair<Kind, std::regex>> out;
    for (const auto& k : kinds()) out.emplace_back(k.id, std::regex(std::string(k.folder_pattern)));
    return out;
  }();
  std::smatch m;
  for (const auto& [kind, pattern] : patterns) {
    if (!std::regex_match(name, m, pattern)) continue;
    // Group 2 of the pattern is a variant's folder suffix ("-size"), when the kind has builds of each.
    Variant variant = Variant::standard;
    for (Variant v : {Variant::standard, Variant::size})
      if (m.size() > 2 && variant_info(v).folder_suffix == m[2].str()) variant = v;
    return Group{kind, std::stoi(m[1]), variant};
  }
  return std::nullopt;
}

bool is_folder_name(const std::string& s) {
  return !s.empty() && s[0] != '.' && s.find('/') == std::string::npos;
}

// The lock a build of this runtime takes (build.cpp, allocator.cpp, libc_routines.cpp): import waits
// for a build and vice versa.
fs::path lock_of(const store::Store& store, const Group& g, const std::string& sysroot_name) {
  return store.locks_dir() / (build_name(g.kind, g.clang_major, g.variant, sysroot_name) + ".lock");
}

std::string index_json(const std::vector<std::pair<std::string, FileDigests>>& folders) {
  return util::json_text([&](llvm::json::OStream& j) {
           j.object([&] {
             j.attribute("format", kFormat);
             j.attributeArray("runtimes", [&] {
               for (const auto& [folder, files] : folders)
                 j.object([&] {
                   j.attribute("folder", folder);
                   j.attributeObject("files", [&] {
                     for (const auto& [path, digest] : files) j.attribute(path, digest);
                   });
                 });
             });
           });
         }) +
         "\n";
}

std::map<std::string, FileDigests> read_index(const fs::path& file, const std::string& label) {
  auto refuse = [&](const std::string& why) {
    return Error(label + ": " + why, "the file is damaged or not made by 'xstatic runtimes export'",
                 Exit::usage);
  };
  auto buffer = llvm::MemoryBuffer::getFile(file.string());
  if (!buffer) throw refuse(std::string("no ") + kIndexName + " in the archive");
  auto value = llvm::expectedToOptional(llvm::json::parse((*buffer)->getBuffer()));
  const auto* obj = value ? value->getAsObject() : nullptr;
  if (!obj || obj->getString("format").value_or("") != kFormat)
    throw refuse(std::string(kIndexName) + " is not a " + kFormat + " index");
  std::map<std::string, FileDigests> out;
  const auto* list = obj->getArray("runtimes");
  for (const auto& v : list ? *list : llvm::json::Array{}) {
    const auto* r = v.getAsObject();
    const auto* files = r ? r->getObject("files") : nullptr;
    auto folder = r ? r->getString("folder") : std::nullopt;
    if (!files || !folder)
      throw refuse("an entry of " + std::string(kIndexName) + " lacks its folder or files");
    auto& digests = out[folder->str()];
    for (const auto& [path, digest] : *files) digests[path.str()] = digest.getAsString().value_or("").str();
  }
  if (out.empty()) throw refuse("it holds no runtimes");
  return out;
}

// The checks of one extracted folder "group/name" against its index entry and manifest.
void check_folder(const fs::path& dir, const std::string& folder, const FileDigests& want,
                  const std::string& label) {
  auto refuse = [&](const std::string& why) {
    return Error(label + ": " + folder + ": " + why, "export the runtimes again, with this xstatic",
                 Exit::usage);
  };
  auto slash = folder.find('/');
  auto group = slash == std::string::npos ? std::nullopt : parse_group(folder.substr(0, slash));
  std::string name = slash == std::string::npos ? "" : folder.substr(slash + 1);
  if (!group || !is_folder_name(name))
    throw refuse("not a runtime folder (llvm-<N>-r<recipe>/<sysroot>, mimalloc-..., libc-...)");
  if (!fs::is_directory(fs::symlink_status(dir))) throw refuse("indexed but not in the archive");
  if (auto why = sysroot::digest_mismatch(sysroot::tree_digests(dir, label + ": " + folder), want))
    throw refuse(*why);
  auto m = detail::read_manifest(dir / store::kManifestName);
  if (!m) throw refuse("no readable manifest.json");
  auto t = target::try_parse(m->target, target::Libc::musl);
  if (!t || store::sysroot_name(*t) != name || m->sysroot != name || m->clang_major != group->clang_major ||
      m->kind != group->kind || !variant_named(m->variant) || variant_named(m->variant)->id != group->variant)
    throw refuse("its manifest (" + std::string(kind_info(m->kind).name) + ", " + m->target + ", clang " +
                 std::to_string(m->clang_major) + ") does not match the folder");
}

// runtimes/.import-<pid>: removed when done, and by a later import when its process is gone.
class ImportDir {
 public:
  explicit ImportDir(const fs::path& runtimes) : path_(runtimes / (".import-" + std::to_string(::getpid()))) {
    std::error_code ec;
    for (const auto& e : fs::directory_iterator(runtimes, ec)) {
      std::string f = e.path().filename().string();
      if (!f.starts_with(".import-")) continue;
      pid_t pid = static_cast<pid_t>(std::atol(f.c_str() + 8));
      if (pid > 0 && ::kill(pid, 0) != 0 && errno == ESRCH) fs::remove_all(e.path(), ec);
    }
    fs::remove_all(path_, ec);
    fs::create_directories(path_, ec);
    if (ec)
      throw Error("cannot write to the store's " + runtimes.string() + ": " + ec.message(),
                  "choose a writable store with --store DIR or XSTATIC_HOME", Exit::usage);
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

// Members are the index or <group>/<name>/...; anything else is refused before it is written.
std::optional<std::string> place_member(const std::string& member) {
  if (member == kIndexName) return member;
  auto slash = member.find('/');
  std::string group = member.substr(0, slash);
  if (!parse_group(group))
    throw Error("not a runtime folder (llvm-<N>-r<recipe>/<sysroot>, mimalloc-..., libc-...)", {},
                Exit::usage);
  if (slash != std::string::npos &&
      !is_folder_name(member.substr(slash + 1, member.find('/', slash + 1) - slash - 1)))
    throw Error("not a runtime folder name", {}, Exit::usage);
  return member;
}

}  // namespace

std::vector<std::string> export_runtimes(const store::Store& store,
                                         const std::vector<target::Target>& targets, const fs::path& out) {
  int major = detail::compiler_for(store, "").major;
  std::set<fs::path> roots;
  if (targets.empty()) {
    for (const auto& e : list(store))
      if (e.clang_major == major) roots.insert(e.root);
  }
  for (const auto& t : targets) {
    std::vector<fs::path> found;
    for (Variant v : {Variant::standard, Variant::size}) {  // both builds, when built (variant.hpp)
      if (auto libcxx = find(store, t, major, v)) found.push_back(libcxx->root);
      if (auto mimalloc = find_mimalloc(store, t, major, v)) found.push_back(mimalloc->root);
    }
    if (auto libc = find_libc_routines(store, t, major)) found.push_back(libc->root);
    roots.insert(found.begin(), found.end());
    if (found.empty())
      throw Error("no runtimes built for " + t.go_name() + " with clang " + std::to_string(major),
                  "run 'xstatic runtimes build " + t.go_name() + "'", Exit::missing);
  }
  if (roots.empty())
    throw Error("no runtimes built with clang " + std::to_string(major) + " in " + store.root().string(),
                "run 'xstatic runtimes build linux/arm64' (or any musl target)", Exit::missing);
  std::vector<std::pair<std::string, FileDigests>> folders;
  for (const auto& root : roots) {
    std::string folder = root.lexically_relative(store.runtimes_dir()).string();
    folders.emplace_back(folder, sysroot::tree_digests(root, root.string()));
  }
  sysroot::ArchiveWriter w(out);  // a temporary file beside `out`, renamed by close()
  w.add_bytes(kIndexName, index_json(folders));
  for (const auto& root : roots) w.add_tree(root, root.lexically_relative(store.runtimes_dir()).string());
  w.close();
  std::vector<std::string> names;
  for (const auto& [folder, files] : folders) names.push_back(folder);
  return names;
}

std::vector<ImportedRuntime> import_runtimes(const store::Store& given_store, const fs::path& file,
                                             util::Progress& progress) {
  const store::Store store(fs::absolute(given_store.root()));
  std::string label = file.string();
  progress.step("checking " + label);
  std::error_code ec;
  fs::create_directories(store.runtimes_dir(), ec);
  if (ec)
    throw Error("cannot create " + store.runtimes_dir().string() + ": " + ec.message(),
                "choose a writable store with --store DIR or XSTATIC_HOME", Exit::usage);
  ImportDir work(store.runtimes_dir());
  sysroot::extract_archive(file, work.path(), place_member, kWhat, kMakeHint);
  auto index = read_index(work.path() / kIndexName, label);
  for (const auto& [folder, digests] : index) check_folder(work.path() / folder, folder, digests, label);
  for (const auto& group : fs::directory_iterator(work.path()))
    for (const auto& dir : fs::directory_iterator(group.path(), ec))
      if (!index.count(group.path().filename().string() + "/" + dir.path().filename().string()))
        throw Error(
            label + ": " + dir.path().lexically_relative(work.path()).string() + " is not in the index",
            "the file is damaged or not made by 'xstatic runtimes export'", Exit::usage);

  std::vector<ImportedRuntime> out;
  for (const auto& [folder, digests] : index) {
    auto slash = folder.find('/');
    std::string name = folder.substr(slash + 1);
    fs::path final_dir = store.runtimes_dir() / folder;
    util::FileLock lock(lock_of(store, *parse_group(folder.substr(0, slash)), name),
                        [&] { progress.step("waiting for another xstatic that is building " + folder); });
    if (fs::exists(final_dir / store::kManifestName)) {
      out.push_back({folder, false});
      continue;
    }
    fs::remove_all(final_dir,
                   ec);  // a folder without its manifest is no runtime (builds rename whole folders)
    fs::create_directories(final_dir.parent_path());
    fs::rename(work.path() / folder, final_dir);
    out.push_back({folder, true});
  }
  progress.done("imported runtimes from " + label);
  return out;
}

}  // namespace xstatic::runtimes
