// Wine runs Windows targets' .exe files here, headless (WINEDEBUG=-all).
//
// Debian's wine keeps its loaders in /usr/lib/wine: wine64 (package wine64)
// runs 64-bit programs, wine (package wine32:i386) 32-bit ones. Debian's
// /usr/bin/wine script falls back to wine64 when wine32 is missing, and
// wine64 then runs a 32-bit program as nothing at all (no output, exit 0):
// so windows/386 asks for the 32-bit loader by name, or fails saying so.
//
// A wine prefix (the fake C: drive and registry) is made on first use, about
// 7 s; xstatic makes it quietly once, under a lock, so that a program's first
// run prints only the program's own output. The prefix is the user's
// WINEPREFIX when set, else <store>/wine.
#pragma once

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "xstatic/store/store.hpp"
#include "xstatic/target/target.hpp"

namespace xstatic::integrate {

struct Wine {
  std::string loader;            // /usr/lib/wine/wine64, ...
  std::filesystem::path prefix;  // WINEPREFIX
  std::vector<std::string> env;  // NAME=VALUE entries the program runs with
};

// Where Debian's wine package puts its loaders.
inline const std::filesystem::path kDebianWineDir = "/usr/lib/wine";

// The wine loader for 64- or 32-bit programs, or nullopt (see above):
// `debian_dir` first, then wine64/wine on PATH when that folder has no wine64.
std::optional<std::string> find_wine(bool is_64bit, const std::filesystem::path& debian_dir = kDebianWineDir);

// How to run a Windows target's programs. Throws Error (missing) naming the
// package to install when wine, or for windows/386 wine32, is not installed.
Wine wine_for(const target::Target& t, const store::Store& store,
              const std::filesystem::path& debian_dir = kDebianWineDir);

// Makes the prefix when it does not exist yet (wineboot, output discarded).
void ensure_wine_prefix(const Wine& wine, const store::Store& store);

}  // namespace xstatic::integrate
