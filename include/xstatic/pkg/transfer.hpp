// `pkg export` / `pkg import`: built packages carried in one archive to
// another store (a CI cache, a Docker layer). See src/pkg/transfer.cpp for
// the layout and the checks an import makes before it installs anything.
#pragma once

#include <filesystem>
#include <string>
#include <vector>

#include "xstatic/pkg/pkg.hpp"

namespace xstatic::pkg {

// Writes the packages of `targets` (every built package when empty) to `out`
// (.tar.zst, .tar.xz, .tar.gz or .tar) through a temporary file renamed into
// place; returns the folders written ("arm64-musl/curl"). Error(missing) when
// a target has none.
std::vector<std::string> export_packages(const store::Store& store,
                                         const std::vector<target::Target>& targets, const fs::path& out);

struct Imported {
  std::string folder;      // "arm64-musl/curl"
  bool installed = false;  // false: the store had it already (kept)
};

// Checks and installs an archive made by export_packages. Error(usage)
// naming the file and the reason when anything is refused; then nothing was
// installed.
std::vector<Imported> import_packages(const store::Store& store, const fs::path& file,
                                      util::Progress& progress);

}  // namespace xstatic::pkg
