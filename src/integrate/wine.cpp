// Finding wine and making its prefix (see include/xstatic/integrate/wine.hpp).
#include "xstatic/integrate/wine.hpp"

#include <cstdio>
#include <functional>

#include "xstatic/util/error.hpp"
#include "xstatic/util/lock.hpp"
#include "xstatic/util/process.hpp"

namespace xstatic::integrate {
namespace {

namespace fs = std::filesystem;

bool is_executable(const fs::path& p) {
  std::error_code ec;
  return fs::is_regular_file(p, ec);
}

std::string wineserver_beside(const std::string& loader) {
  fs::path beside = fs::path(loader).parent_path() / "wineserver";
  return is_executable(beside) ? beside.string() : "wineserver";
}

}  // namespace

// Debian's layout first (it tells 32 from 64 bits), then PATH.
std::optional<std::string> find_wine(bool is_64bit, const std::filesystem::path& debian_dir) {
  fs::path debian = debian_dir / (is_64bit ? "wine64" : "wine");
  if (is_executable(debian)) return debian.string();
  if (is_executable(debian_dir / "wine64")) return std::nullopt;  // Debian without wine32
  return util::find_program(is_64bit ? "wine64" : "wine");
}

Wine wine_for(const target::Target& t, const store::Store& store, const std::filesystem::path& debian_dir) {
  auto loader = find_wine(t.row->is_64bit, debian_dir);
  if (!loader) {
    if (t.row->is_64bit)
      throw Error("wine is not installed (it runs " + t.go_name() + " programs here)",
                  "sudo apt-get install wine wine64", Exit::missing);
    throw Error(
        "wine32 is not installed (it runs " + t.go_name() +
            " programs here; wine64 alone runs them as nothing)",
        "sudo dpkg --add-architecture i386 && sudo apt-get update && sudo apt-get install wine32:i386",
        Exit::missing);
  }
  Wine wine;
  wine.loader = *loader;
  auto user_prefix = util::getenv_nonempty("WINEPREFIX");
  wine.prefix = user_prefix ? fs::path(*user_prefix) : store.wine_prefix();
  wine.env.push_back("WINEPREFIX=" + wine.prefix.string());
  // The user's own WINEDEBUG (to debug a program) wins.
  if (!util::getenv_nonempty("WINEDEBUG")) wine.env.emplace_back("WINEDEBUG=-all");
  return wine;
}

void ensure_wine_prefix(const Wine& wine, const store::Store& store) {
  auto ready = [&] { return fs::exists(wine.prefix / "system.reg"); };
  if (ready()) return;
  // One lock per prefix: suites and users with prefixes of their own do not wait on each other.
  char name[40];
  std::snprintf(name, sizeof name, "wine-%016zx.lock", std::hash<std::string>{}(wine.prefix.string()));
  util::FileLock lock(store.locks_dir() / name);
  if (ready()) return;
  std::error_code ec;
  fs::create_directories(wine.prefix, ec);
  util::RunOptions options;
  options.capture_stdout = true;
  options.capture_stderr = true;
  options.env = wine.env;
  options.env.emplace_back("WINEDLLOVERRIDES=mscoree,mshtml=");  // no Mono/Gecko installer
  auto booted = util::run({wine.loader, "wineboot", "--init"}, options);
  // The registry files are written when the wineserver exits.
  util::run({wineserver_beside(wine.loader), "-w"}, options);
  if (booted.exit_code != 0 || !ready())
    throw Error("wine could not make its prefix " + wine.prefix.string() + ": " + booted.err,
                "check that wine runs: WINEPREFIX=" + wine.prefix.string() + " " + wine.loader + " wineboot",
                Exit::failed);
}

}  // namespace xstatic::integrate
