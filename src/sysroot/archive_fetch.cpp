// xstatic's own fetcher of Debian's archive, for hosts without apt (or when
// XSTATIC_FETCH=builtin asks for it). The chain of trust is apt's
// (docs/repo.md): for each suite, dists/SUITE/InRelease verified against the
// keyring compiled in (or XSTATIC_ARCHIVE_KEYRING's), its Date and
// Valid-Until checked, its Suite or Codename the one asked for; then the
// main/binary-ARCH Packages index it lists, checked by size and SHA-256;
// then each .deb, checked against its Packages entry. Nothing unchecked is
// kept: downloads are written to a temporary name in the store and renamed
// only once their hash matches. The transport is plain HTTP
// (util/http.hpp), as apt's default is.
#include <lzma.h>
#include <spdlog/spdlog.h>
#include <unistd.h>

#include <algorithm>
#include <array>
#include <cstdlib>
#include <ctime>
#include <fstream>
#include <map>
#include <memory>
#include <optional>
#include <sstream>

#include "fetch.hpp"
#include "xstatic/repo/index.hpp"
#include "xstatic/repo/openpgp.hpp"
#include "xstatic/sysroot/add.hpp"
#include "xstatic/sysroot/deb.hpp"
#include "xstatic/sysroot/mirror.hpp"
#include "xstatic/util/error.hpp"
#include "xstatic/util/files.hpp"
#include "xstatic/util/http.hpp"
#include "xstatic/util/lock.hpp"
#include "xstatic/util/scratch.hpp"
#include "xstatic/util/strings.hpp"

