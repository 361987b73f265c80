#include "xstatic/release/version.hpp"

#include <cctype>

#include "xstatic/release/config.hpp"
#include "xstatic/util/error.hpp"
#include "xstatic/util/process.hpp"

namespace xstatic::release {
namespace {

std::optional<std::string> git(const std::filesystem::path& dir, std::vector<std::string> args) {
  if (!util::find_program("git")) return std::nullopt;
  args.insert(args.begin(), {"git", "-C", dir.string()});
  util::RunOptions options;
  options.capture_stdout = true;
  options.capture_stderr = true;
  auto result = util::run(args, options);
  if (result.exit_code != 0) return std::nullopt;
  while (!result.out.empty() && std::isspace(static_cast<unsigned char>(result.out.back())))
    result.out.pop_back();
  if (result.out.empty()) return std::nullopt;
  return result.out;
}

}  // namespace

std::string version_from_tag(const std::string& tag) {
  if (tag.size() > 1 && tag[0] == 'v' && std::isdigit(static_cast<unsigned char>(tag[1])))
    return tag.substr(1);
  return tag;
}

std::string resolve_version(const std::filesystem::path& project_dir,
                            const std::optional<std::string>& explicit_version,
                            const std::optional<std::string>& file_version, bool snapshot) {
  if (explicit_version) {
    check_version(*explicit_version, "--version");
    return *explicit_version;
  }
  if (file_version && !snapshot) return *file_version;
  if (snapshot) {
    std::string base = file_version.value_or(
        version_from_tag(git(project_dir, {"describe", "--tags", "--abbrev=0"}).value_or("0.0.0")));
    auto commit = git(project_dir, {"rev-parse", "--short", "HEAD"});
    return base + "-SNAPSHOT" + (commit ? "-" + *commit : "");
  }
  auto described = git(project_dir, {"describe", "--tags"});
  if (!described)
    throw Error(
        "no version: " + project_dir.string() + " has no git tag and the release file sets no 'version'",
        "tag the commit (git tag v1.0.0), pass --version 1.0.0, or pass --snapshot for untagged work",
        Exit::usage);
  std::string version = version_from_tag(*described);
  check_version(version, "git describe --tags");
  return version;
}

std::int64_t resolve_source_date_epoch(const std::filesystem::path& project_dir) {
  if (auto env = util::getenv_nonempty("SOURCE_DATE_EPOCH")) {
    try {
      std::size_t used = 0;
      long long value = std::stoll(*env, &used);
      if (used == env->size() && value >= 0) return value;
    } catch (const std::exception&) {
    }
    throw Error("SOURCE_DATE_EPOCH='" + *env + "' is not a number of seconds",
                "set it to a Unix time (git log -1 --format=%ct) or unset it", Exit::usage);
  }
  if (auto time = git(project_dir, {"log", "-1", "--format=%ct"})) return std::stoll(*time);
  return 315532800;
}

}  // namespace xstatic::release
