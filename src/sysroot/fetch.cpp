// The private apt state (one per Debian architecture) lives in
// <store>/apt/<arch>: etc/ holds copies of the host's source lists (apt's
// own files, so no archive address is written by xstatic), lists/ and cache/
// apt's indexes, debs/ the downloaded packages. The options below point
// every piece of state apt would write at that folder and make it believe
// dpkg has nothing installed (Dir::State::status=/dev/null), so no
// `dpkg --add-architecture` and no change to the host are needed.
#include "fetch.hpp"

#include <spdlog/spdlog.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstdint>
#include <cstdlib>
#include <fstream>
#include <map>
#include <optional>
#include <sstream>
#include <system_error>

#include "xstatic/sysroot/apt.hpp"
#include "xstatic/sysroot/deb.hpp"
#include "xstatic/target/glibc_floor.hpp"
#include "xstatic/util/error.hpp"
#include "xstatic/util/lock.hpp"
#include "xstatic/util/process.hpp"
#include "xstatic/util/strings.hpp"

namespace xstatic::sysroot {
namespace {

std::string missing_hint(const std::string& pkg, const std::string& arch) {
  return "apt-get download " + pkg + ":" + arch + " into that folder, or install without --debs";
}

std::string read_text(const fs::path& p) {
  std::ifstream in(p);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

// Copies the host's source lists (the same files apt itself reads) into the
// private state; for another Debian `release` (a glibc floor), writes them
// turned into that release's suites (release_sources_list / _stanzas).
void copy_host_sources(const fs::path& etc, const std::string& release) {
  std::error_code ec;
  fs::remove_all(etc, ec);
  fs::create_directories(etc / "sources.list.d");
  auto copy = [&](const fs::path& from, const fs::path& to) {
    if (release.empty()) {
      fs::copy_file(from, to, fs::copy_options::overwrite_existing, ec);
      return;
    }
    std::string text = read_text(from);
    std::ofstream(to) << (util::ends_with(from.string(), ".sources") ? release_sources_stanzas(text, release)
                                                                     : release_sources_list(text, release));
  };
  if (fs::exists("/etc/apt/sources.list")) copy("/etc/apt/sources.list", etc / "sources.list");
  for (const auto& e : fs::directory_iterator("/etc/apt/sources.list.d", ec)) {
    auto name = e.path().filename().string();
    if (util::ends_with(name, ".list") || util::ends_with(name, ".sources"))
      copy(e.path(), etc / "sources.list.d" / name);
  }
}

}  // namespace

std::vector<std::string> private_apt_options(const fs::path& state, const std::string& arch) {
  const std::vector<std::string> settings = {
      arch.empty() ? "" : "APT::Architecture=" + arch,
      arch.empty() ? "" : "APT::Architectures=" + arch,
      "Dir::State::Lists=" + (state / "lists").string(),
      "Dir::Cache=" + (state / "cache").string(),
      "Dir::State::status=/dev/null",
      "Dir::Etc::SourceList=" + (state / "etc/sources.list").string(),
      "Dir::Etc::SourceParts=" + (state / "etc/sources.list.d").string(),
      "Debug::NoLocking=1",
      // As root, apt downloads as the _apt user, which cannot write into the store.
      ::geteuid() == 0 ? "APT::Sandbox::User=root" : "",
  };
  std::vector<std::string> o = {"-q"};
  for (const auto& s : settings)
    if (!s.empty()) o.insert(o.end(), {"-o", s});
  return o;
}

namespace {

util::RunResult apt_get(const std::vector<std::string>& options, const std::vector<std::string>& args,
                        const fs::path& cwd) {
  std::vector<std::string> argv = {"apt-get"};
  argv.insert(argv.end(), options.begin(), options.end());
  argv.insert(argv.end(), args.begin(), args.end());
  util::RunOptions ro;
  ro.capture_stdout = true;
  ro.capture_stderr = true;
  ro.cwd = cwd.string();
  spdlog::debug("{}", util::shell_join(argv));
  auto r = util::run(argv, ro);
  if (r.exit_code != 0) spdlog::debug("apt-get exited with {}: {}", r.exit_code, r.err);
  return r;
}

// Indexes older than a day are refreshed, so security updates are picked up.
bool lists_fresh(const fs::path& lists) {
  std::error_code ec;
  auto now = fs::file_time_type::clock::now();
  for (const auto& e : fs::directory_iterator(lists, ec))
    if (e.path().filename().string().find("_Packages") != std::string::npos &&
        now - e.last_write_time(ec) < std::chrono::hours(24))
      return true;
  return false;
}

struct Candidate {
  std::string file;     // the .deb's file name
  std::uintmax_t size;  // its size, to spot a download cut short
};

// Lines of `apt-get download --print-uris`: 'URI' FILE SIZE SHA256:HEX
std::vector<Candidate> parse_print_uris(const std::string& out) {
  std::vector<Candidate> files;
  for (auto line : util::split(out, '\n')) {
    if (!util::starts_with(line, "'")) continue;
    auto fields = util::split(line, ' ');
    if (fields.size() >= 3) files.push_back({std::string(fields[1]), std::stoull(std::string(fields[2]))});
  }
  return files;
}

// The package apt complains about in "E: Unable to locate package X" and similar.
std::string apt_error(const std::string& err) {
  for (auto line : util::split(err, '\n'))
    if (util::starts_with(line, "E: ")) return std::string(line.substr(3));
  return err.empty() ? "apt-get failed" : err;
}

// Why `apt-get update` failed, first: its first fetch warning ("W: Failed to
// fetch URL  Temporary failure resolving ...") says more than its closing "E:".
std::string update_error(const util::RunResult& r) {
  for (auto line : util::split(r.err, '\n'))
    if (util::starts_with(line, "W: Failed to fetch") || util::starts_with(line, "Err:")) {
      auto rest = line.substr(line.find(' ') + 1);
      return std::string(rest.substr(std::min(rest.find_first_not_of(' '), rest.size())));
    }
  return apt_error(r.err);
}

// What to say when apt could not find or fetch a package: when the index
// update failed, that is the cause (apt's own "Unable to locate package" only
// says the index it has does not list it).
// apt-get update exits 0 when fetches fail ("W: Some index files failed to
// download. They have been ignored, or old ones used instead.").
bool update_failed(const util::RunResult& r) {
  return r.exit_code != 0 || r.err.find("W: Failed to fetch") != std::string::npos ||
         r.err.find("W: Some index files failed") != std::string::npos;
}

Error apt_failure(const std::string& what, const std::string& apt_said, const util::RunResult* update) {
  if (update && update_failed(*update))
    return Error(what + ": updating apt's package index failed (" + update_error(*update) +
                     "), so apt said: " + apt_said,
                 "check the network and apt's sources (/etc/apt/sources.list.d; 'apt-get update' shows the "
                 "same), or pass --debs DIR with the .deb files",
                 Exit::missing);
  return Error(what + ": " + apt_said,
               "check that apt works ('apt-get update'), or pass --debs DIR with the .deb files",
               Exit::missing);
}

// A mirror may list a version whose file it lacks (its index newer than its
// pool: seen here for bullseye-security's arm64 glibc). Then the newest
// other version apt knows and the mirror has is taken, in place of failing.
std::optional<Candidate> older_version(const std::vector<std::string>& options, const fs::path& debs,
                                       const std::string& wanted, const std::string& failed_file) {
  std::vector<std::string> argv = {"apt-cache"};
  argv.insert(argv.end(), options.begin(), options.end());
  argv.insert(argv.end(), {"madison", wanted});
  util::RunOptions ro;
  ro.capture_stdout = true;
  ro.capture_stderr = true;
  auto madison = util::run(argv, ro);
  for (auto line : util::split(madison.out, '\n')) {  // "pkg | version | source"
    auto fields = util::split(line, '|');
    if (fields.size() < 3) continue;
    std::string_view v = fields[1];
    v.remove_prefix(std::min(v.find_first_not_of(' '), v.size()));
    std::string version(v.substr(0, v.find(' ')));
    auto uris =
        parse_print_uris(apt_get(options, {"download", "--print-uris", wanted + "=" + version}, debs).out);
    if (uris.empty() || uris[0].file == failed_file) continue;
    std::error_code ec;
    if (apt_get(options, {"download", wanted + "=" + version}, debs).exit_code == 0 &&
        fs::file_size(debs / uris[0].file, ec) == uris[0].size && !ec)
      return uris[0];
  }
  return std::nullopt;
}

}  // namespace

std::vector<fs::path> debs_from_folder(const fs::path& dir, const std::string& arch,
                                       const std::vector<std::string>& packages) {
  std::error_code ec;
  if (!fs::is_directory(dir, ec))
    throw Error("--debs " + dir.string() + " is not a folder", "give a folder holding .deb files",
                Exit::usage);
  std::map<std::string, std::pair<std::string, fs::path>> best;  // name -> (version, file)
  std::vector<fs::path> files;
  for (const auto& e : fs::directory_iterator(dir))
    if (e.path().extension() == ".deb") files.push_back(e.path());
  std::sort(files.begin(), files.end());
  for (const auto& file : files) {
    auto info = read_deb_control(file);
    if (info.architecture != arch && info.architecture != "all") continue;
    auto it = best.find(info.name);
    if (it == best.end() || compare_versions(info.version, it->second.first) > 0)
      best[info.name] = {info.version, file};
  }
  std::vector<fs::path> out;
  for (const auto& pkg : packages) {
    auto it = best.find(pkg);
    if (it == best.end())
      throw Error("package " + pkg + " (" + arch + ") is missing: no " + pkg + "_*_" + arch + ".deb in " +
                      dir.string(),
                  missing_hint(pkg, arch), Exit::missing);
    out.push_back(it->second.second);
  }
  return out;
}

namespace {

// apt's private state for one architecture (and Debian release) in the
// store, locked while held: its folders, the host's sources (or those turned
// into the release's), and the options that point apt at it.
struct PrivateApt {
  fs::path dir;
  util::FileLock lock;
  std::vector<std::string> options;