namespace xstatic::sysroot {
namespace {

constexpr const char* kMirrorHint =
    "check the network, or set XSTATIC_MIRROR to a reachable Debian mirror's http:// URL (the folder holding "
    "dists/ and pool/), or pass --debs DIR with the .deb files";

constexpr const char* kProxyHint =
    "check that the proxy named by http_proxy is up, or name the mirror's host in no_proxy to fetch it "
    "directly";

std::string size_text(std::uint64_t bytes) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.1f MB", static_cast<double>(bytes) / 1e6);
  return buf;
}

repo::ByteView bytes_of(std::string_view s) {
  return {reinterpret_cast<const std::uint8_t*>(s.data()), s.size()};
}

std::string archive_file_text(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

// GETs `url`, which must answer 200; the Error names the URL and the option to set.
// With `absent`, a 404 or 410 sets it and returns "" instead of throwing.
std::string fetch_bytes(const std::string& url, std::uint64_t max_body, bool* absent = nullptr) {
  util::HttpOptions o;
  o.max_body = max_body;
  util::HttpResponse r;
  try {
    r = util::http_get(url, o);
  } catch (const Error& e) {
    // A bad http_proxy has its own hint; a proxy that is down is not the mirror's fault.
    if (!e.hint().empty()) throw;
    bool proxy = std::string_view(e.what()).find("the proxy (") != std::string_view::npos;
    throw Error(e.what(), proxy ? kProxyHint : kMirrorHint, e.code());
  }
  if (absent && (r.status == 404 || r.status == 410)) {
    *absent = true;
    return {};
  }
  if (r.status == 407)  // the proxy's answer, not the mirror's
    throw Error("cannot fetch " + url + ": the proxy asks for credentials (407 " + r.reason + ")",
                "give them in http_proxy: http://USER:PASSWORD@HOST:PORT (%-escape ':' and '@' in them)",
                Exit::missing);
  if (r.status != 200)
    throw Error("cannot fetch " + url + ": the mirror answered " + std::to_string(r.status) + " " + r.reason,
                kMirrorHint, Exit::missing);
  return std::move(r.body);
}

// Writes `data` to `to` through a temporary name beside it, renamed into place.
void write_atomically(const fs::path& to, std::string_view data) {
  fs::create_directories(to.parent_path());
  util::TempPath tmp(to.parent_path() /
                     (".tmp-" + std::to_string(::getpid()) + "-" + to.filename().string()));
  {
    std::ofstream out(tmp.path(), std::ios::binary);
    out.write(data.data(), static_cast<std::streamsize>(data.size()));
    out.close();
    if (!out) {
      if (util::is_no_space(errno)) throw util::no_space_error(to, data.size());
      throw Error("cannot write " + tmp.path().string(), "check the store's permissions", Exit::failed);
    }
  }
  fs::rename(tmp.path(), to);
  tmp.keep();
}

// An xz-compressed index's bytes, uncompressed (liblzma; an empty index is
// an empty stream, which libarchive's raw reader refuses).
std::string unxz(const std::string& data, const std::string& what) {
  lzma_stream z = LZMA_STREAM_INIT;
  if (lzma_stream_decoder(&z, UINT64_MAX, 0) != LZMA_OK)
    throw Error(what + ": cannot start the xz decoder", {}, Exit::internal);
  std::unique_ptr<lzma_stream, decltype(&lzma_end)> guard(&z, lzma_end);
  z.next_in = reinterpret_cast<const std::uint8_t*>(data.data());
  z.avail_in = data.size();
  std::string out;
  std::array<std::uint8_t, 1 << 16> buf{};
  for (;;) {
    z.next_out = buf.data();
    z.avail_out = buf.size();
    lzma_ret r = lzma_code(&z, LZMA_FINISH);
    out.append(reinterpret_cast<const char*>(buf.data()), buf.size() - z.avail_out);
    if (r == LZMA_STREAM_END) return out;
    if (r != LZMA_OK)
      throw Error(what + ": cannot decompress it (xz error " + std::to_string(static_cast<int>(r)) + ")", {},
                  Exit::failed);
  }
}

const repo::Keyring& archive_keyring() {
  static const repo::Keyring* chosen = []() -> const repo::Keyring* {
    const char* file = std::getenv("XSTATIC_ARCHIVE_KEYRING");
    if (!file || !*file) return &repo::debian_archive_keyring();
    util::require_regular_file(file, "archive keyring");
    std::string data = archive_file_text(file);
    if (data.empty())
      throw Error(std::string("XSTATIC_ARCHIVE_KEYRING=") + file + " is empty or unreadable",
                  "give a binary OpenPGP keyring (gpg --export KEY > FILE), or unset it", Exit::usage);
    return new repo::Keyring(repo::parse_keyring(bytes_of(data), file));
  }();
  return *chosen;
}

// The verified Release of one suite.
repo::Release fetch_release(const ArchiveSuite& s, util::Progress& progress) {
  const std::string url = s.uri + "/dists/" + s.suite + "/InRelease";
  progress.step("fetching " + url);
  std::string signed_text = fetch_bytes(url, 64u << 20);
  std::string text = repo::verify_cleartext(signed_text, archive_keyring(), url);
  repo::Release release = repo::parse_release(text, url);
  repo::check_fresh(release, std::time(nullptr), url);
  if (release.suite != s.suite && release.codename != s.suite)
    throw Error(url + " is the Release of '" + (release.codename.empty() ? release.suite : release.codename) +
                    "', not of " + s.suite + " (a mirror serving another suite's signed file)",
                kMirrorHint, Exit::failed);
  return release;
}

// The index `base` ("main/binary-arm64/Packages", "main/source/Sources")
// that `release` lists, verified; reused from the store when a file with
// its SHA-256 is there.
std::string fetch_index(const store::Store& store, const ArchiveSuite& s, const repo::Release& release,
                        const std::string& base, util::Progress& progress) {
  for (const char* ext : {".xz", ""}) {
    const repo::IndexFile* f = release.find(base + ext);
    if (!f) continue;
    const std::string url = s.uri + "/dists/" + s.suite + "/" + f->path;
    const fs::path cached = store.archive_dir() / "indexes" / f->sha256;
    std::string data = archive_file_text(cached);
    if (data.size() != f->size || repo::sha256_hex(bytes_of(data)) != f->sha256) {
      progress.step("fetching " + url + " (" + size_text(f->size) + ")");
      data = fetch_bytes(url, f->size);
      repo::check_file(bytes_of(data), *f, url);
      write_atomically(cached, data);
    }
    return *ext ? unxz(data, url) : data;
  }
  throw Error(s.uri + " " + s.suite + " lists no " + base +
                  " index (its architectures: " + util::join(release.architectures, " ") + ")",
              kMirrorHint, Exit::missing);
}

struct ArchiveCandidate {
  repo::PackageEntry entry;
  std::size_t suite = 0;  // in ArchiveIndex::suites
};

// Every version of every package of one architecture (or "all") across
// the suites, newest first, read once per process.
struct ArchiveIndex {
  std::vector<ArchiveSuite> suites;
  std::map<std::string, std::vector<ArchiveCandidate>, std::less<>> versions;
  std::string where() const {
    std::vector<std::string> w;
    for (const auto& s : suites) w.push_back(s.uri + " " + s.suite);
    return util::join(w, ", ");
  }
};

// Called with the archive lock held (it writes the index cache).
const ArchiveIndex& archive_index(const store::Store& store, const AptSource& source,
                                  util::Progress& progress) {
  static std::map<std::string, std::unique_ptr<ArchiveIndex>> loaded;
  auto& slot = loaded[store.root().string() + "\n" + source.arch + "\n" + source.release];
  if (slot) return *slot;
  auto index = std::make_unique<ArchiveIndex>();
  index->suites = archive_suites(source.release, host_apt_entries(), MirrorChoice::from_environment());
  if (std::none_of(index->suites.begin(), index->suites.end(),
                   [](const auto& s) { return s.suite.ends_with("-security"); }))
    progress.note(
        "no security suite to fetch from (set XSTATIC_SECURITY_MIRROR): packages come without "
        "Debian's security updates");
  for (std::size_t i = 0; i < index->suites.size(); ++i) {
    const ArchiveSuite& s = index->suites[i];
    repo::Release release = fetch_release(s, progress);
    const std::string what = s.uri + " " + s.suite + " main/binary-" + source.arch + "/Packages";
    std::string text = fetch_index(store, s, release, "main/binary-" + source.arch + "/Packages", progress);
    progress.step("reading " + what);
    for (auto& e : repo::parse_packages(text, what)) {
      if (e.architecture != source.arch && e.architecture != "all") continue;
      auto& list = index->versions[e.package];
      list.push_back({std::move(e), i});
    }
  }
  for (auto& [name, list] : index->versions)  // stable: of equal versions, the first suite's
    std::stable_sort(list.begin(), list.end(), [](const auto& a, const auto& b) {
      return compare_versions(a.entry.version, b.entry.version) > 0;
    });
  slot = std::move(index);
  return *slot;
}

std::unique_ptr<util::FileLock> archive_lock(const store::Store& store, util::Progress& progress) {
  auto lock = std::make_unique<util::FileLock>(store.locks_dir() / "archive.lock", [&] {
    progress.step("waiting for another xstatic fetching Debian packages");
  });
  util::remove_leftovers(store.archive_dir() / "indexes", ".tmp-");
  util::remove_leftovers(store.archive_dir() / "debs", ".tmp-");
  return lock;
}

// "libc6 (>= 2.34), zlib1g | libz-dev, foo:any [amd64]" -> {{libc6}, {zlib1g, libz-dev}, {foo}}
std::vector<std::vector<std::string>> dependency_groups(std::string_view field) {
  std::vector<std::vector<std::string>> groups;
  for (auto group : util::split(field, ',')) {
    std::vector<std::string> alternatives;
    for (auto alt : util::split(group, '|')) {
      auto begin = alt.find_first_not_of(" \t\n");
      if (begin == std::string_view::npos) continue;
      alt.remove_prefix(begin);
      std::string_view name = alt.substr(0, alt.find_first_of(" \t\n(:[<"));
      if (!name.empty()) alternatives.emplace_back(name);
    }
    if (!alternatives.empty()) groups.push_back(std::move(alternatives));
  }
  return groups;
}

}  // namespace

namespace {

// The .deb of `entry`, from the store's cache or downloaded and checked;
// nullopt when the mirror answers 404 for it.
std::optional<fs::path> fetch_deb(const store::Store& store, const ArchiveSuite& suite,
                                  const repo::PackageEntry& entry, util::Progress& progress,
                                  const std::string& counter) {
  const std::string file = fs::path(entry.filename).filename().string();
  if (file.empty() || file.starts_with(".") || !file.ends_with(".deb"))
    throw Error(suite.uri + " " + suite.suite + " lists the file '" + entry.filename + "' for " +
                    entry.package + ", which is not a .deb",
                kMirrorHint, Exit::failed);
  const fs::path cached = store.archive_dir() / "debs" / file;
  auto sha = util::sha256_of_file(cached);
  std::error_code ec;
  if (sha && *sha == entry.sha256 && fs::file_size(cached, ec) == entry.size) return cached;
  const std::string url = suite.uri + "/" + entry.filename;
  progress.step("downloading " + counter + file + " (" + size_text(entry.size) + ")");
  bool absent = false;
  std::string data = fetch_bytes(url, entry.size, &absent);
  if (absent) return std::nullopt;
  repo::check_file(bytes_of(data), entry, url);
  write_atomically(cached, data);
  return cached;
}

}  // namespace

std::vector<fs::path> debs_from_archive(const store::Store& store, const AptSource& source,
                                        const std::vector<std::string>& packages, util::Progress& progress) {
  auto lock = archive_lock(store, progress);
  const ArchiveIndex& index = archive_index(store, source, progress);
  std::vector<fs::path> out;
  for (std::size_t i = 0; i < packages.size(); ++i) {
    auto found = index.versions.find(packages[i]);
    if (found == index.versions.end())
      throw Error("package " + packages[i] + " (" + source.arch + ") is not in " + index.where(),
                  "check the package name, or pass --debs DIR with the .deb files", Exit::missing);
    std::optional<fs::path> got;
    std::vector<std::string> lacking;
    for (const ArchiveCandidate& c : found->second) {
      got = fetch_deb(store, index.suites[c.suite], c.entry, progress,
                      "[" + std::to_string(i + 1) + "/" + std::to_string(packages.size()) + "] ");
      if (got) break;
      // A mirror may list a version whose file it lacks (its index newer
      // than its pool: seen for bullseye-security's arm64 files): the newest
      // version it has is taken, as the apt path does. Only for a missing
      // file: a file that fails its check is never replaced by another.
      lacking.push_back(c.entry.filename);
    }
    if (!got)
      throw Error("the mirror lacks every version of " + packages[i] + " (" + source.arch +
                      ") that its indexes list: " + util::join(lacking, ", "),
                  kMirrorHint, Exit::missing);
    if (!lacking.empty())
      progress.note("the archive lacks " + util::join(lacking, ", ") + ": took " + got->filename().string());
    const fs::path& cached = *got;
    out.push_back(cached);
  }
  return out;
}

std::vector<AptDepends> depends_from_archive(const store::Store& store, const AptSource& source,
                                             const std::vector<std::string>& packages,
                                             util::Progress& progress) {
  auto lock = archive_lock(store, progress);
  const ArchiveIndex& index = archive_index(store, source, progress);
  std::vector<AptDepends> out;
  for (const auto& p : packages) {
    auto found = index.versions.find(p);
    if (found == index.versions.end())
      throw Error("package " + p + " (" + source.arch + ") is not in " + index.where(),
                  "check the package name (the Debian binary package, as 'zlib1g-dev')", Exit::missing);
    AptDepends deps{p, {}};
    for (auto& group : dependency_groups(found->second.front().entry.depends)) {
      // Virtual packages (no Packages entry of their own) are dropped; a
      // group of nothing but virtual ones is not resolved (apt would pick a provider).
      std::erase_if(group, [&](const std::string& name) { return !index.versions.contains(name); });
      if (!group.empty()) deps.groups.push_back(std::move(group));
    }
    out.push_back(std::move(deps));
  }
  return out;
}

bool builtin_fetch() {
  return fetch_method() == FetchMethod::builtin;
}

namespace {

// Every version of source package `package` across the host release's
// suites, newest first (a mirror may list a version whose files it lacks).
std::vector<std::pair<repo::SourceEntry, ArchiveSuite>> source_versions(const store::Store& store,
                                                                        const std::string& package,
                                                                        util::Progress& progress) {
  const auto suites = archive_suites("", host_apt_entries(), MirrorChoice::from_environment());
  std::vector<std::pair<repo::SourceEntry, ArchiveSuite>> found;
  for (const auto& s : suites) {
    repo::Release release = fetch_release(s, progress);
    const std::string what = s.uri + " " + s.suite + " main/source/Sources";
    std::string text = fetch_index(store, s, release, "main/source/Sources", progress);
    progress.step("reading " + what);
    for (auto& e : repo::parse_sources(text, what))
      if (e.package == package) found.emplace_back(std::move(e), s);
  }
  if (found.empty())
    throw Error("source package " + package + " is not in the Sources of " + suites.front().uri + " " +
                    suites.front().suite + " and its updates",
                "check the name of the Debian source package", Exit::missing);
  std::stable_sort(found.begin(), found.end(), [](const auto& a, const auto& b) {
    return compare_versions(a.first.version, b.first.version) > 0;
  });
  return found;
}

// One file of a source package, checked, written into `dir`; nullopt when
// the mirror answers 404 for it.
std::optional<fs::path> fetch_source_file(const repo::SourceEntry& e, const ArchiveSuite& suite,
                                          const repo::IndexFile& f, const fs::path& dir,
                                          util::Progress& progress) {
  const std::string name = f.path;
  if (name.empty() || name.starts_with(".") || name.find('/') != std::string::npos)
    throw Error(
        suite.uri + " " + suite.suite + " lists the file '" + name + "' for source package " + e.package,
        kMirrorHint, Exit::failed);
  const std::string url = suite.uri + "/" + e.directory + "/" + name;
  progress.step("downloading " + name + " (" + size_text(f.size) + ")");
  bool absent = false;
  std::string data = fetch_bytes(url, f.size, &absent);
  if (absent) return std::nullopt;
  repo::check_file(bytes_of(data), f, url);
  write_atomically(dir / name, data);
  return dir / name;
}

Error no_source_version(const std::string& package, const std::vector<std::string>& tried) {
  return Error("the mirror lacks the files of every version of source package " + package +
                   " its Sources list (" + util::join(tried, ", ") + ")",
               kMirrorHint, Exit::missing);
}

}  // namespace

fs::path fetch_source_tarball(const store::Store& store, const std::string& package, const fs::path& dir,
                              util::Progress& progress) {
  auto lock = archive_lock(store, progress);
  std::vector<std::string> tried;
  for (const auto& [entry, suite] : source_versions(store, package, progress)) {
    tried.push_back(entry.version);
    for (const auto& f : entry.files)
      if (f.path.find(".orig.tar.") != std::string::npos)
        if (auto got = fetch_source_file(entry, suite, f, dir, progress)) return *got;
  }
  throw no_source_version(package, tried);
}

SourceFiles fetch_source_package(const store::Store& store, const std::string& package,
                                 const fs::path& parent, util::Progress& progress) {
  auto lock = archive_lock(store, progress);
  fs::create_directories(parent);
  std::vector<std::string> tried;
  for (const auto& [entry, suite] : source_versions(store, package, progress)) {
    tried.push_back(entry.version);
    util::TempPath tmp(parent / (".tmp-" + std::to_string(::getpid()) + "-" + package));
    fs::remove_all(tmp.path());
    fs::create_directories(tmp.path());
    std::string dsc;
    bool complete = true;
    for (const auto& f : entry.files) {
      if (!fetch_source_file(entry, suite, f, tmp.path(), progress)) {
        complete = false;
        break;
      }
      if (f.path.ends_with(".dsc")) dsc = f.path;
    }
    if (!complete) {
      progress.note("the archive lacks the files of " + package + " " + entry.version +
                    ": trying an older version");
      continue;
    }
    if (dsc.empty())
      throw Error("source package " + package + " " + entry.version + " lists no .dsc", kMirrorHint,
                  Exit::missing);
    const fs::path final_dir = parent / (package + "_" + entry.version);
    fs::remove_all(final_dir);
    fs::rename(tmp.path(), final_dir);
    tmp.keep();
    return {final_dir, final_dir / dsc, entry.version};
  }
  throw no_source_version(package, tried);
}

}  // namespace xstatic::sysroot
