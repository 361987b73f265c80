// Debian's source packages for the recipes: downloaded once through the
// private apt state (xstatic/runtimes/debian_source.hpp), kept whole (.dsc,
// orig tarballs, debian tarball) in <store>/src/pkg/<source>_<version>/, and
// unpacked per build with Debian's patches applied.
//
// apt checks every file it downloads against the Sources index, whose
// InRelease signature it checked against the host's keyring: dpkg-source
// then needs no second check of the .dsc (--no-check).
#include <algorithm>
#include <fstream>
#include <sstream>

#include "internal.hpp"
#include "xstatic/runtimes/debian_source.hpp"
#include "xstatic/sysroot/deb.hpp"
#include "xstatic/sysroot/mirror.hpp"
#include "xstatic/util/error.hpp"
#include "xstatic/util/lock.hpp"
#include "xstatic/util/process.hpp"
#include "xstatic/util/strings.hpp"

namespace xstatic::pkg::detail {
namespace {

std::string read_text(const fs::path& p) {
  std::ifstream in(p);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

std::optional<fs::path> dsc_in(const fs::path& dir) {
  std::error_code ec;
  for (const auto& e : fs::directory_iterator(dir, ec))
    if (e.path().extension() == ".dsc") return e.path();
  return std::nullopt;
}

// The versions `apt-cache showsrc` knows of `source`, newest first.
std::vector<std::string> known_versions(const std::vector<std::string>& opts, const std::string& source,
                                        const fs::path& log) {
  std::vector<std::string> argv{"apt-cache"};
  argv.insert(argv.end(), opts.begin(), opts.end());
  argv.insert(argv.end(), {"showsrc", "--only-source", source});
  util::RunOptions o;
  o.capture_stdout = true;
  o.capture_stderr = true;
  auto r = util::run(argv, o);
  std::ofstream(log, std::ios::app) << r.err;
  std::vector<std::string> versions;
  std::string package;
  for (auto line : util::split(r.out, '\n')) {
    if (line.starts_with("Package: ")) package = std::string(line.substr(9));
    if (line.starts_with("Version: ") && package == source) {
      std::string v(line.substr(9));
      if (std::find(versions.begin(), versions.end(), v) == versions.end()) versions.push_back(v);
    }
  }
  std::sort(versions.begin(), versions.end(),
            [](const std::string& a, const std::string& b) { return compare_debian_versions(a, b) > 0; });
  return versions;
}

// The newest source package of `source` already in the store.
std::optional<SourcePackage> cached(const fs::path& dir, const std::string& source) {
  std::optional<SourcePackage> best;
  std::error_code ec;
  for (const auto& e : fs::directory_iterator(dir, ec)) {
    std::string name = e.path().filename().string();
    if (!name.starts_with(source + "_")) continue;
    auto dsc = dsc_in(e.path());
    if (!dsc) continue;
    std::string version = name.substr(source.size() + 1);
    if (!best || compare_debian_versions(version, best->version) > 0)
      best = SourcePackage{e.path(), *dsc, version};
  }
  return best;
}

}  // namespace

int compare_debian_versions(std::string_view a, std::string_view b) {
  int c = sysroot::compare_versions(a, b);  // dpkg's order, as the sysroot's packages use it
  return c < 0 ? -1 : (c > 0 ? 1 : 0);
}

SourcePackage fetch_source(const store::Store& store, const std::string& source, const fs::path& log,
                           util::Progress& progress) {
  fs::path dir = store.sources_dir() / "pkg";
  fs::create_directories(dir);
  if (auto found = cached(dir, source)) return *found;
  if (sysroot::builtin_fetch()) {  // no apt: xstatic's own fetcher, verified from the archive's InRelease
    auto got = sysroot::fetch_source_package(store, source, dir, progress);
    return SourcePackage{got.dir, got.dsc, got.version};
  }
  util::FileLock lock(runtimes::source_apt_lock(store), [&] {
    progress.step("waiting for another xstatic that is downloading a source package");
  });
  if (auto found = cached(dir, source)) return *found;
  progress.step("downloading Debian's " + source + " source package through apt (once)");
  auto opts = runtimes::source_apt_options(store);
  util::RunOptions run_opts;
  run_opts.log_file = log.string();
  std::vector<std::string> update{"apt-get"};
  update.insert(update.end(), opts.begin(), opts.end());
  update.push_back("update");
  auto updated = util::run(update, run_opts);
  auto versions = known_versions(opts, source, log);
  if (versions.empty())
    throw Error("apt knows no source package '" + source + "'" +
                    (updated.exit_code != 0 ? " (updating apt's source index failed: no network?)" : ""),
                "check the network and apt's sources (/etc/apt/sources.list.d), or import packages built "
                "elsewhere with 'xstatic pkg import'",
                Exit::missing);
  for (const auto& version : versions) {
    fs::path tmp = dir / store::Store::temp_name(source);
    fs::remove_all(tmp);
    fs::create_directories(tmp);
    std::vector<std::string> get{"apt-get"};
    get.insert(get.end(), opts.begin(), opts.end());
    get.insert(get.end(), {"source", "--download-only", source + "=" + version});
    run_opts.cwd = tmp.string();
    auto r = util::run(get, run_opts);
    auto dsc = dsc_in(tmp);
    if (r.exit_code == 0 && dsc) {
      fs::path final_dir = dir / (source + "_" + version);
      fs::remove_all(final_dir);
      fs::rename(tmp, final_dir);
      return SourcePackage{final_dir, final_dir / dsc->filename(), version};
    }
    fs::remove_all(tmp);
    progress.note("Debian's " + source + " " + version + " could not be downloaded; trying an older version");
  }
  throw Error(
      "cannot download Debian's source package " + source + " (tried " + util::join(versions, ", ") + ")",
      "check the network and apt's sources; apt's output is in " + log.string(), Exit::missing);
}

void unpack_source(const SourcePackage& source, const Recipe& recipe, const fs::path& dest,
                   const fs::path& log) {
  util::RunOptions o;
  o.log_file = log.string();
  auto r =
      util::run({"dpkg-source", "--no-check", "--skip-patches", "-x", source.dsc.string(), dest.string()}, o);
  if (r.exit_code != 0)
    throw Error("cannot unpack " + source.dsc.filename().string() + " (dpkg-source exit " +
                    std::to_string(r.exit_code) + ")",
                "sudo apt-get install dpkg-dev", Exit::failed);
  fs::path series = dest / "debian/patches/series";
  if (!fs::exists(series)) return;
  std::string text = read_text(series);
  for (auto line : util::split(text, '\n')) {
    auto words = util::split(line, ' ');
    std::string name(words.empty() ? std::string_view() : words.front());
    if (name.empty() || name.starts_with("#")) continue;
    if (std::find(recipe.skip_patches.begin(), recipe.skip_patches.end(), name) != recipe.skip_patches.end())
      continue;
    o.cwd = dest.string();
    auto p = util::run(
        {"patch", "-p1", "-f", "-s", "-t", "-N", "-i", (dest / "debian/patches" / name).string()}, o);
    if (p.exit_code != 0)
      throw Error("Debian's patch " + name + " does not apply to " + recipe.source + " " + source.version, {},
                  Exit::failed);
  }
}

std::string changelog_epoch(const fs::path& tree) {
  util::RunOptions o;
  o.capture_stdout = true;
  o.capture_stderr = true;
  o.cwd = tree.string();
  auto r = util::run({"dpkg-parsechangelog", "-STimestamp"}, o);
  std::string out = r.out.substr(0, r.out.find('\n'));
  return r.exit_code == 0 && !out.empty() ? out : "0";
}

}  // namespace xstatic::pkg::detail
