// LLVM's source from Debian: the llvm-toolchain-<major> source package's orig
// tarball, fetched with `apt-get source --download-only` through a private
// apt state (<store>/apt/source/) so that the host's apt is never touched.
//
// The host usually lists only binary ("deb") archives, so the private
// sources are the host's own entries turned into "deb-src" ones: the same
// archive, suites, components and keyring, read from /etc/apt at run time.
// See sources.list(5) for both formats (one-line and deb822).

#include <fstream>
#include <sstream>

#include "internal.hpp"
#include "xstatic/runtimes/debian_source.hpp"
#include "xstatic/sysroot/apt.hpp"
#include "xstatic/sysroot/mirror.hpp"
#include "xstatic/util/error.hpp"
#include "xstatic/util/lock.hpp"
#include "xstatic/util/process.hpp"
#include "xstatic/util/strings.hpp"

namespace xstatic::runtimes::detail {
namespace {

std::string read_file(const fs::path& p) {
  std::ifstream in(p);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

void write_file(const fs::path& p, const std::string& text) {
  std::ofstream out(p, std::ios::trunc);
  out << text;
  if (!out) throw Error("cannot write " + p.string(), "check that the store is writable", Exit::internal);
}

bool has_suffix(const fs::path& p, std::string_view suffix) {
  return util::ends_with(p.filename().string(), suffix);
}

}  // namespace

// Writes the private sources (sources.list + sources.list.d/*.sources) for apt.
// On a host of another Debian release (bullseye, trixie) its suites are
// renamed to bookworm's first (sysroot::sources_release), as for the
// sysroots' packages: the recipes and runtimes name bookworm's sources.
void write_private_sources(const fs::path& etc) {
  fs::create_directories(etc / "sources.list.d");
  const std::string release = sysroot::sources_release({}, read_file("/etc/os-release"));
  auto list_of = [&](const std::string& text) {
    return deb_src_list(release.empty() ? text : sysroot::release_sources_list(text, release));
  };
  auto stanzas_of = [&](const std::string& text) {
    return deb_src_stanzas(release.empty() ? text : sysroot::release_sources_stanzas(text, release));
  };
  std::string list;
  if (fs::exists("/etc/apt/sources.list")) list += list_of(read_file("/etc/apt/sources.list"));
  std::error_code ec;
  for (const auto& e : fs::directory_iterator("/etc/apt/sources.list.d", ec)) {
    if (has_suffix(e.path(), ".list")) list += list_of(read_file(e.path()));
    if (has_suffix(e.path(), ".sources"))
      write_file(etc / "sources.list.d" / e.path().filename(), stanzas_of(read_file(e.path())));
  }
  write_file(etc / "sources.list", list);
}

namespace {

std::optional<fs::path> cached_tarball(const fs::path& dir, const std::string& package) {
  std::string prefix = package + "_";
  std::error_code ec;
  for (const auto& e : fs::directory_iterator(dir, ec)) {
    std::string name = e.path().filename().string();
    if (name.starts_with(prefix) && name.find(".orig.tar.") != std::string::npos) return e.path();
  }
  return std::nullopt;
}

}  // namespace

std::string deb_src_list(std::string_view text) {
  std::string out;
  for (auto line : util::split(text, '\n')) {
    auto first = line.find_first_not_of(" \t");
    if (first == std::string_view::npos) continue;
    line = line.substr(first);
    if (line.starts_with("deb ") || line.starts_with("deb\t"))
      out += "deb-src" + std::string(line.substr(3)) + "\n";
  }
  return out;
}

std::string deb_src_stanzas(std::string_view text) {
  std::string out, stanza;
  bool binary = false, enabled = true;
  auto flush = [&] {
    if (binary && enabled && !stanza.empty()) out += stanza + "\n";
    stanza.clear();
    binary = false;
    enabled = true;
  };
  for (auto line : util::split(text, '\n')) {
    if (line.find_first_not_of(" \t\r") == std::string_view::npos) {
      flush();
      continue;
    }
    if (line.starts_with("#")) continue;
    std::string lower = util::to_lower(line);
    if (lower.starts_with("types:")) {
      for (auto word : util::split(line.substr(6), ' '))
        if (word == "deb") binary = true;
      stanza += "Types: deb-src\n";
      continue;
    }
    if (lower.starts_with("enabled:") && lower.find("no") != std::string::npos) enabled = false;
    stanza += std::string(line) + "\n";
  }
  flush();
  return out;
}

fs::path fetch_debian_source(const store::Store& store, const DebianSource& what, const fs::path& log,
                             util::Progress& progress) {
  fs::path src_dir = store.sources_dir();
  fs::create_directories(src_dir);
  if (auto cached = cached_tarball(src_dir, what.package)) return *cached;

  // No apt (or XSTATIC_FETCH=builtin): xstatic's own fetcher, verified from the archive's InRelease.
  if (sysroot::builtin_fetch()) return sysroot::fetch_source_tarball(store, what.package, src_dir, progress);
  // One private apt state for every source package: one apt at a time in it.
  util::FileLock lock(source_apt_lock(store));
  if (auto cached = cached_tarball(src_dir, what.package)) return *cached;
  progress.step("downloading Debian's " + what.package + " source package through apt (once, " + what.size +
                ")");
  auto opts = source_apt_options(store);
  util::RunOptions run_opts;
  run_opts.log_file = log.string();

  // A host entry without deb-src on its server makes update fail for that
  // entry only; what matters is whether the source package can be fetched.
  std::vector<std::string> update{"apt-get"};
  update.insert(update.end(), opts.begin(), opts.end());
  update.push_back("update");
  util::run(update, run_opts);

  fs::path tmp = src_dir / store::Store::temp_name("download-" + what.package);
  fs::remove_all(tmp);
  fs::create_directories(tmp);
  std::vector<std::string> source{"apt-get"};
  source.insert(source.end(), opts.begin(), opts.end());
  source.insert(source.end(), {"source", "--download-only", what.package});
  run_opts.cwd = tmp.string();
  auto r = util::run(source, run_opts);
  auto tarball = cached_tarball(tmp, what.package);
  if (r.exit_code != 0 || !tarball) {
    fs::remove_all(tmp);
    throw Error("cannot download Debian's source package " + what.package + " (" + what.purpose +
                    "); apt's output (its index update's too) is in " + log.string(),
                "check the network and apt's sources, or pass the source with " + what.option, Exit::missing);
  }
  fs::path final_path = src_dir / tarball->filename();
  fs::rename(*tarball, final_path);
  fs::remove_all(tmp);
  return final_path;
}

}  // namespace xstatic::runtimes::detail

namespace xstatic::runtimes {

fs::path source_apt_lock(const store::Store& store) {
  return store.locks_dir() / "apt-source.lock";
}

std::vector<std::string> source_apt_options(const store::Store& store) {
  fs::path state = store.apt_dir() / "source";
  for (const char* sub : {"lists/partial", "cache/archives/partial"}) fs::create_directories(state / sub);
  detail::write_private_sources(state / "etc");
  return sysroot::private_apt_options(state);
}

}  // namespace xstatic::runtimes