  PrivateApt(const store::Store& store, const AptSource& source, util::Progress& progress)
      : dir(store.apt_state(source.arch, source.release)),
        lock(store.locks_dir() / ("apt-" + dir.filename().string() + ".lock"),
             [&] { progress.step("waiting for another apt run for " + dir.filename().string()); }) {
    for (const char* sub : {"lists/partial", "cache/archives/partial", "debs"})
      fs::create_directories(dir / sub);
    copy_host_sources(dir / "etc", sources_release(source.release, read_text("/etc/os-release")));
    options = private_apt_options(dir, source.arch);
  }
};

}  // namespace

AptSource apt_source_of(const target::Target& t) {
  return {std::string(t.row->debian_arch), t.glibc ? std::string(t.glibc->debian) : std::string()};
}

std::vector<fs::path> debs_from_apt(const store::Store& store, const AptSource& source,
                                    const std::vector<std::string>& packages, util::Progress& progress) {
  const std::string arch = source.release.empty() ? source.arch : source.arch + " (" + source.release + ")";
  if (!util::find_program("apt-get"))
    throw Error("apt-get is not available to fetch the " + arch + " packages",
                "download the .deb files elsewhere and pass --debs DIR", Exit::missing);
  PrivateApt apt(store, source, progress);
  const fs::path& dir = apt.dir;
  const auto& options = apt.options;

  std::vector<std::string> wanted;
  for (const auto& p : packages) wanted.push_back(p + ":" + source.arch);
  std::vector<std::string> print = {"download", "--print-uris"};
  print.insert(print.end(), wanted.begin(), wanted.end());

  std::optional<util::RunResult> updated;
  auto update = [&] {
    progress.step("updating the package index for " + arch);
    // A third-party source without this architecture fails alone; apt still
    // writes the indexes of the others, and the next step reports what is missing.
    updated = apt_get(options, {"update"}, dir);
  };
  if (!lists_fresh(dir / "lists")) update();
  auto uris = apt_get(options, print, dir);
  if (uris.exit_code != 0 && !updated) {
    update();
    uris = apt_get(options, print, dir);
  }
  // apt prints them in its own order; a .deb's file name starts with "<package>_".
  std::vector<Candidate> names;
  for (const auto& p : packages)
    for (const auto& c : parse_print_uris(uris.out))
      if (c.file.starts_with(p + "_")) names.push_back(c);
  if (uris.exit_code != 0 || names.size() != packages.size())
    throw apt_failure("cannot fetch the " + arch + " packages " + util::join(packages, ", "),
                      apt_error(uris.err), updated ? &*updated : nullptr);

  std::vector<std::string> to_download;
  std::error_code ec;
  for (std::size_t i = 0; i < names.size(); ++i)
    if (fs::file_size(dir / "debs" / names[i].file, ec) != names[i].size || ec)
      to_download.push_back(wanted[i]);
  if (!to_download.empty()) {
    progress.step("downloading " + std::to_string(to_download.size()) + " packages for " + arch);
    std::vector<std::string> args = {"download"};
    args.insert(args.end(), to_download.begin(), to_download.end());
    auto r = apt_get(options, args, dir / "debs");
    for (std::size_t i = 0; r.exit_code != 0 && i < names.size(); ++i) {
      if (fs::file_size(dir / "debs" / names[i].file, ec) == names[i].size && !ec) continue;
      auto older = older_version(options, dir / "debs", wanted[i], names[i].file);
      if (!older)
        throw Error("cannot download " + util::join(to_download, " ") + ": " + apt_error(r.err),
                    "check the network and 'apt-get update', or pass --debs DIR", Exit::missing);
      progress.note("the archive lacks " + names[i].file + " (" + apt_error(r.err) + "): took " +
                    older->file);
      names[i] = *older;
    }
  }
  std::vector<fs::path> out;
  for (const auto& n : names) out.push_back(dir / "debs" / n.file);
  return out;
}

std::string apt_depends(const store::Store& store, const AptSource& source,
                        const std::vector<std::string>& packages, util::Progress& progress) {
  const std::string& arch = source.arch;
  if (!util::find_program("apt-cache"))
    throw Error("apt-cache is not available to resolve the " + arch + " packages",
                "name every package yourself and pass --debs DIR", Exit::missing);
  PrivateApt apt(store, source, progress);
  std::optional<util::RunResult> updated;
  if (!lists_fresh(apt.dir / "lists")) {
    progress.step("updating the package index for " + arch);
    updated = apt_get(apt.options, {"update"}, apt.dir);
  }
  std::vector<std::string> argv = {"apt-cache"};
  argv.insert(argv.end(), apt.options.begin(), apt.options.end());
  argv.insert(argv.end(), {"depends", "--no-recommends", "--no-suggests", "--no-conflicts", "--no-breaks",
                           "--no-replaces", "--no-enhances"});
  for (const auto& p : packages) argv.push_back(p + ":" + arch);
  util::RunOptions ro;
  ro.capture_stdout = true;
  ro.capture_stderr = true;
  spdlog::debug("{}", util::shell_join(argv));
  auto r = util::run(argv, ro);
  if (r.exit_code != 0 && updated && update_failed(*updated))
    throw apt_failure("cannot resolve the " + arch + " packages " + util::join(packages, ", "),
                      apt_error(r.err), &*updated);
  if (r.exit_code != 0)
    throw Error(
        "cannot resolve the " + arch + " packages " + util::join(packages, ", ") + ": " + apt_error(r.err),
        "check the package names ('apt-cache search NAME') and that apt works", Exit::missing);
  return r.out;
}

FetchMethod fetch_method() {
  const char* v = std::getenv("XSTATIC_FETCH");
  std::string_view m = v ? v : "";
  if (m == "apt") return FetchMethod::apt;
  if (m == "builtin") return FetchMethod::builtin;
  if (!m.empty() && m != "auto")
    throw Error("XSTATIC_FETCH=" + std::string(m) + " is not a way to fetch packages",
                "set XSTATIC_FETCH to auto, apt or builtin", Exit::usage);
  return util::find_program("apt-get") ? FetchMethod::apt : FetchMethod::builtin;
}

std::vector<fs::path> fetch_debs(const store::Store& store, const AptSource& source,
                                 const std::vector<std::string>& packages, util::Progress& progress) {
  return fetch_method() == FetchMethod::apt ? debs_from_apt(store, source, packages, progress)
                                            : debs_from_archive(store, source, packages, progress);
}

}  // namespace xstatic::sysroot
