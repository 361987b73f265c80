// The inner launcher: see xstatic/driver/launcher.hpp.
#include "xstatic/driver/launcher.hpp"

#include <sys/stat.h>
#include <unistd.h>

#include <array>

#include "xstatic/util/error.hpp"
#include "xstatic/util/process.hpp"

namespace xstatic::driver {
namespace {

struct Engine {
  Launcher id;
  std::string_view name;     // program and value of --launcher
  std::string_view package;  // Debian package that installs it
  bool remote;               // the compiler runs on another machine: name it as the worker will
};

// clang-format off
constexpr Engine kEngines[] = {
  {Launcher::ccache,  "ccache",  "ccache",  false},
  {Launcher::distcc,  "distcc",  "distcc",  true},
  {Launcher::icecc,   "icecc",   "icecc",   true},
  {Launcher::none,    "none",    "",        false},
  {Launcher::sccache, "sccache", "sccache", false},
};
// clang-format on

const Engine& engine(Launcher l) {
  static constexpr Engine kNone{Launcher::none, "none", "", false};
  for (const auto& e : kEngines)
    if (e.id == l) return e;
  return kNone;
}

bool same_file(const std::string& a, const std::string& b) {
  struct stat sa{}, sb{};
  return ::stat(a.c_str(), &sa) == 0 && ::stat(b.c_str(), &sb) == 0 && sa.st_dev == sb.st_dev &&
         sa.st_ino == sb.st_ino;
}

// "platform:path=target" -> "path"; a plain path stays as it is.
std::string_view environment_path(std::string_view entry) {
  if (auto eq = entry.rfind('='); eq != std::string_view::npos) entry = entry.substr(0, eq);
  auto colon = entry.find(':');
  if (colon != std::string_view::npos && entry.substr(0, colon).find('/') == std::string_view::npos)
    entry = entry.substr(colon + 1);
  return entry;
}

bool is_tarball_name(std::string_view path) {
  constexpr std::array<std::string_view, 5> kSuffixes = {".tar.gz", ".tar.bz2", ".tar.xz", ".tar.zst",
                                                         ".tgz"};
  for (auto s : kSuffixes)
    if (path.ends_with(s)) return true;
  return false;
}

}  // namespace

std::optional<std::string> icecc_environment_problem(std::string_view icecc_version) {
  while (!icecc_version.empty()) {
    auto comma = icecc_version.find(',');
    auto entry = icecc_version.substr(0, comma);
    icecc_version = comma == std::string_view::npos ? std::string_view() : icecc_version.substr(comma + 1);
    auto path = std::string(environment_path(entry));
    struct stat st{};
    if (path.empty()) return "ICECC_VERSION has an entry without a path: '" + std::string(entry) + "'";
    if (::stat(path.c_str(), &st) != 0)
      return "icecream's environment " + path + " (ICECC_VERSION) does not exist";
    if (!S_ISREG(st.st_mode) || ::access(path.c_str(), R_OK) != 0)
      return "icecream's environment " + path + " (ICECC_VERSION) is not a readable file";
    if (!is_tarball_name(path))
      return "icecream's environment " + path +
             " (ICECC_VERSION) is not a tarball (.tar.gz, .tar.bz2, .tar.xz, .tar.zst)";
  }
  return std::nullopt;
}

void check_icecc_environment(const std::string& clang) {
  auto value = util::getenv_nonempty("ICECC_VERSION");
  if (!value) return;
  if (auto problem = icecc_environment_problem(*value))
    throw Error(*problem,
                "make one with `icecc-create-env --clang " + clang +
                    "` and export ICECC_VERSION=$PWD/<the .tar.gz it names>, or unset ICECC_VERSION",
                Exit::missing);
}

std::optional<Launcher> parse_launcher(std::string_view name) {
  for (const auto& e : kEngines)
    if (e.name == name) return e.id;
  return std::nullopt;
}

std::string_view launcher_name(Launcher l) {
  return engine(l).name;
}

Launcher launcher_choice(const std::optional<std::string>& option) {
  auto value = option ? option : util::getenv_nonempty("XSTATIC_LAUNCHER");
  if (!value) return Launcher::none;
  if (auto l = parse_launcher(*value)) return *l;
  throw Error("unknown launcher '" + *value + "'" + (option ? " in --launcher" : " in XSTATIC_LAUNCHER"),
              "use ccache, sccache, distcc, icecc or none", Exit::usage);
}

std::string find_launcher(Launcher l) {
  const auto& e = engine(l);
  if (auto found = util::find_program(std::string(e.name))) return *found;
  throw Error("the launcher '" + std::string(e.name) + "' is not installed (not found on PATH)",
              "sudo apt-get install " + std::string(e.package) + ", or unset XSTATIC_LAUNCHER",
              Exit::missing);
}

std::vector<std::string> wrap_command(std::vector<std::string> cmd, Launcher l,
                                      const std::string& launcher_path) {
  if (l == Launcher::none || cmd.empty()) return cmd;
  // distcc adds `-target <its own host triple>` to a clang command that has
  // no "-target" word (it does not read --target=), and that wins: the worker
  // would build an object for distcc's host. Checked: x86_64 objects in an
  // arm64 build (tests/integration/driver_distcc.sh).
  if (l == Launcher::distcc)
    for (std::size_t i = 0; i < cmd.size(); ++i)
      if (cmd[i].starts_with("--target=")) {
        std::string triple = cmd[i].substr(9);
        cmd[i] = "-target";
        cmd.insert(cmd.begin() + static_cast<std::ptrdiff_t>(i) + 1, triple);
        break;
      }
  if (engine(l).remote) {
    auto slash = cmd.front().rfind('/');
    if (slash != std::string::npos) {
      std::string base = cmd.front().substr(slash + 1);
      if (auto on_path = util::find_program(base); on_path && same_file(*on_path, cmd.front()))
        cmd.front() = base;
    }
  }
  cmd.insert(cmd.begin(), launcher_path);
  return cmd;
}

}  // namespace xstatic::driver
