// See xstatic/release/folders.hpp.
#include "xstatic/release/folders.hpp"

#include <signal.h>
#include <unistd.h>

#include <cerrno>
#include <cstdlib>
#include <cstring>

#include "xstatic/util/error.hpp"

namespace xstatic::release {

Staging::Staging(fs::path dist) : dist_(std::move(dist)) {
  std::error_code ec;
  fs::create_directories(dist_.parent_path(), ec);
  if (ec)
    throw Error("cannot create " + dist_.parent_path().string() + " for the dist folder: " + ec.message(),
                "pass --dist DIR in a folder you can write", Exit::usage);
  std::string prefix = "." + dist_.filename().string() + ".tmp-";
  remove_stale(prefix);
  std::string tmpl = (dist_.parent_path() / (prefix + std::to_string(::getpid()) + "-XXXXXX")).string();
  if (!mkdtemp(tmpl.data()))
    throw Error("cannot create a folder beside " + dist_.string() + ": " + std::strerror(errno),
                "pass --dist DIR in a folder you can write", Exit::usage);
  dir_ = tmpl;
  // mkdtemp makes it 0700; the dist folder is as readable as any other.
  fs::permissions(dir_, fs::perms::owner_all | fs::perms::group_read | fs::perms::group_exec |
                            fs::perms::others_read | fs::perms::others_exec);
}

Staging::~Staging() {
  std::error_code ec;
  if (!dir_.empty()) fs::remove_all(dir_, ec);
}

void Staging::commit() {
  fs::path old;
  if (fs::exists(dist_)) {
    old = dir_.string() + "-old";
    fs::rename(dist_, old);
  }
  fs::rename(dir_, dist_);
  dir_.clear();
  std::error_code ec;
  if (!old.empty()) fs::remove_all(old, ec);
}

void Staging::remove_stale(const std::string& prefix) const {
  std::error_code ec;
  for (const auto& e : fs::directory_iterator(dist_.parent_path(), ec)) {
    std::string f = e.path().filename().string();
    if (!f.starts_with(prefix)) continue;
    std::string rest = f.substr(prefix.size());
    auto dash = rest.find('-');
    if (dash == 0 || dash == std::string::npos ||
        rest.find_first_not_of("0123456789") != dash)  // not ours (or an older xstatic's, pid unknown)
      continue;
    auto pid = static_cast<pid_t>(std::atol(rest.c_str()));
    if (pid > 0 && ::kill(pid, 0) != 0 && errno == ESRCH) fs::remove_all(e.path(), ec);
  }
}

// A path as the file system resolves it (symlinks, ".", "..", no trailing slash).
fs::path resolved(const fs::path& p) {
  std::error_code ec;
  auto out = fs::weakly_canonical(fs::absolute(p), ec);
  if (ec) out = fs::absolute(p).lexically_normal();
  return out.has_filename() || out == out.root_path() ? out : out.parent_path();
}

void check_dist(const fs::path& dist, const Config& config) {
  // First: a release replaces the dist folder, so one that holds the project
  // (--dist ., --dist .., a symlink to it) would build and then fail to rename.
  auto rel = resolved(config.project_dir).lexically_relative(resolved(dist));
  if (!rel.empty() && *rel.begin() != "..")
    throw Error("the dist folder " + dist.string() + " contains the project",
                "pass --dist DIR outside the sources", Exit::usage);
  if (!fs::exists(dist)) return;
  if (!fs::is_directory(dist))
    throw Error("the dist folder " + dist.string() + " is a file", "remove it or pass --dist DIR",
                Exit::usage);
  bool empty = fs::directory_iterator(dist) == fs::directory_iterator();
  if (!empty && !fs::exists(dist / "artifacts.json"))
    throw Error("the dist folder " + dist.string() + " holds files that no release wrote (no artifacts.json)",
                "remove it, or pass --dist DIR (the folder is replaced by each release)", Exit::usage);
}

// True when `inner` is `outer` or lies below it, both as the file system resolves them.
namespace {
bool within(const fs::path& inner, const fs::path& outer) {
  auto rel = resolved(inner).lexically_relative(resolved(outer));
  return !rel.empty() && *rel.begin() != "..";
}
}  // namespace

void check_build_root(const fs::path& build_root, const fs::path& dist, const Config& config) {
  if (within(config.project_dir, build_root))
    throw Error("the build folder " + build_root.string() + " contains the project (" +
                    config.project_dir.string() + "): each target's copy of the sources would copy itself",
                "pass --build-dir DIR that is not the project or above it, or leave it out (default: "
                ".xstatic/release in the project)",
                Exit::usage);
  if (within(build_root, dist))
    throw Error("the build folder " + build_root.string() + " is inside the dist folder " + dist.string() +
                    ", which each release replaces",
                "pass --build-dir DIR outside the dist folder", Exit::usage);
}

}  // namespace xstatic::release
